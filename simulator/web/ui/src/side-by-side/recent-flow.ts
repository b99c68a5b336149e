// The lines of the side by side page's live flow, newest first: the page shows the last few, read
// from GET /api/flow when it opens and when its feed comes back from a cut (what happened
// meanwhile came as no event), and puts each live entry on top. Entries the feed brought while a
// read was under way stay, whether the read's answer has them or not; a reset during a read makes
// its answer stale (it may have been made before the reset). Pure.
import type { FlowEntry } from '../types.ts';

export class RecentFlow {
  #lines: readonly FlowEntry[] = [];
  /** Live entries since the read under way began, newest first; undefined when none is. */
  #duringRead: FlowEntry[] | undefined;
  /** A reset came during the read under way. */
  #readIsStale = false;

  constructor(private readonly shown: number) {}

  get lines(): readonly FlowEntry[] {
    return this.#lines;
  }

  /** A live entry: on top. */
  add(entry: FlowEntry): void {
    this.#duringRead?.unshift(entry);
    this.#lines = [entry, ...this.#lines.filter((line) => line.id !== entry.id)].slice(0, this.shown);
  }

  /** A reset of the trust space: nothing to show. */
  clear(): void {
    this.#lines = [];
    if (this.#duringRead) {
      this.#duringRead = [];
      this.#readIsStale = true;
    }
  }

  /** A read of GET /api/flow begins. */
  beginRead(): void {
    this.#duringRead = [];
    this.#readIsStale = false;
  }

  /** Its page (newest first) replaces the lines, with the live entries that came during the read on top. */
  endRead(page: readonly FlowEntry[]): void {
    const arrived = this.#duringRead ?? [];
    const answer = this.#readIsStale ? [] : page;
    this.#duringRead = undefined;
    const known = new Set(arrived.map((entry) => entry.id));
    this.#lines = [...arrived, ...answer.filter((entry) => !known.has(entry.id))].slice(0, this.shown);
  }

  /** A read that failed: the lines stay as the feed made them. */
  abandonRead(): void {
    this.#duringRead = undefined;
  }
}
