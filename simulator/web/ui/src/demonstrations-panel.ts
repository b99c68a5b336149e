// Démonstrations: guided sequences with narration that run the reference client
// through a flow of REG-OFF. Start one, play it step by step (« Étape suivante ») or to the end.
import { errorMessage, getJson, send } from './api.ts';
import { el, replace } from './dom.ts';
import type { Demonstration, DemonstrationRun } from './types.ts';

const STATUS_LABELS: Readonly<Record<DemonstrationRun['status'], string>> = {
  ready: 'prête',
  running: 'en cours',
  waiting: 'en attente de l\'étape suivante',
  finished: 'terminée',
  failed: 'échouée',
};

export class DemonstrationsPanel {
  readonly #list: HTMLElement;
  readonly #stage: HTMLElement;
  #demonstrations: readonly Demonstration[] = [];
  #run: DemonstrationRun | undefined;
  #busy = false;

  constructor(list: HTMLElement, stage: HTMLElement) {
    this.#list = list;
    this.#stage = stage;
  }

  async load(): Promise<void> {
    try {
      this.#demonstrations = await getJson<Demonstration[]>('/api/demonstrations');
    } catch (error) {
      replace(this.#list, el('p', { className: 'error', text: errorMessage(error) }));
      return;
    }
    replace(this.#list, ...this.#demonstrations.map((d) => this.#card(d)));
  }

  /** A `demonstration` event from the live feed. */
  update(run: DemonstrationRun): void {
    if (this.#run && run.runId === this.#run.runId && run.log.length >= this.#run.log.length) {
      this.#run = run;
      this.#renderStage();
    }
  }

  #card(demonstration: Demonstration): HTMLElement {
    const start = el('button', { text: 'Démarrer', attrs: { type: 'button', 'aria-label': `Démarrer la démonstration « ${demonstration.title} »` } });
    start.addEventListener('click', () => void this.#start(demonstration));
    return el(
      'article',
      { className: 'demonstration', attrs: { 'data-demonstration': demonstration.id } },
      el('h3', { text: demonstration.title }),
      el('p', { text: demonstration.summary }),
      el('p', { className: 'secondary', text: `${demonstration.steps.length} étapes` }),
      start,
    );
  }

  async #start(demonstration: Demonstration): Promise<void> {
    await this.#act(async () => {
      this.#run = await send<DemonstrationRun>('POST', `/api/demonstrations/${encodeURIComponent(demonstration.id)}/runs`);
    });
    this.#stage.querySelector<HTMLButtonElement>('button.next')?.focus();
  }

  async #next(): Promise<void> {
    const run = this.#run;
    if (!run) return;
    await this.#act(async () => {
      this.#run = await send<DemonstrationRun>('POST', `/api/demonstrations/runs/${encodeURIComponent(run.runId)}/next`);
    });
  }

  async #toEnd(): Promise<void> {
    while (this.#run && !isOver(this.#run)) {
      const before = this.#run.log.length;
      await this.#next();
      if (!this.#run || this.#run.log.length === before) break; // no progress: stop rather than loop
    }
  }

  async #act(action: () => Promise<void>): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.#renderStage();
    try {
      await action();
    } catch (error) {
      this.#renderStage(errorMessage(error));
      return;
    } finally {
      this.#busy = false;
    }
    this.#renderStage();
  }

  #renderStage(error?: string): void {
    const run = this.#run;
    if (!run) return;
    const active = document.activeElement;
    const refocus = active instanceof HTMLButtonElement && this.#stage.contains(active) ? active.className : undefined;
    const demonstration = this.#demonstrations.find((d) => d.id === run.demonstrationId);
    const nextStep = demonstration?.steps[run.stepIndex];
    const over = isOver(run);
    const next = el('button', { className: 'next', text: 'Étape suivante', attrs: { type: 'button' } });
    const toEnd = el('button', { className: 'to-end', text: 'Jusqu\'à la fin', attrs: { type: 'button' } });
    next.disabled = toEnd.disabled = over || this.#busy;
    next.addEventListener('click', () => void this.#next());
    toEnd.addEventListener('click', () => void this.#toEnd());
    const narration = over
      ? el('p', { text: run.status === 'finished' ? 'La démonstration est terminée.' : 'La démonstration s\'est arrêtée sur une erreur.' })
      : nextStep
        ? el('div', {}, el('h4', { text: `Étape ${run.stepIndex + 1} : ${nextStep.title}` }), el('p', { text: nextStep.narration }))
        : el('p', { text: 'En attente…' });
    const log = el(
      'ol',
      { className: 'demonstration-log' },
      ...run.log.map((item) => el('li', {}, el('strong', { text: item.title }), el('p', { text: item.narration }), item.outcome ? el('p', { className: 'outcome', text: item.outcome }) : null)),
    );
    replace(
      this.#stage,
      el('h3', { text: demonstration?.title ?? run.demonstrationId }),
      el('p', { className: `run-status status-${run.status}`, text: `État : ${this.#busy ? 'en cours…' : STATUS_LABELS[run.status]} — étape ${Math.min(run.stepIndex + 1, demonstration?.steps.length ?? run.stepIndex + 1)} sur ${demonstration?.steps.length ?? '?'}` }),
      el('div', { className: 'narration', attrs: { 'aria-live': 'polite' } }, narration),
      el('div', { className: 'buttons' }, next, toEnd),
      error ? el('p', { className: 'error', attrs: { role: 'alert' }, text: error }) : null,
      el('h4', { text: 'Déroulé' }),
      log,
    );
    if (refocus) this.#stage.querySelector<HTMLButtonElement>(`button.${refocus}`)?.focus();
  }
}

function isOver(run: DemonstrationRun): boolean {
  return run.status === 'finished' || run.status === 'failed';
}
