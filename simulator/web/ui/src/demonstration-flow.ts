// The live flow of one demonstration run, beside its narration: every message of the run, the
// newest on top, each labelled with the step that sent it, its arrow drawn as it arrives, its
// meaning in colour, icon and word, its reason whole. Not virtualised (a run sends few messages).
import { icon } from '../design/icons.ts';
import { el, replace } from './dom.ts';
import { flowRow, type RowNaming } from './flow-row.ts';
import type { Lanes } from './lanes.ts';
import type { FlowEntry } from './types.ts';

export interface RunMessage {
  readonly entry: FlowEntry;
  /** 0-based index of the step running when it arrived. */
  readonly stepIndex: number;
}

export class DemonstrationFlow {
  readonly #messages: RunMessage[] = [];
  readonly #drawn = new Set<string>();

  add(entry: FlowEntry, stepIndex: number): void {
    if (this.#messages.some((m) => m.entry.id === entry.id)) return;
    this.#messages.push({ entry, stepIndex });
  }

  clear(): void {
    this.#messages.length = 0;
    this.#drawn.clear();
  }

  get messages(): readonly RunMessage[] {
    return this.#messages;
  }

  /** The panel: lane header, then one row per message, newest first. */
  render(container: HTMLElement, lanes: Lanes, naming: RowNaming): void {
    const rows = [...this.#messages].reverse().map((message, index) => {
      const arriving = !this.#drawn.has(message.entry.id);
      this.#drawn.add(message.entry.id);
      const row = flowRow(message.entry, lanes, index, naming, arriving);
      row.id = `demo-ligne-${message.entry.id}`;
      row.setAttribute('role', 'listitem');
      row.classList.add('static');
      row.prepend(el('span', { className: 'step-chip', text: `Étape ${message.stepIndex + 1}` }));
      return row;
    });
    replace(
      container,
      el('h4', { attrs: { id: 'demo-flux-titre' } }, icon('mail'), ' Messages échangés'),
      laneHeader(lanes, 'demo-lanes'),
      rows.length === 0
        ? el('p', { className: 'empty', text: 'Aucun message pour l\'instant : chaque étape dessine ici ses flèches.' })
        : el('div', { className: 'demo-flow-rows', attrs: { role: 'list', 'aria-labelledby': 'demo-flux-titre' } }, ...rows),
    );
  }
}

/** The lanes' names with their icons above the columns, on two or three rows so that each may be as many lanes wide. */
export function laneHeader(lanes: Lanes, className: string): HTMLElement {
  const count = lanes.all.length;
  const rows = count > 5 ? 3 : 2;
  const header = el('div', { className: `lane-labels rows-${rows} ${className}`, attrs: { 'aria-hidden': 'true' } });
  lanes.all.forEach((lane, index) => {
    const edge = index === 0 ? ' edge-start' : index === count - 1 ? ' edge-end' : '';
    const label = el('span', { className: `lane-label row-${index % rows}${lane.whitelisted ? '' : ' outside'}${edge}`, attrs: { title: lane.title } }, icon(lane.icon), lane.label);
    label.style.left = `${((index + 0.5) / count) * 100}%`;
    header.appendChild(label);
  });
  return header;
}
