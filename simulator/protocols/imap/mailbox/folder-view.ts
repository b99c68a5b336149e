// A session's view of its selected folder (RFC 3501 §2.3.1.2, §7.4.1): its own message
// sequence numbers, which change only when this session is told (EXPUNGE, EXISTS), so that
// another session's changes never shift numbers under a running command. `sync` turns what
// changed in the shared FolderState into the untagged responses to send.
// \Recent, simplified (documented): the first read-write SELECT after a message arrived
// claims it as recent for that session; a read-write session holding the folder open claims
// new arrivals; EXAMINE never claims (RFC 3501 §2.3.2 leaves the details to the server).
import type { SequenceSet } from '../protocol/sequence-set.ts';
import { concreteRanges } from '../protocol/sequence-set.ts';
import type { FolderState } from './folder-state.ts';
import { flagList } from './message-flags.ts';
import type { MessageEntry } from './message-entry.ts';
import { uidLowerBound } from './uid-lower-bound.ts';

export interface SelectedMessage {
  readonly seq: number;
  readonly entry: MessageEntry;
}

export class FolderView {
  readonly folder: FolderState;
  readonly readOnly: boolean;
  #entries: MessageEntry[];
  #highestUid: number;
  #seenModseq: number;
  #seenExpungeVersion: number;
  readonly #recent = new Set<MessageEntry>();
  readonly #ownChanges = new Set<number>();

  constructor(folder: FolderState, readOnly: boolean) {
    this.folder = folder;
    this.readOnly = readOnly;
    this.#entries = [...folder.entries];
    this.#highestUid = folder.uidNext - 1;
    this.#seenModseq = folder.modseq;
    this.#seenExpungeVersion = folder.expungeVersion;
    for (const entry of this.#entries) this.#claim(entry);
  }

  get exists(): number {
    return this.#entries.length;
  }

  get recentCount(): number {
    return this.#recent.size;
  }

  isRecent(entry: MessageEntry): boolean {
    return this.#recent.has(entry);
  }

  /** Sequence number of the first message without \Seen, or undefined. */
  firstUnseen(): number | undefined {
    const index = this.#entries.findIndex((entry) => !entry.flags.has('\\Seen'));
    return index < 0 ? undefined : index + 1;
  }

  /** Messages of a sequence set (message numbers, or UIDs), in ascending order, each once. */
  select(set: SequenceSet, byUid: boolean): SelectedMessage[] {
    const last = this.#entries[this.#entries.length - 1];
    const ranges = concreteRanges(set, byUid ? (last?.uid ?? 0) : this.#entries.length);
    const indexes = new Set<number>();
    for (const [low, high] of ranges) {
      if (byUid) {
        for (let i = uidLowerBound(this.#entries, low); i < this.#entries.length && (this.#entries[i] as MessageEntry).uid <= high; i += 1) indexes.add(i);
      } else {
        for (let i = Math.max(low, 1); i <= Math.min(high, this.#entries.length); i += 1) indexes.add(i - 1);
      }
    }
    const sorted = ranges.length === 1 ? [...indexes] : [...indexes].sort((a, b) => a - b);
    return sorted.map((index) => ({ seq: index + 1, entry: this.#entries[index] as MessageEntry }));
  }

  all(): SelectedMessage[] {
    return this.#entries.map((entry, index) => ({ seq: index + 1, entry }));
  }

  /** A flag change this session made and already reported (not repeated by sync). */
  noteOwnChange(modseq: number): void {
    if (modseq > 0) this.#ownChanges.add(modseq);
  }

  /** Untagged responses for what changed since the last sync. EXPUNGE only when `allowExpunge` (RFC 3501 §7.4.1). */
  sync(allowExpunge: boolean): string[] {
    const lines: string[] = [];
    if (allowExpunge && this.folder.expungeVersion !== this.#seenExpungeVersion) this.#syncExpunges(lines);
    this.#syncArrivals(lines);
    if (this.folder.modseq !== this.#seenModseq) this.#syncFlags(lines);
    return lines;
  }

  #syncExpunges(lines: string[]): void {
    for (let i = this.#entries.length - 1; i >= 0; i -= 1) {
      const entry = this.#entries[i] as MessageEntry;
      if (!entry.expunged) continue;
      lines.push(`* ${i + 1} EXPUNGE`);
      this.#recent.delete(entry);
    }
    this.#entries = this.#entries.filter((entry) => !entry.expunged);
    this.#seenExpungeVersion = this.folder.expungeVersion;
  }

  #syncArrivals(lines: string[]): void {
    const all = this.folder.entries;
    const start = this.folder.lowerBound(this.#highestUid + 1);
    if (start >= all.length) return;
    for (let i = start; i < all.length; i += 1) {
      const entry = all[i] as MessageEntry;
      this.#entries.push(entry);
      this.#claim(entry);
    }
    this.#highestUid = (all[all.length - 1] as MessageEntry).uid;
    lines.push(`* ${this.#entries.length} EXISTS`, `* ${this.#recent.size} RECENT`);
  }

  #syncFlags(lines: string[]): void {
    this.#entries.forEach((entry, index) => {
      if (entry.modseq > this.#seenModseq && !this.#ownChanges.has(entry.modseq)) {
        lines.push(`* ${index + 1} FETCH (UID ${entry.uid} FLAGS ${flagList(entry.flags, this.#recent.has(entry))})`);
      }
    });
    this.#seenModseq = this.folder.modseq;
    this.#ownChanges.clear();
  }

  #claim(entry: MessageEntry): void {
    if (this.readOnly || !entry.recentUnclaimed) return;
    entry.recentUnclaimed = false;
    this.#recent.add(entry);
  }
}
