// Démonstrations: guided sequences with narration that run the reference client through a
// flow of REG-OFF, on one screen: the narration on the left, the run's live flow on the right,
// each step drawing its arrows as they happen. Keys while the view is shown: N (or Page down,
// right arrow) next step, F to the end, R replay.
import { errorMessage, getJson, send } from './api.ts';
import { DemonstrationFlow } from './demonstration-flow.ts';
import { isOver, stageNarration } from './demonstration-stage.ts';
import { el, replace } from './dom.ts';
import type { RowNaming } from './flow-row.ts';
import type { Lanes } from './lanes.ts';
import { whenUndisturbed } from './quiet-reload.ts';
import type { Demonstration, DemonstrationRun, FlowEntry } from './types.ts';

export interface DemonstrationsView {
  readonly list: HTMLElement;
  readonly stage: HTMLElement;
  readonly lanes: () => Lanes;
  readonly naming: () => RowNaming;
}

export class DemonstrationsPanel {
  readonly #view: DemonstrationsView;
  readonly #narration: HTMLElement;
  readonly #flowPanel: HTMLElement;
  readonly #flow = new DemonstrationFlow();
  #demonstrations: readonly Demonstration[] = [];
  #run: DemonstrationRun | undefined;
  /** Settles when the action running now ends; undefined when none runs (#act takes one at a time). */
  #inFlight: Promise<void> | undefined;

  constructor(view: DemonstrationsView) {
    this.#view = view;
    this.#narration = el('div', { className: 'stage-narration' });
    this.#flowPanel = el('section', { className: 'stage-flow', attrs: { 'aria-labelledby': 'demo-flux-titre' } });
    replace(view.stage, this.#narration, this.#flowPanel);
    view.stage.hidden = true;
  }

  async load(): Promise<void> {
    try {
      this.#demonstrations = await getJson<Demonstration[]>('/api/demonstrations');
    } catch (error) {
      replace(this.#view.list, el('p', { className: 'error', text: errorMessage(error) }));
      return;
    }
    replace(this.#view.list, ...this.#demonstrations.map((d) => this.#card(d)));
  }

  /** A `demonstration` event from the live feed: drawn once no button of the narration is pressed (quiet-reload.ts). */
  update(run: DemonstrationRun): void {
    if (this.#run && run.runId === this.#run.runId && run.log.length >= this.#run.log.length) {
      this.#run = run;
      whenUndisturbed(this.#narration, () => this.#render());
    }
  }

  /** A `flow` event: a message of the current run, drawn beside the narration. */
  flow(entry: FlowEntry): void {
    const run = this.#run;
    if (!run || (isOver(run) && !this.#busy)) return;
    this.#flow.add(entry, Math.max(0, run.log.length - 1));
    this.#renderFlow();
  }

  /** Names or addresses changed, or the theme: draw again. */
  refresh(): void {
    if (this.#run) this.#render();
  }

  /** A key pressed while the view is shown; true when it was a demonstration key. */
  key(event: KeyboardEvent): boolean {
    const run = this.#run;
    if (!run || event.ctrlKey || event.metaKey || event.altKey) return false;
    const key = event.key.toLowerCase();
    if (!isOver(run) && (key === 'n' || key === 'pagedown' || key === 'arrowright')) void this.#next();
    else if (!isOver(run) && key === 'f') void this.#toEnd();
    else if (isOver(run) && key === 'r') void this.#replay();
    else return false;
    return true;
  }

  #card(demonstration: Demonstration): HTMLElement {
    const start = el('button', { text: 'Démarrer', attrs: { type: 'button', 'aria-label': `Démarrer la démonstration « ${demonstration.title} »` } });
    start.addEventListener('click', () => void this.#start(demonstration.id));
    return el(
      'article',
      { className: 'demonstration card', attrs: { 'data-demonstration': demonstration.id } },
      el('h3', { text: demonstration.title }),
      el('p', { text: demonstration.summary }),
      el('p', { className: 'secondary', text: `${demonstration.steps.length} étapes` }),
      start,
    );
  }

  async #start(id: string): Promise<void> {
    this.#flow.clear();
    await this.#act(async () => {
      this.#run = await send<DemonstrationRun>('POST', `/api/demonstrations/${encodeURIComponent(id)}/runs`);
    });
    this.#view.stage.querySelector<HTMLButtonElement>('button.next')?.focus();
  }

  #replay(): Promise<void> {
    const run = this.#run;
    return run ? this.#start(run.demonstrationId) : Promise.resolve();
  }

  #back(): void {
    this.#run = undefined;
    this.#flow.clear();
    this.#view.stage.hidden = true;
    this.#view.list.hidden = false;
    this.#view.list.querySelector<HTMLButtonElement>('button')?.focus();
  }

  async #next(): Promise<void> {
    const run = this.#run;
    if (!run) return;
    await this.#act(async () => {
      this.#run = await send<DemonstrationRun>('POST', `/api/demonstrations/runs/${encodeURIComponent(run.runId)}/next`);
    });
  }

  async #toEnd(): Promise<void> {
    // A step may still be running when F is pressed (N just before; the live feed often shows a
    // step's result before the answer to its request arrives): wait for it, or the first
    // #next would do nothing and the loop would stop as if the run could not go on.
    await this.#inFlight;
    while (this.#run && !isOver(this.#run)) {
      const before = this.#run.log.length;
      await this.#next();
      if (!this.#run || this.#run.log.length === before) break; // no progress: stop rather than loop
    }
  }

  get #busy(): boolean {
    return this.#inFlight !== undefined;
  }

  async #act(action: () => Promise<void>): Promise<void> {
    if (this.#busy) return;
    const focused = this.#view.stage.contains(document.activeElement);
    let ended = () => {};
    this.#inFlight = new Promise<void>((resolve) => (ended = resolve));
    this.#render();
    let error: string | undefined;
    try {
      await action();
    } catch (caught) {
      error = errorMessage(caught);
    }
    this.#inFlight = undefined;
    this.#render(error);
    // The pressed button was disabled while the step ran: give the focus back to the buttons.
    if (focused && !this.#view.stage.contains(document.activeElement)) this.#view.stage.querySelector<HTMLButtonElement>('.narration button:not(:disabled)')?.focus();
    ended();
  }

  #render(error?: string): void {
    const run = this.#run;
    if (!run) return;
    this.#view.list.hidden = true;
    this.#view.stage.hidden = false;
    const active = document.activeElement;
    const refocus = active instanceof HTMLButtonElement && this.#view.stage.contains(active) ? active.classList[0] : undefined;
    const demonstration = this.#demonstrations.find((d) => d.id === run.demonstrationId);
    const actions = { next: () => void this.#next(), toEnd: () => void this.#toEnd(), replay: () => void this.#replay(), back: () => this.#back() };
    replace(this.#narration, ...stageNarration(run, demonstration, this.#busy, actions, error));
    this.#renderFlow();
    if (refocus) (this.#view.stage.querySelector<HTMLButtonElement>(`button.${refocus}:not(:disabled)`) ?? this.#view.stage.querySelector<HTMLButtonElement>('.narration button:not(:disabled)'))?.focus();
  }

  #renderFlow(): void {
    this.#flow.render(this.#flowPanel, this.#view.lanes(), this.#view.naming());
  }
}
