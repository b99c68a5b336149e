// What a room sees of a demonstration run, left of its live flow: the title and progress, the
// buttons (and keys), the result of the last step in a callout coloured by its meaning (where
// the eye lands), the narration of the next step, then the whole sequence with each step's outcome. Pure
// rendering: demonstrations-panel.ts owns the state and the actions.
import { callout, meaningBadge } from '../design/badge.ts';
import { icon } from '../design/icons.ts';
import { meaningClass } from '../design/meaning.ts';
import { el } from './dom.ts';
import { outcomeMeaning } from './flow-meaning.ts';
import type { Demonstration, DemonstrationRun } from './types.ts';

const STATUS_LABELS: Readonly<Record<DemonstrationRun['status'], string>> = {
  ready: 'prête',
  running: 'en cours',
  waiting: 'en attente de l\'étape suivante',
  finished: 'terminée',
  failed: 'arrêtée sur une erreur',
};

export interface StageActions {
  readonly next: () => void;
  readonly toEnd: () => void;
  readonly replay: () => void;
  readonly back: () => void;
}

export function isOver(run: DemonstrationRun): boolean {
  return run.status === 'finished' || run.status === 'failed';
}

export function stageNarration(run: DemonstrationRun, demonstration: Demonstration | undefined, busy: boolean, actions: StageActions, error?: string): HTMLElement[] {
  const total = demonstration?.steps.length ?? run.log.length;
  const over = isOver(run);
  const position = Math.min(run.stepIndex + 1, total);
  const head = el(
    'div',
    { className: 'stage-head' },
    el('h3', { text: demonstration?.title ?? run.demonstrationId }),
    over ? null : el('p', { className: `run-status status-${run.status}`, text: `Étape ${position} sur ${total} · ${busy ? 'en cours…' : STATUS_LABELS[run.status]}` }),
  );
  const buttons = over
    ? [button('Rejouer', 'replay', 'replay', actions.replay), button('Toutes les démonstrations', 'back secondary', undefined, actions.back)]
    : [button('Étape suivante', 'next', 'next', actions.next, busy), button('Jusqu\'à la fin', 'to-end secondary', 'play', actions.toEnd, busy)];
  const nextStep = demonstration?.steps[run.stepIndex];
  const keys = el(
    'p',
    { className: 'keys', attrs: { id: 'demo-touches' } },
    'Clavier : ',
    ...(over ? [el('kbd', { text: 'R' }), ' rejouer'] : [el('kbd', { text: 'N' }), ' étape suivante · ', el('kbd', { text: 'F' }), ' jusqu\'à la fin']),
  );
  const controls = el(
    'div',
    { className: 'controls' },
    over ? el('p', { className: `ended run-status status-${run.status}`, text: run.status === 'finished' ? 'La démonstration est terminée.' : 'La démonstration s\'est arrêtée sur une erreur.' }) : null,
    el('div', { className: 'buttons' }, ...buttons),
    keys,
  );
  const narration = !over && nextStep
    ? el('div', { className: 'narration card' }, el('h4', { text: `Étape ${run.stepIndex + 1} : ${nextStep.title}` }), el('p', { className: 'narration-text', text: nextStep.narration }))
    : null;
  return [head, controls, error ? el('p', { className: 'error', attrs: { role: 'alert' }, text: error }) : null, lastResult(run, busy), narration, stepList(run, demonstration)].filter((node): node is HTMLElement => node !== null);
}

function button(text: string, className: string, iconName: 'next' | 'play' | 'replay' | undefined, onClick: () => void, disabled = false): HTMLButtonElement {
  const element = el('button', { className, attrs: { type: 'button', 'aria-describedby': 'demo-touches' } }, iconName ? icon(iconName) : null, text);
  element.disabled = disabled;
  element.addEventListener('click', onClick);
  return element;
}

/** The result of the step that ran last (or the one running), where the eye lands. */
function lastResult(run: DemonstrationRun, busy: boolean): HTMLElement {
  const last = run.log.at(-1);
  const live = el('div', { className: 'last-result', attrs: { 'aria-live': 'polite' } });
  if (!last) return live;
  if (last.outcome === undefined || (busy && run.status === 'running')) {
    live.appendChild(callout('pending', [el('p', { text: 'Les messages partent : leurs flèches s\'affichent à droite.' })], `Étape ${last.stepIndex + 1} en cours : ${last.title}`));
    return live;
  }
  live.appendChild(callout(outcomeMeaning(last.outcome), [el('p', { className: 'outcome-text', text: last.outcome })], `Résultat de l'étape ${last.stepIndex + 1} : ${last.title}`));
  return live;
}

/** Every step: done (with its outcome and meaning), current, to come. */
function stepList(run: DemonstrationRun, demonstration: Demonstration | undefined): HTMLElement {
  const steps = demonstration?.steps ?? run.log;
  const items = steps.map((step, index) => {
    const logged = run.log.find((entry) => entry.stepIndex === index);
    const state = logged?.outcome !== undefined ? 'done' : index === run.stepIndex && !isOver(run) ? 'current' : 'todo';
    const meaning = logged?.outcome !== undefined ? outcomeMeaning(logged.outcome) : undefined;
    return el(
      'li',
      { className: `step step-${state}${meaning ? ` ${meaningClass(meaning)}` : ''}`, attrs: state === 'current' ? { 'aria-current': 'step' } : {} },
      el('strong', { text: `${index + 1}. ${step.title}` }),
      meaning ? meaningBadge(meaning) : state === 'current' ? el('span', { className: 'secondary', text: ' (prochaine étape)' }) : null,
      logged?.outcome !== undefined ? el('p', { className: 'outcome', text: logged.outcome }) : null,
    );
  });
  return el('section', { className: 'steps', attrs: { 'aria-label': 'Déroulé' } }, el('h4', { text: 'Déroulé' }), el('ol', { className: 'demonstration-log' }, ...items));
}
