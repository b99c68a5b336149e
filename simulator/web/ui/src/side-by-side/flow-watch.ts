// The flow entries the live feed brought since a mark, and a bounded wait for the first one that
// matches: how a side by side step learns what the trust space did with the message it sent.
import { DemonstrationUiError } from './demonstration-ui-error.ts';
import type { FlowEntry } from '../types.ts';

const KEPT = 200;

export class FlowWatch {
  readonly #entries: { readonly seq: number; readonly entry: FlowEntry }[] = [];
  readonly #waiters = new Set<() => void>();
  #seq = 0;

  /** A `flow` event of the live feed. */
  add(entry: FlowEntry): void {
    this.#seq += 1;
    this.#entries.push({ seq: this.#seq, entry });
    if (this.#entries.length > KEPT) this.#entries.shift();
    for (const wake of [...this.#waiters]) wake();
  }

  /** Entries after this mark count for the next `waitFor`. */
  mark(): number {
    return this.#seq;
  }

  /** The first entry after `mark` that matches; rejects with `what` after a bounded wait. */
  waitFor(mark: number, matches: (entry: FlowEntry) => boolean, what: string, timeoutMs = 15_000): Promise<FlowEntry> {
    return new Promise((resolve, reject) => {
      const look = () => this.#entries.find((e) => e.seq > mark && matches(e.entry))?.entry;
      const found = look();
      if (found) return resolve(found);
      const wake = () => {
        const entry = look();
        if (!entry) return;
        this.#waiters.delete(wake);
        clearTimeout(timer);
        resolve(entry);
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(wake);
        reject(new DemonstrationUiError(`${what} n'apparaît pas dans le flux en direct.`));
      }, timeoutMs);
      this.#waiters.add(wake);
    });
  }
}
