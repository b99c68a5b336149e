// One row of the live flow, drawn as a line of a sequence diagram: a dot on the sender's lane,
// an arrow to the recipients' lanes (drawn as it arrives for a live message), then who wrote to
// whom in plain words (« Dr Paul Martin, médecin → Louise Marchand, patiente »), the badges
// (icon + word + colour: remis, avis de non-remise, refus, échange clos, non répondable), the
// subject, and the reason in full with its status code, wrapped, never cut.
import { meaningBadge } from '../design/badge.ts';
import { meaningClass } from '../design/meaning.ts';
import { el, formatTime } from './dom.ts';
import { flowBadges, flowMeaning, reasonText } from './flow-meaning.ts';
import type { Lanes } from './lanes.ts';
import type { FlowEntry } from './types.ts';

/** Height of a row in root em: three lines of text and a reason of up to three lines. */
export const ROW_REM = 7;

export interface RowNaming {
  /** What a room reads for an address: a name and role, or the address itself on demand. */
  readonly label: (address: string) => string;
  /** The technical spelling (tooltip, screen readers). */
  readonly address: (address: string) => string;
}

export function flowRow(entry: FlowEntry, lanes: Lanes, position: number, naming: RowNaming, arriving = false): HTMLElement {
  return el(
    'div',
    {
      className: `flow-row kind-${entry.kind} ${meaningClass(flowMeaning(entry))}${arriving ? ' arriving' : ''}`,
      attrs: { role: 'option', id: rowId(position), 'data-entry-id': entry.id },
    },
    el('span', { className: 'flow-time technical', text: formatTime(entry.at) }),
    laneStrip(entry, lanes),
    summary(entry, naming),
  );
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
  arrow.style.left = `${Math.min(center(from), center(far))}%`;
  arrow.style.width = far === from ? '0' : `${Math.abs(center(far) - center(from))}%`;
  const failed = entry.originalRecipient !== undefined && entry.kind !== 'receipt' ? [[lanes.of(entry.originalRecipient), 'dot failed'] as const] : [];
  for (const [lane, className] of [...failed, [from, 'dot sender'], ...targets.map((t) => [t, 'dot recipient'] as const)] as const) {
    const dot = el('span', { className });
    dot.style.left = `${center(lane)}%`;
    strip.appendChild(dot);
  }
  strip.appendChild(arrow); // over the dots: its head stays visible on the recipient's dot
  return strip;
}

function summary(entry: FlowEntry, naming: RowNaming): HTMLElement {
  const route = `${capitalise(naming.label(entry.from))} → ${entry.to.map(naming.label).join(', ') || '(aucun destinataire)'}`;
  const first = el(
    'span',
    { className: 'flow-line' },
    ...flowBadges(entry).map((badge) => meaningBadge(badge.meaning, badge.text)),
    el('span', { className: 'flow-subject', text: entry.subject || '(sans objet)' }),
    entry.scenario ? el('span', { className: 'flow-scenario secondary technical', text: `scénario ${entry.scenario}` }) : null,
  );
  const second = el('span', { className: 'flow-line secondary' }, el('span', { className: 'flow-route', text: route, attrs: { title: `${naming.address(entry.from)} → ${entry.to.map(naming.address).join(', ')}` } }));
  const reason = reasonText(entry, naming.label);
  const third = reason ? el('span', { className: 'flow-reason' }, entry.status ? el('span', { className: 'status-code', text: entry.status }) : null, el('span', { className: 'flow-reason-text', text: reason })) : null;
  return el('span', { className: 'flow-summary' }, first, second, third);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
