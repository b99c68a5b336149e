// One row of the live flow, drawn as a line of a sequence diagram: a dot on the sender's lane,
// an arrow to the recipients' lanes, then the badges (remis, avis de non-remise with its French
// reason, refusé à RCPT, refus Mon espace santé, [FIN], non répondable) and the subject.
import { el } from './dom.ts';
import { formatTime } from './dom.ts';
import { compactReason, FLOW_KIND_LABELS, flowMarks, flowSentence, shortAddress } from './labels.ts';
import type { Lanes } from './lanes.ts';
import type { FlowEntry } from './types.ts';

export const ROW_HEIGHT = 60;

export function flowRow(entry: FlowEntry, lanes: Lanes, position: number): HTMLElement {
  const row = el(
    'div',
    { className: `flow-row kind-${entry.kind}`, attrs: { role: 'option', id: rowId(position), 'aria-label': flowSentence(entry), 'data-entry-id': entry.id } },
    el('span', { className: 'flow-time', text: formatTime(entry.at) }),
    laneStrip(entry, lanes),
    summary(entry),
  );
  return row;
}

export function placeholderRow(position: number): HTMLElement {
  return el('div', { className: 'flow-row placeholder', attrs: { role: 'option', id: rowId(position), 'aria-label': 'chargement' } }, el('span', { className: 'flow-time', text: '…' }), el('span', { className: 'flow-summary', text: 'chargement…' }));
}

export function rowId(position: number): string {
  return `flux-ligne-${position}`;
}

function laneStrip(entry: FlowEntry, lanes: Lanes): HTMLElement {
  const count = lanes.all.length;
  const strip = el('span', { className: 'flow-lanes', attrs: { 'aria-hidden': 'true' } });
  for (let i = 0; i < count; i++) strip.appendChild(el('span', { className: 'lane-line' }));
  const from = lanes.of(entry.from);
  const targets = entry.to.length > 0 ? entry.to.map((to) => lanes.of(to)) : [from];
  const center = (lane: number) => ((lane + 0.5) / count) * 100;
  const far = targets.reduce((best, lane) => (Math.abs(lane - from) > Math.abs(best - from) ? lane : best), targets[0] ?? from);
  const arrow = el('span', { className: `flow-arrow ${far > from ? 'to-right' : far < from ? 'to-left' : 'to-self'}` });
  const left = Math.min(center(from), center(far));
  arrow.style.left = `${left}%`;
  arrow.style.width = far === from ? '0' : `${Math.abs(center(far) - center(from))}%`;
  strip.appendChild(arrow);
  const failed = entry.originalRecipient !== undefined && entry.kind !== 'receipt' ? [[lanes.of(entry.originalRecipient), 'dot failed'] as const] : [];
  for (const [lane, className] of [...failed, [from, 'dot sender'], ...targets.map((t) => [t, 'dot recipient'] as const)] as const) {
    const dot = el('span', { className });
    dot.style.left = `${center(lane)}%`;
    strip.appendChild(dot);
  }
  return strip;
}

function summary(entry: FlowEntry): HTMLElement {
  const first = el(
    'span',
    { className: 'flow-line' },
    el('span', { className: `badge kind-${entry.kind}`, text: FLOW_KIND_LABELS[entry.kind] ?? entry.kind }),
    ...flowMarks(entry).map((mark) => el('span', { className: 'badge mark', text: mark })),
    entry.scenario ? el('span', { className: 'badge scenario', text: entry.scenario }) : null,
    el('span', { className: 'flow-subject', text: entry.subject || '(sans objet)' }),
  );
  const about = entry.originalRecipient ? ` (pour ${shortAddress(entry.originalRecipient)})` : '';
  const route = `${shortAddress(entry.from) || '<>'} → ${entry.to.map(shortAddress).join(', ')}${about}`;
  const second = el('span', { className: 'flow-line secondary' }, el('span', { className: 'flow-route', text: route, attrs: { title: `${entry.from} → ${entry.to.join(', ')}` } }));
  if (entry.reason) second.appendChild(el('span', { className: 'flow-reason', text: `${entry.status ? `${entry.status} · ` : ''}${compactReason(entry.reason)}`, attrs: { title: entry.reason } }));
  return el('span', { className: 'flow-summary' }, first, second);
}
