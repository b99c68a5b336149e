// The manual driver's console in the UI: pending instructions for the person at the
// client and yes/no attestation questions, answered with Oui/Non here or in the terminal (the
// first answer wins, simulator/services/operator-console/operator-console.ts); when the run ends,
// its final verdict with the link to the report, on top. Texts keep their line breaks (CSS
// pre-wrap) and go through textContent only.
import { errorMessage, getJson, send } from './api.ts';
import { el, formatTime, replace } from './dom.ts';
import { redrawKeepingFocus } from './keep-focus.ts';
import { whenUndisturbed } from './quiet-reload.ts';
import type { OperatorPrompt } from './types.ts';

const STATUS_LABELS: Readonly<Record<OperatorPrompt['status'], string>> = {
  open: 'en attente',
  done: 'fait',
  expired: 'délai dépassé',
  answered: 'répondu',
};

export class ConsolePanel {
  readonly #container: HTMLElement;
  readonly #onPending: (count: number) => void;
  readonly #prompts = new Map<string, OperatorPrompt>();

  constructor(container: HTMLElement, onPending: (count: number) => void) {
    this.#container = container;
    this.#onPending = onPending;
  }

  async load(): Promise<void> {
    try {
      const prompts = await getJson<OperatorPrompt[]>('/api/console/prompts');
      this.#prompts.clear();
      for (const prompt of prompts) this.#prompts.set(prompt.id, prompt);
    } catch (error) {
      replace(this.#container, el('p', { className: 'error', text: errorMessage(error) }));
      return;
    }
    this.#render();
  }

  /** A `console` event: a new prompt or a change of status. */
  update(prompt: OperatorPrompt): void {
    this.#prompts.set(prompt.id, prompt);
    this.#render();
  }

  /** Drawn again at every prompt event: not under a pressed « Oui », and the keyboard stays on its button. */
  #render(): void {
    whenUndisturbed(this.#container, () => redrawKeepingFocus(this.#container, () => this.#draw()));
  }

  #draw(): void {
    const prompts = [...this.#prompts.values()].reverse();
    const open = prompts.filter((p) => p.status === 'open');
    this.#onPending(open.length);
    if (prompts.length === 0) {
      replace(this.#container, el('p', { text: 'Aucune consigne : le pilote manuel n\'est pas en cours d\'utilisation.' }));
      return;
    }
    const verdicts = prompts.filter((p) => p.kind === 'verdict');
    const closed = prompts.filter((p) => p.status !== 'open' && p.kind !== 'verdict');
    replace(this.#container, ...verdicts.map((p) => this.#prompt(p)), ...open.map((p) => this.#prompt(p)), ...closed.map((p) => this.#prompt(p)));
  }

  #prompt(prompt: OperatorPrompt): HTMLElement {
    if (prompt.kind === 'verdict') return verdict(prompt);
    const title = prompt.kind === 'question' ? 'Question' : 'Consigne';
    const article = el(
      'article',
      { className: `prompt ${prompt.kind} status-${prompt.status}`, attrs: { 'data-prompt': prompt.id, 'aria-label': `${title} : ${prompt.text}` } },
      el('p', { className: 'secondary', text: `${title} — ${formatTime(prompt.openedAt)} — ${STATUS_LABELS[prompt.status]}${prompt.timeoutMs && prompt.status === 'open' ? ` (délai : ${Math.round(prompt.timeoutMs / 1000)} s)` : ''}` }),
      el('p', { className: 'prompt-text', text: prompt.text }),
      prompt.details.length ? el('ul', {}, ...prompt.details.map((d) => el('li', { text: d }))) : null,
    );
    if (prompt.kind === 'question' && prompt.status === 'open') {
      const output = el('output', { className: 'result', attrs: { role: 'status' } });
      const answer = (value: boolean) =>
        send<OperatorPrompt>('POST', `/api/console/prompts/${encodeURIComponent(prompt.id)}/answer`, { answer: value })
          .then((updated) => updated && this.update(updated))
          .catch((error: unknown) => replace(output, errorMessage(error)));
      const yes = el('button', { text: 'Oui', attrs: { type: 'button' } });
      const no = el('button', { text: 'Non', attrs: { type: 'button' } });
      yes.addEventListener('click', () => void answer(true));
      no.addEventListener('click', () => void answer(false));
      article.append(el('div', { className: 'buttons' }, yes, no), output);
    } else if (prompt.kind === 'question' && prompt.answer !== undefined) {
      article.appendChild(el('p', { className: 'outcome', text: `Réponse : ${prompt.answer ? 'oui' : 'non'}` }));
    }
    return article;
  }
}

/** The run's end: the verdict in large type, its details, and the report (served by the simulator). */
function verdict(prompt: OperatorPrompt): HTMLElement {
  return el(
    'article',
    { className: 'prompt verdict', attrs: { 'data-prompt': prompt.id, 'aria-label': `Verdict final : ${prompt.text}` } },
    el('p', { className: 'secondary', text: `Fin de la campagne — ${formatTime(prompt.openedAt)}` }),
    el('p', { className: 'prompt-text verdict-text', text: prompt.text }),
    prompt.details.length ? el('ul', {}, ...prompt.details.map((d) => el('li', { text: d }))) : null,
    prompt.report ? el('p', {}, el('a', { text: 'Ouvrir le rapport de conformité', attrs: { href: prompt.report.url, target: '_blank', rel: 'noopener' } })) : null,
    prompt.report ? el('p', { className: 'secondary', text: `Fichier : ${prompt.report.file}` }) : null,
  );
}
