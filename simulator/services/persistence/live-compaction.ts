// Keeping journal.ndjson bounded while the simulator runs. The retention limit (--max-messages)
// evicts the oldest copies and transmissions, but their records stay in the journal: left
// running, it grew by about 27 KB per message (1.3 GB after 60,000 messages at a limit of 2,000)
// until the next start compacted it. This bookkeeping follows where each record lies in the file
// (byte offset) and which copies and transmissions are gone, and says when the part before the
// oldest one still kept (the cut) is worth dropping: at least `minimumBytes`, and at least as
// much as what follows it. The log (group-commit-log.ts) then writes the new journal: the head
// made here (the count of copies evicted before the cut, and the trust-space state records
// before it: patient profiles, changes, starts; the same as compaction.ts keeps at start),
// followed by the bytes from the cut on, unchanged. Pure: no clock, no I/O.
import type { DurableRecord } from './durable-record.ts';
import { encodeRecordLine } from './record-line.ts';

/** What a written line is, for this bookkeeping. */
export type LineTag =
  | { readonly kind: 'stored' | 'accepted'; readonly id: string }
  | { readonly kind: 'state' }
  | { readonly kind: 'evicted'; readonly messages: number };

export interface CompactionPlan {
  /** Byte offset of the first record kept as it is. */
  readonly cut: number;
  /** The records that replace everything before the cut, as lines. */
  readonly head: string;
}

interface Placed {
  readonly id: string;
  offset: number;
}

/** Below this many droppable bytes, no compaction while running (the start compacts anyway). */
export const DEFAULT_MINIMUM_BYTES = 64 * 1024 * 1024;

export class LiveCompaction {
  /** Copies and transmissions still kept, in file order. */
  #stored: Placed[] = [];
  #accepted: Placed[] = [];
  /** Ids evicted whose record is not (or no longer) at the front of its queue. */
  readonly #evicted = new Set<string>();
  /** Offsets of the records of evicted copies: each counts in the head's `evicted` record once dropped. */
  #droppedCopies: number[] = [];
  /** State records (their lines as written), and `evicted` counts, by offset. */
  #state: { offset: number; readonly line: string }[] = [];
  #evictedCounts: { offset: number; readonly messages: number }[] = [];
  /** The compaction planned and not finished yet. */
  #pending: { readonly cut: number; readonly evicted: number; readonly countBytes: number } | undefined;

  constructor(private readonly minimumBytes = DEFAULT_MINIMUM_BYTES) {}

  /** A line written at `offset` (`line`: its text, kept for state records only). */
  written(tag: LineTag, offset: number, line: string): void {
    if (tag.kind === 'state') this.#state.push({ offset, line });
    else if (tag.kind === 'evicted') this.#evictedCounts.push({ offset, messages: tag.messages });
    else (tag.kind === 'stored' ? this.#stored : this.#accepted).push({ id: tag.id, offset });
    this.#popEvicted();
  }

  /** The retention limit removed this copy or transmission. */
  evicted(id: string): void {
    this.#evicted.add(id);
    this.#popEvicted();
  }

  /** The journal was emptied (trust-space reset). */
  cleared(): void {
    this.#stored = [];
    this.#accepted = [];
    this.#evicted.clear();
    this.#droppedCopies = [];
    this.#state = [];
    this.#evictedCounts = [];
    this.#pending = undefined;
  }

  /** A compaction worth doing for a journal of `size` bytes, else undefined; none while one is under way. */
  plan(size: number): CompactionPlan | undefined {
    if (this.#pending) return undefined;
    const cut = Math.min(this.#stored[0]?.offset ?? size, this.#accepted[0]?.offset ?? size);
    const state = this.#state.filter((s) => s.offset < cut).map((s) => s.line);
    const kept = state.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
    if (cut - kept < this.minimumBytes || cut - kept < size - cut) return undefined;
    // Copies evicted before the cut: counted again at the next start, as /api/stats counts them.
    const evicted = this.#droppedCopies.filter((offset) => offset < cut).length + this.#evictedCounts.filter((e) => e.offset < cut).reduce((sum, e) => sum + e.messages, 0);
    const countLine = evicted > 0 ? encodeRecordLine({ t: 'evicted', messages: evicted } satisfies DurableRecord) : '';
    this.#pending = { cut, evicted, countBytes: Buffer.byteLength(countLine) };
    return { cut, head: countLine + state.join('') };
  }

  /** The planned compaction is done (`done`: the new journal replaced the old one) or was given up. */
  finished(done: boolean): void {
    const pending = this.#pending;
    this.#pending = undefined;
    if (!pending || !done) return;
    const { cut, evicted, countBytes } = pending;
    const before = this.#state.filter((s) => s.offset < cut);
    const headBytes = countBytes + before.reduce((sum, s) => sum + Buffer.byteLength(s.line), 0);
    const shift = (offset: number) => offset - cut + headBytes;
    // The head as written: the count first, then the state records in their order.
    let offset = countBytes;
    const head = before.map((s) => {
      const placed = { offset, line: s.line };
      offset += Buffer.byteLength(s.line);
      return placed;
    });
    this.#state = [...head, ...this.#state.filter((s) => s.offset >= cut).map((s) => ({ offset: shift(s.offset), line: s.line }))];
    this.#evictedCounts = [...(evicted > 0 ? [{ offset: 0, messages: evicted }] : []), ...this.#evictedCounts.filter((e) => e.offset >= cut).map((e) => ({ offset: shift(e.offset), messages: e.messages }))];
    this.#droppedCopies = this.#droppedCopies.filter((o) => o >= cut).map(shift);
    for (const placed of [...this.#stored, ...this.#accepted]) placed.offset = shift(placed.offset);
  }

  #popEvicted(): void {
    for (const queue of [this.#stored, this.#accepted]) {
      while (queue.length > 0 && this.#evicted.has(queue[0]!.id)) {
        const front = queue.shift()!;
        this.#evicted.delete(front.id);
        if (queue === this.#stored) this.#droppedCopies.push(front.offset);
      }
    }
  }
}
