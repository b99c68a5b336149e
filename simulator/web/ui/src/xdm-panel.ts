// The « Archive XDM » panel of the message view: for a message carrying an IHE_XDM.ZIP or
// document headers, its documents, the patient it is about and the findings of the document
// checks (SC.MSS/CONF.14, 15, 23, 24, 25), from GET /api/messages/{id}/documents. Nothing is
// shown for an ordinary message. Text only through textContent.
import { errorMessage, getJson } from './api.ts';
import { el } from './dom.ts';

interface XdmFinding {
  readonly rule: string;
  readonly code: string;
  readonly message: string;
}

interface XdmReport {
  readonly documentMessage: boolean;
  readonly archive?: { readonly filename: string; readonly size: number };
  readonly documents?: readonly { readonly uri?: string; readonly typeCode?: string; readonly uniqueId?: string; readonly mimeType?: string }[];
  readonly patient?: { readonly patientId?: string; readonly birthName?: string; readonly firstName?: string; readonly birthTime?: string; readonly qualifiedIns: boolean };
  readonly pdfs?: readonly string[];
  readonly headers?: { readonly ins?: string; readonly codeCda?: string };
  readonly findings?: readonly XdmFinding[];
}

export async function appendXdmPanel(parent: HTMLElement, storedId: string): Promise<void> {
  let report: XdmReport;
  try {
    report = await getJson<XdmReport>(`/api/messages/${encodeURIComponent(storedId)}/documents`);
  } catch (error) {
    parent.appendChild(el('section', { className: 'xdm-panel' }, el('h3', { text: 'Archive XDM' }), el('p', { className: 'error', text: errorMessage(error) })));
    return;
  }
  if (!report.documentMessage) return;
  parent.appendChild(el('section', { className: 'xdm-panel' }, el('h3', { text: 'Archive XDM' }), summary(report), documentsTable(report), findingsList(report.findings ?? [])));
}

function summary(report: XdmReport): HTMLElement {
  const p = report.patient;
  const rows: [string, string][] = [
    ['Archive', report.archive ? `${report.archive.filename} (${report.archive.size} octets)` : 'aucune archive IHE_XDM.ZIP'],
    ['Patient', p ? `${p.birthName ?? '?'} ${p.firstName ?? '?'}${p.birthTime ? `, né(e) le ${cdaDate(p.birthTime)}` : ''}` : 'non identifié'],
    ['patientId', p?.patientId ?? 'absent'],
    ['INS qualifiée dans l\'archive', p?.qualifiedIns ? 'oui' : 'non'],
    ['X-MSS-INS', report.headers?.ins ?? 'absent'],
    ['X-MSS-CODECDA', report.headers?.codeCda ?? 'absent'],
    ['PDF joints', (report.pdfs ?? []).join(', ') || 'aucun'],
  ];
  const list = el('dl');
  for (const [term, value] of rows) list.append(el('dt', { text: term }), el('dd', { text: value }));
  return list;
}

function documentsTable(report: XdmReport): HTMLElement {
  const rows = (report.documents ?? []).map((d) => el('tr', {}, el('td', { text: d.uri ?? '?' }), el('td', { text: d.typeCode ?? '?' }), el('td', { text: d.mimeType ?? '?' }), el('td', { text: d.uniqueId ?? '?' })));
  const head = el('thead', {}, el('tr', {}, ...['Fichier', 'Type (typeCode)', 'Type MIME', 'Identifiant unique'].map((t) => el('th', { text: t, attrs: { scope: 'col' } }))));
  return el('table', { className: 'attachments' }, el('caption', { text: 'Documents décrits par METADATA.XML' }), head, el('tbody', {}, ...rows));
}

function findingsList(findings: readonly XdmFinding[]): HTMLElement {
  if (findings.length === 0) return el('p', { className: 'xdm-ok', text: 'Aucun constat : archive, en-têtes et objet conformes aux contrôles du simulateur.' });
  return el('div', { className: 'problems' }, el('h4', { text: 'Constats' }), el('ul', {}, ...findings.map((f) => el('li', { text: `${f.rule} — ${f.message}` }))));
}

/** A CDA date (`YYYYMMDD`, possibly with a time) as the French read it; anything else as written. */
function cdaDate(value: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}
