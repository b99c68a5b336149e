// The manual driver's side of the conversation with the person (REG-DEC-04): each
// instruction and question is printed in the terminal and published on the OperatorConsole (the
// web UI shows the same prompts). A yes/no answer comes from the terminal or the web UI, the
// first one wins; every answer is kept as an attestation for the report.
import type { OperatorConsole, OperatorPrompt } from '../../../simulator/public-api.ts';
import { terminalInput, type TerminalInput } from './terminal-lines.ts';
import { isGiveUp, parseYesNo, yesNoLabel } from './yes-no-answer.ts';

/** A yes/no answer given by the person, as attached to the report. */
export interface Attestation {
  readonly question: string;
  readonly details: readonly string[];
  readonly answer: boolean;
  readonly askedAt: string;
  readonly answeredAt: string;
  readonly answeredFrom: 'terminal' | 'console';
}

export interface OperatorDialogueOptions {
  readonly console: OperatorConsole;
  readonly input: NodeJS.ReadableStream | null;
  readonly output: NodeJS.WritableStream;
  readonly now: () => Date;
}

export class OperatorDialogue {
  readonly #console: OperatorConsole;
  readonly #terminal: TerminalInput;
  readonly #output: NodeJS.WritableStream;
  readonly #now: () => Date;
  readonly #attestations: Attestation[] = [];
  /** An instruction that needs no traffic (a search, a new scenario): closed when the next prompt opens. */
  #information: OperatorPrompt | undefined;
  #count = 0;

  constructor(options: OperatorDialogueOptions) {
    this.#console = options.console;
    this.#terminal = terminalInput(options.input);
    this.#output = options.output;
    this.#now = options.now;
  }

  print(...lines: readonly string[]): void {
    this.#output.write(lines.map((line) => `${line}\n`).join(''));
  }

  /** An instruction the harness then awaits traffic for (`timeoutMs`), or plain information without it. */
  instruct(text: string, details: readonly string[], footer: readonly string[] = [], timeoutMs?: number): OperatorPrompt {
    this.#closeInformation();
    this.#count += 1;
    this.print('', `[Consigne ${this.#count}] ${text}`, ...details.map((d) => `    • ${d}`), ...footer.map((f) => `    ${f}`));
    return this.#console.instruct(text, details, timeoutMs);
  }

  inform(text: string, details: readonly string[] = []): void {
    this.#information = this.instruct(text, details);
  }

  close(prompt: OperatorPrompt, status: 'done' | 'expired'): void {
    this.#console.close(prompt.id, status);
  }

  /**
   * Aborts when the person says nothing will come: « r » typed in the terminal, or the instruction
   * closed from the web UI. `stop()` must be called once the wait is over.
   */
  watchGiveUp(prompt: OperatorPrompt): { readonly signal: AbortSignal; stop(): void } {
    const controller = new AbortController();
    const onUpdate = (updated: OperatorPrompt) => {
      if (updated.id === prompt.id && updated.status !== 'open') controller.abort();
    };
    this.#console.on('update', onUpdate);
    const stopListening = this.#terminal.listen((line) => {
      if (isGiveUp(line)) controller.abort();
    });
    return {
      signal: controller.signal,
      stop: () => {
        this.#console.off('update', onUpdate);
        stopListening();
      },
    };
  }

  /** Asks a yes/no question in the terminal and the web UI; resolves with the first answer. */
  async ask(question: string, details: readonly string[] = []): Promise<boolean> {
    this.#closeInformation();
    this.#count += 1;
    const askedAt = this.#now().toISOString();
    const { prompt, answer } = this.#console.ask(question, details);
    const where = this.#terminal.ended ? "dans l'interface web (le terminal n'accepte plus de saisie)" : "ici (« o » ou « n », puis Entrée) ou dans l'interface web";
    this.print('', `[Question ${this.#count}] ${question}`, ...details.map((d) => `    • ${d}`), `    Répondez ${where}.`);
    let fromTerminal = false;
    const stopListening = this.#terminal.listen((line) => {
      const value = parseYesNo(line);
      if (value === undefined) return this.print('    Réponse non comprise : tapez « o » (oui) ou « n » (non), puis Entrée.');
      fromTerminal = this.#console.answer(prompt.id, value);
    });
    const value = await answer;
    stopListening();
    this.print(`    Réponse ${fromTerminal ? 'saisie dans le terminal' : "reçue de l'interface web"} : ${yesNoLabel(value)}.`);
    this.#attestations.push({ question, details, answer: value, askedAt, answeredAt: this.#now().toISOString(), answeredFrom: fromTerminal ? 'terminal' : 'console' });
    return value;
  }

  attestations(): readonly Attestation[] {
    return [...this.#attestations];
  }

  #closeInformation(): void {
    if (this.#information) this.close(this.#information, 'done');
    this.#information = undefined;
  }
}
