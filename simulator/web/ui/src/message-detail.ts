// A message in full, the lesson first: the reason (or what happened) in large type, then who
// wrote to whom in plain words, then the body in a sandboxed frame (no allow-scripts, no
// allow-same-origin; the document itself comes with its own CSP `sandbox; default-src 'none'`),
// then the technical details folded: headers with X-MSS-* highlighted and explained, parts and
// attachments, the delivery-status fields of a bounce, the raw source, the SMTP/IMAP transcript.
// Text only through textContent.
import { callout, meaningBadge } from '../design/badge.ts';
import { errorMessage, getJson, getText } from './api.ts';
import { detailLead } from './detail-words.ts';
import { byId, el, formatTime, replace } from './dom.ts';
import { flowBadges } from './flow-meaning.ts';
import { headerNote } from './header-notes.ts';
import type { Participants } from './participants.ts';
import type { FlowEntry, MessageDetail } from './types.ts';
import { appendXdmPanel } from './xdm-panel.ts';

export function openMessageDetail(entry: FlowEntry, participants: Participants): void {
  const dialog = byId<HTMLDialogElement>('detail');
  const body = byId('detail-body');
  replace(byId('detail-title'), entry.subject || '(sans objet)');
  replace(body, overview(entry, participants));
  if (!dialog.open) dialog.showModal();
  byId('detail-close').focus();
  const technical = el('section', { className: 'detail-technical', attrs: { 'aria-labelledby': 'detail-technique' } }, el('h3', { text: 'Détails techniques', attrs: { id: 'detail-technique' } }));
  if (entry.storedId) void load(body, technical, () => storedMessage(entry.storedId ?? ''));
  if (entry.storedId) void appendXdmPanel(body, entry.storedId);
  body.appendChild(technical);
  if (entry.connectionId) void load(technical, technical, () => transcript(entry.connectionId ?? ''));
}

function overview(entry: FlowEntry, participants: Participants): HTMLElement {
  const lead = detailLead(entry, (address) => participants.label(address));
  const leadBody = el('p', { className: 'lead' }, entry.status ? el('span', { className: 'status-code', text: entry.status }) : null, entry.status ? ' ' : null, lead.lead);
  const rows: [string, string, string?][] = [
    ['De', participants.label(entry.from), entry.from || '<>'],
    ['À', entry.to.map((a) => participants.label(a)).join(', '), entry.to.join(', ')],
  ];
  if (entry.originalRecipient) rows.push([entry.kind === 'receipt' ? 'À propos de' : 'Destinataire en échec', participants.label(entry.originalRecipient), entry.originalRecipient]);
  rows.push(['Heure', formatTime(entry.at)]);
  if (entry.scenario) rows.push(['Scénario', entry.scenario]);
  const people = el('dl', { className: 'people' });
  for (const [term, value, address] of rows) people.append(el('dt', { text: term }), el('dd', {}, value, address && address !== value ? el('span', { className: 'address technical', text: ` ${address}` }) : null));
  return el(
    'section',
    { className: `detail-overview kind-${entry.kind}` },
    callout(lead.meaning, [leadBody], lead.title),
    el('p', { className: 'story' }, ...flowBadges(entry).map((badge) => meaningBadge(badge.meaning, badge.text)), ' ', lead.story),
    people,
  );
}

/** Fills `content` (the body of the message) before `technical`, and the technical sections into it. */
async function load(parent: HTMLElement, technical: HTMLElement, build: () => Promise<{ content: HTMLElement[]; folded: HTMLElement[] }>): Promise<void> {
  const waiting = el('p', { className: 'secondary', text: 'Chargement…' });
  technical.setAttribute('aria-busy', 'true');
  technical.appendChild(waiting);
  try {
    const { content, folded } = await build();
    if (parent !== technical) for (const node of content) parent.insertBefore(node, technical);
    else technical.append(...content);
    technical.append(...folded);
  } catch (error) {
    technical.appendChild(el('p', { className: 'error', text: errorMessage(error) }));
  }
  waiting.remove();
  technical.removeAttribute('aria-busy');
}

function fold(title: string, className: string, ...children: HTMLElement[]): HTMLElement {
  return el('details', { className: `fold ${className}` }, el('summary', { text: title }), ...children);
}

async function storedMessage(id: string): Promise<{ content: HTMLElement[]; folded: HTMLElement[] }> {
  const detail = await getJson<MessageDetail>(`/api/messages/${encodeURIComponent(id)}`);
  const folded: HTMLElement[] = [fold(`En-têtes (${detail.parsed.headers.length})`, 'headers-fold', headersTable(detail)), fold('Parties et pièces jointes', 'parts-fold', partsList(detail), ...(detail.parsed.attachments.length > 0 ? [attachmentsTable(detail)] : []))];
  if (detail.parsed.deliveryStatus) folded.push(fold('Rapport de remise (RFC 3464)', 'delivery-fold', deliveryStatus(detail.parsed.deliveryStatus)));
  if (detail.parsed.problems.length > 0) folded.push(el('div', { className: 'problems' }, el('h4', { text: 'Problèmes relevés' }), el('ul', {}, ...detail.parsed.problems.map((p) => el('li', { text: p })))));
  folded.push(await rawSource(id));
  return { content: [htmlFrame(id)], folded };
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
  const block = el('div', { className: 'delivery-status' });
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
  return el('section', { className: 'message-body' }, el('h3', { text: 'Contenu du message' }), el('p', { className: 'secondary', text: 'Affiché dans un cadre isolé : sans script ni contenu distant.' }), frame);
}

async function rawSource(id: string): Promise<HTMLElement> {
  const raw = await getText(`/api/messages/${encodeURIComponent(id)}/raw`, 'message/rfc822');
  return el('details', { className: 'fold raw' }, el('summary', { text: `Source brute (${raw.length} caractères)` }), el('pre', { text: raw, attrs: { tabindex: '0', 'aria-label': 'Source brute' } }));
}

async function transcript(connectionId: string): Promise<{ content: HTMLElement[]; folded: HTMLElement[] }> {
  const text = await getText(`/api/journal/${encodeURIComponent(connectionId)}`);
  return { content: [], folded: [el('details', { className: 'fold transcript' }, el('summary', { text: `Transcription SMTP/IMAP (connexion ${connectionId})` }), el('pre', { text, attrs: { tabindex: '0', 'aria-label': 'Transcription' } }))] };
}

function definitionList(rows: readonly (readonly [string, string])[]): HTMLElement {
  const list = el('dl');
  for (const [term, value] of rows) list.append(el('dt', { text: term }), el('dd', { text: value }));
  return list;
}
