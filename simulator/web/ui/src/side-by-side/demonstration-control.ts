// The guided demonstrations in the side by side page: choose one, then « Étape suivante » (keys
// N or →) plays the next step in the real screens of the webmail and the app, « Recommencer »
// goes back to its first step; « Sans animation » (on under prefers-reduced-motion) skips the
// typing. Each step shows its French title and narration (the catalogue's, GET
// /api/demonstrations, or the script's own) and, once done, the outcome the trust space gave.
import { SIDE_BY_SIDE_SCRIPTS, type SideBySideScript, type SideBySideStep } from '../../../../demonstrations/side-by-side/side-by-side-scripts.ts';
import { callout } from '../../design/badge.ts';
import { icon } from '../../design/icons.ts';
import { errorMessage } from '../api.ts';
import { el, replace } from '../dom.ts';
import type { Demonstration, DemonstrationStep } from '../types.ts';
import type { StepOutcome } from './step-outcome.ts';

/** What the control asks of the page: show a demonstration's mailbox and patient, play one of its steps. */
export interface DemonstrationActions {
  readonly prepare: (script: SideBySideScript) => Promise<void>;
  readonly play: (script: SideBySideScript, step: SideBySideStep) => Promise<StepOutcome>;
}

export class DemonstrationControl {
  readonly element: HTMLElement;
  /** Labelled by the section's heading. */
  readonly #choice = el('select', { attrs: { id: 'demo-choix' } });
  readonly #next = el('button', { attrs: { type: 'button', 'aria-describedby': 'demo-touches' } }, icon('next'), 'Étape suivante');
  readonly #restart = el('button', { className: 'secondary', attrs: { type: 'button' } }, icon('replay'), 'Recommencer');
  readonly #still = el('input', { attrs: { type: 'checkbox', name: 'sans-animation' } });
  readonly #result = el('div', { className: 'side-demo-result', attrs: { 'aria-live': 'polite' } });
  readonly #narration = el('div', { className: 'side-demo-narration' });
  #scripts: readonly { readonly script: SideBySideScript; readonly title: string; readonly steps: readonly DemonstrationStep[] }[] = [];
  #index = 0;
  #busy = false;

  constructor(private readonly actions: DemonstrationActions) {
    this.#still.checked = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.#next.addEventListener('click', () => void this.next());
    this.#restart.addEventListener('click', () => this.#restartAt(this.#choice.selectedIndex));
    this.#choice.addEventListener('change', () => {
      this.#restartAt(this.#choice.selectedIndex);
      this.#next.focus(); // N, → or Enter plays the first step
    });
    this.element = el('div', { className: 'side-demo-body' },
      el('div', { className: 'side-demo-head' }, el('h2', { attrs: { id: 'demo-titre' } }, el('label', { text: 'Démonstration guidée', attrs: { for: 'demo-choix' } })), this.#choice),
      el('div', { className: 'side-demo-controls' },
        el('div', { className: 'side-demo-buttons' }, this.#next, this.#restart),
        el('label', { className: 'check' }, this.#still, 'Sans animation'),
        el('p', { className: 'keys muted', attrs: { id: 'demo-touches' } }, 'Clavier : ', el('kbd', { text: 'N' }), ' ou ', el('kbd', { text: '→' })),
      ),
      el('div', { className: 'side-demo-steps' }, this.#result, this.#narration),
    );
    document.addEventListener('keydown', (event) => this.#key(event));
  }

  /** Whether typing is animated now. */
  get animated(): boolean {
    return !this.#still.checked;
  }

  /** The scripts with the catalogue's titles and narrations (GET /api/demonstrations). */
  load(catalogue: readonly Demonstration[]): void {
    this.#scripts = SIDE_BY_SIDE_SCRIPTS.flatMap((script) => {
      const demonstration = catalogue.find((d) => d.id === script.id);
      if (!demonstration) return [];
      const steps = script.steps.map((step): DemonstrationStep => ('sameAs' in step ? demonstration.steps[step.sameAs] ?? { title: '?', narration: '' } : step));
      return [{ script, title: demonstration.title, steps }];
    });
    replace(this.#choice, ...this.#scripts.map((s, i) => el('option', { text: s.title, attrs: { value: String(i) } })));
    this.#restartAt(0, false); // the page keeps the mailbox and patient of its address until one is chosen
  }

  /** GET /api/demonstrations failed: says why, plays nothing. */
  unavailable(message: string): void {
    this.#next.disabled = true;
    this.#restart.disabled = true;
    replace(this.#result, callout('refused', [el('p', { text: message })], 'Démonstrations indisponibles'));
  }

  /** Plays the next step of the chosen demonstration. */
  async next(): Promise<void> {
    const chosen = this.#scripts[this.#choice.selectedIndex];
    const step = chosen?.script.steps[this.#index];
    const shown = chosen?.steps[this.#index];
    if (!chosen || !step || !shown || this.#busy) return;
    this.#setBusy(true);
    const number = this.#index + 1;
    replace(this.#result, callout('pending', [el('p', { text: 'La démonstration écrit et envoie dans les écrans ci-dessus.' })], `Étape ${number} en cours`));
    replace(this.#narration, narration(`Étape ${number} sur ${chosen.steps.length} : ${shown.title}`, shown.narration));
    try {
      const outcome = await this.actions.play(chosen.script, step);
      this.#index += 1;
      replace(this.#result, callout(outcome.meaning, [el('p', { className: 'side-demo-outcome', text: outcome.sentence })], `Résultat de l'étape ${number} : ${shown.title}`));
    } catch (error) {
      replace(this.#result, callout('refused', [el('p', { className: 'side-demo-outcome', text: `Échec de l'étape : ${errorMessage(error)}` })], `Étape ${number} : ${shown.title}`));
    }
    this.#setBusy(false);
    this.#showNext();
  }

  #restartAt(choice: number, prepare = true): void {
    if (this.#busy) return;
    this.#choice.selectedIndex = choice;
    this.#index = 0;
    replace(this.#result);
    this.#showNext();
    const chosen = this.#scripts[choice];
    if (prepare && chosen) void this.actions.prepare(chosen.script);
  }

  #showNext(): void {
    const chosen = this.#scripts[this.#choice.selectedIndex];
    if (!chosen) return;
    const shown = chosen.steps[this.#index];
    this.#next.disabled = this.#busy || !shown;
    replace(this.#narration, shown
      ? narration(`Prochaine étape (${this.#index + 1} sur ${chosen.steps.length}) : ${shown.title}`, shown.narration)
      : narration('La démonstration est terminée', '« Recommencer » la rejoue depuis sa première étape ; la liste propose les autres.'));
  }

  #setBusy(busy: boolean): void {
    this.#busy = busy;
    this.#next.disabled = busy;
    this.#restart.disabled = busy;
    this.#choice.disabled = busy;
  }

  #key(event: KeyboardEvent): void {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable)) return;
    if (event.key.toLowerCase() === 'n' || event.key === 'ArrowRight') {
      event.preventDefault();
      void this.next();
    }
  }
}

function narration(title: string, text: string): HTMLElement {
  return el('div', { className: 'card' }, el('h3', { text: title }), el('p', { text }));
}
