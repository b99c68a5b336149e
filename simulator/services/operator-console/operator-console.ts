// The operator console (manual driver: its instructions and attestation questions appear in
// the UI as well as in the terminal, REG-DEC-04): what the harness asks a person to do or to
// attest, shared by the terminal and the web UI. The first answer wins, from wherever it comes.
// When the run ends, its final verdict stays on the console with the link to the report.
import { EventEmitter } from 'node:events';

export type PromptKind = 'instruction' | 'question' | 'verdict';
export type PromptStatus = 'open' | 'done' | 'expired' | 'answered';

export interface OperatorPrompt {
  readonly id: string;
  readonly kind: PromptKind;
  /** French, names exactly what to do or what to look at. */
  readonly text: string;
  readonly details: readonly string[];
  readonly openedAt: string;
  /** For an instruction: how long the harness waits for the resulting traffic. */
  readonly timeoutMs?: number;
  readonly status: PromptStatus;
  /** For an answered question: the person's yes (true) or no (false). */
  readonly answer?: boolean;
  /** For a verdict: where the web UI serves the report (REPORT_PATH) and the file it was written to. */
  readonly report?: { readonly url: string; readonly file: string };
}

/** Where the HTTP server serves the report named by the last verdict. */
export const REPORT_PATH = '/api/console/rapport';

export interface FinalVerdict {
  /** French, e.g. « Verdict : Non conforme ». */
  readonly text: string;
  readonly details: readonly string[];
  /** Absolute path of the self-contained HTML report. */
  readonly reportFile?: string;
}

interface Pending {
  prompt: OperatorPrompt;
  settle?: (answer: boolean) => void;
}

/** Events: `prompt` (a new OperatorPrompt), `update` (its status changed), `cleared`. */
export class OperatorConsole extends EventEmitter {
  readonly #prompts = new Map<string, Pending>();
  readonly #keep: number;
  readonly #now: () => Date;
  #next = 1;

  constructor(options: { readonly keep?: number; readonly now?: () => Date } = {}) {
    super();
    this.#keep = options.keep ?? 200;
    this.#now = options.now ?? (() => new Date());
  }

  /** Shows an instruction; the caller closes it when the traffic arrived (`done`) or not (`expired`). */
  instruct(text: string, details: readonly string[] = [], timeoutMs?: number): OperatorPrompt {
    return this.#open({ kind: 'instruction', text, details, ...(timeoutMs === undefined ? {} : { timeoutMs }) }).prompt;
  }

  close(id: string, status: 'done' | 'expired'): void {
    const pending = this.#prompts.get(id);
    if (!pending || pending.prompt.status !== 'open' || pending.prompt.kind !== 'instruction') return;
    this.#update(pending, { ...pending.prompt, status });
  }

  /** Asks a yes/no attestation; `answer` settles with the first answer given (terminal or web UI). */
  ask(text: string, details: readonly string[] = []): { readonly prompt: OperatorPrompt; readonly answer: Promise<boolean> } {
    let settle!: (answer: boolean) => void;
    const answer = new Promise<boolean>((resolve) => (settle = resolve));
    // `settle` is set before the `prompt` event, so that a listener may answer synchronously.
    const pending = this.#open({ kind: 'question', text, details }, settle);
    return { prompt: pending.prompt, answer };
  }

  /** The run's end: its verdict, shown (already closed, `done`) until the console is cleared. */
  verdict(verdict: FinalVerdict): OperatorPrompt {
    const report = verdict.reportFile === undefined ? {} : { report: { url: REPORT_PATH, file: verdict.reportFile } };
    const { prompt } = this.#open({ kind: 'verdict', text: verdict.text, details: verdict.details, ...report });
    return prompt;
  }

  /** The report file of the last verdict, if it named one. */
  reportFile(): string | undefined {
    return [...this.#prompts.values()].reverse().find((p) => p.prompt.kind === 'verdict')?.prompt.report?.file;
  }

  /** Records an answer; false when the question is unknown or already answered. */
  answer(id: string, value: boolean): boolean {
    const pending = this.#prompts.get(id);
    if (!pending || pending.prompt.kind !== 'question' || pending.prompt.status !== 'open') return false;
    this.#update(pending, { ...pending.prompt, status: 'answered', answer: value });
    pending.settle?.(value);
    return true;
  }

  get(id: string): OperatorPrompt | undefined {
    return this.#prompts.get(id)?.prompt;
  }

  pending(): readonly OperatorPrompt[] {
    return [...this.#prompts.values()].map((p) => p.prompt).filter((p) => p.status === 'open');
  }

  recent(limit = 50): readonly OperatorPrompt[] {
    return [...this.#prompts.values()].map((p) => p.prompt).slice(-limit);
  }

  /** Forgets closed prompts; open questions stay (a person may be answering). */
  clear(): void {
    for (const [id, pending] of this.#prompts) if (pending.prompt.status !== 'open') this.#prompts.delete(id);
    this.emit('cleared');
  }

  #open(fields: Pick<OperatorPrompt, 'kind' | 'text' | 'details' | 'timeoutMs' | 'report'>, settle?: (answer: boolean) => void): Pending {
    const prompt: OperatorPrompt = { id: `p${this.#next++}`, ...fields, openedAt: this.#now().toISOString(), status: fields.kind === 'verdict' ? 'done' : 'open' };
    const pending: Pending = settle ? { prompt, settle } : { prompt };
    this.#prompts.set(prompt.id, pending);
    this.#trim();
    this.emit('prompt', prompt);
    return pending;
  }

  #update(pending: Pending, prompt: OperatorPrompt): void {
    pending.prompt = prompt;
    this.emit('update', prompt);
  }

  #trim(): void {
    for (const [id, pending] of this.#prompts) {
      if (this.#prompts.size <= this.#keep) return;
      if (pending.prompt.status !== 'open') this.#prompts.delete(id);
    }
  }
}
