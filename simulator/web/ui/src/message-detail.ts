// A message in full: headers with X-MSS-* highlighted and explained, parts,
// attachments, the delivery-status fields of a bounce, the raw source, the SMTP/IMAP transcript
// and the HTML body in a sandboxed frame (no allow-scripts, no allow-same-origin; the document
// itself comes with its own CSP `sandbox; default-src 'none'`). Text only through textContent.
import { errorMessage, getJson, getText } from './api.ts';
import { byId, el, formatTime, replace } from './dom.ts';
import { headerNote } from './header-notes.ts';
import { FLOW_KIND_LABELS, flowMarks } from './labels.ts';
import type { FlowEntry, MessageDetail } from './types.ts';
import { appendXdmPanel } from './xdm-panel.ts';

export function openMessageDetail(entry: FlowEntry): void {
  const dialog = byId<HTMLDialogElement>('detail');
  const body = byId('detail-body');
  replace(byId('detail-title'), entry.subject || '(sans objet)');
  replace(body, overview(entry));
  if (!dialog.open) dialog.showModal();
  byId('detail-close').focus();
  if (entry.storedId) void section(body, 'Message', () => storedMessage(entry.storedId ?? ''));
  if (entry.storedId) void appendXdmPanel(body, entry.storedId);
  if (entry.connectionId) void section(body, 'Transcription SMTP/IMAP', () => transcript(entry.connectionId ?? ''));
}

function overview(entry: FlowEntry): HTMLElement {
  const rows: [string, string][] = [
    ['Statut', FLOW_KIND_LABELS[entry.kind] ?? entry.kind],
    ['Heure', formatTime(entry.at)],
    ['Expéditeur', entry.from || '<> (expéditeur vide)'],
    ['Destinataires', entry.to.join(', ')],
  ];
  if (entry.originalRecipient) rows.push([entry.kind === 'receipt' ? 'À propos de' : 'Destinataire en échec', entry.originalRecipient]);
  if (entry.reason) rows.push(['Motif', entry.reason]);
  if (entry.status) rows.push(['Code d\'état', entry.status]);
  for (const mark of flowMarks(entry)) rows.push(['Remarque', mark]);
  if (entry.scenario) rows.push(['Scénario', entry.scenario]);
  return el('section', { className: `detail-overview kind-${entry.kind}` }, definitionList(rows));
}

async function section(parent: HTMLElement, title: string, build: () => Promise<HTMLElement[]>): Promise<void> {
  const container = el('section', { attrs: { 'aria-busy': 'true' } }, el('h3', { text: title }), el('p', { text: 'Chargement…' }));
  parent.appendChild(container);
  try {
    replace(container, el('h3', { text: title }), ...(await build()));
  } catch (error) {
    replace(container, el('h3', { text: title }), el('p', { className: 'error', text: errorMessage(error) }));
  }
  container.removeAttribute('aria-busy');
}

async function storedMessage(id: string): Promise<HTMLElement[]> {
  const detail = await getJson<MessageDetail>(`/api/messages/${encodeURIComponent(id)}`);
  const parts: HTMLElement[] = [headersTable(detail), partsList(detail)];
  if (detail.parsed.attachments.length > 0) parts.push(attachmentsTable(detail));
  if (detail.parsed.deliveryStatus) parts.push(deliveryStatus(detail.parsed.deliveryStatus));
  if (detail.parsed.problems.length > 0) parts.push(el('div', { className: 'problems' }, el('h4', { text: 'Problèmes relevés' }), el('ul', {}, ...detail.parsed.problems.map((p) => el('li', { text: p })))));
  parts.push(htmlFrame(id));
  parts.push(await rawSource(id));
  return parts;
}

function headersTable(detail: MessageDetail): HTMLElement {
  const table = el('table', { className: 'headers' }, el('caption', { text: 'En-têtes (les en-têtes MSSanté sont surlignés)' }), el('thead', {}, el('tr', {}, el('th', { text: 'Nom', attrs: { scope: 'col' } }), el('th', { text: 'Valeur', attrs: { scope: 'col' } }), el('th', { text: 'Explication', attrs: { scope: 'col' } }))));
  const tbody = el('tbody');
  for (const header of detail.parsed.headers) {
    const note = headerNote(header.name, header.value);
    const decoded = header.name.toLowerCase() === 'subject' && detail.subject !== null && detail.subject !== header.value ? `Décodé (RFC 2047) : ${detail.subject}` : '';
    const explanation = [note.note, decoded].filter(Boolean).join(' ');
    tbody.appendChild(el('tr', { className: note.mss ? 'mss' : '' }, el('th', { text: header.name, attrs: { scope: 'row' } }), el('td', { text: header.value }), el('td', { text: explanation })));
  }
  table.appendChild(tbody);
  return table;
}

function partsList(detail: MessageDetail): HTMLElement {
  const { parsed } = detail;
  const items = [
    `Type : ${parsed.contentType ?? 'text/plain (par défaut)'}`,
    `Partie texte : ${parsed.text ? `${parsed.text.length} caractères` : 'absente'}`,
    `Partie HTML : ${parsed.html ? `${parsed.html.length} caractères` : 'absente'}`,
    `Taille : ${detail.size} octets ; boîte : ${detail.mailbox}`,
  ];
  const block = el('div', { className: 'parts' }, el('h4', { text: 'Parties' }), el('ul', {}, ...items.map((text) => el('li', { text }))));
  if (parsed.text) block.appendChild(el('pre', { className: 'text-part', text: parsed.text, attrs: { tabindex: '0', 'aria-label': 'Partie texte' } }));
  return block;
}

function attachmentsTable(detail: MessageDetail): HTMLElement {
  const rows = detail.parsed.attachments.map((a) => el('tr', {}, el('td', { text: a.filename ?? '(sans nom)' }), el('td', { text: a.contentType }), el('td', { text: `${a.size} octets` })));
  return el('table', { className: 'attachments' }, el('caption', { text: 'Pièces jointes' }), el('thead', {}, el('tr', {}, ...['Nom', 'Type', 'Taille'].map((t) => el('th', { text: t, attrs: { scope: 'col' } })))), el('tbody', {}, ...rows));
}

function deliveryStatus(status: NonNullable<MessageDetail['parsed']['deliveryStatus']>): HTMLElement {
  const block = el('div', { className: 'delivery-status' }, el('h4', { text: 'Rapport de remise (RFC 3464)' }));
  block.appendChild(definitionList(Object.entries(status.perMessage.fields)));
  status.recipients.forEach((recipient, index) => {
    block.appendChild(el('h5', { text: `Destinataire ${index + 1}` }));
    block.appendChild(definitionList(Object.entries(recipient.fields)));
  });
  return block;
}

function htmlFrame(id: string): HTMLElement {
  // Empty sandbox: no scripts, no same origin, no forms, no popups, no top navigation.
  const frame = el('iframe', { className: 'html-body', attrs: { sandbox: '', src: `/api/messages/${encodeURIComponent(id)}/html`, title: 'Corps HTML du message (isolé)', referrerpolicy: 'no-referrer' } });
  return el('div', {}, el('h4', { text: 'Affichage du corps (cadre isolé, sans script ni contenu distant)' }), frame);
}

async function rawSource(id: string): Promise<HTMLElement> {
  const raw = await getText(`/api/messages/${encodeURIComponent(id)}/raw`, 'message/rfc822');
  return el('details', { className: 'raw' }, el('summary', { text: `Source brute (${raw.length} caractères)` }), el('pre', { text: raw, attrs: { tabindex: '0' } }));
}

async function transcript(connectionId: string): Promise<HTMLElement[]> {
  const text = await getText(`/api/journal/${encodeURIComponent(connectionId)}`);
  return [el('details', { className: 'transcript', attrs: { open: '' } }, el('summary', { text: `Connexion ${connectionId}` }), el('pre', { text, attrs: { tabindex: '0' } }))];
}

function definitionList(rows: readonly (readonly [string, string])[]): HTMLElement {
  const list = el('dl');
  for (const [term, value] of rows) list.append(el('dt', { text: term }), el('dd', { text: value }));
  return list;
}
