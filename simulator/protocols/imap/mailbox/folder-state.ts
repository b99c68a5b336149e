// One folder of one mailbox as every IMAP session sees it (RFC 3501 §2.3.1): UIDs strictly
// ascending in arrival order, UIDNEXT, a UIDVALIDITY constant for the life of the store
// contents, the flags shared by every session (an organisational mailbox opened by a whole
// pharmacy team sees one set of flags), and change counters that sessions compare to know
// what to announce (EXISTS, EXPUNGE, FETCH FLAGS).
import type { StoredMessage } from '../../../services/store/stored-message.ts';
import type { MessageEntry } from './message-entry.ts';
import { uidLowerBound } from './uid-lower-bound.ts';

export type FlagOperation = 'set' | 'add' | 'remove';

export interface FolderStatus {
  readonly messages: number;
  readonly recent: number;
  readonly unseen: number;
  readonly uidNext: number;
  readonly uidValidity: number;
}

export class FolderState {
  readonly mailbox: string;
  /** Changes on RENAME (sessions that selected the folder keep it). */
  name: string;
  readonly uidValidity: number;
  #entries: MessageEntry[] = [];
  #uidNext = 1;
  #modseq = 0;
  #expungeVersion = 0;
  readonly #listeners = new Set<() => void>();

  constructor(mailbox: string, name: string, uidValidity: number) {
    this.mailbox = mailbox;
    this.name = name;
    this.uidValidity = uidValidity;
  }

  get entries(): readonly MessageEntry[] {
    return this.#entries;
  }

  get uidNext(): number {
    return this.#uidNext;
  }

  get modseq(): number {
    return this.#modseq;
  }

  get expungeVersion(): number {
    return this.#expungeVersion;
  }

  add(message: StoredMessage, options: { readonly flags?: Iterable<string>; readonly internalDate?: Date } = {}): MessageEntry {
    const entry: MessageEntry = {
      uid: this.#uidNext,
      message,
      internalDate: options.internalDate ?? message.receivedAt,
      flags: new Set(options.flags ?? []),
      modseq: 0,
      expunged: false,
      recentUnclaimed: true,
    };
    this.#uidNext += 1;
    this.#entries.push(entry);
    this.#notify();
    return entry;
  }

  /** Index of the first entry whose UID is ≥ `uid` (binary search). */
  lowerBound(uid: number): number {
    return uidLowerBound(this.#entries, uid);
  }


  /** Changes an entry's flags; returns the new modseq, or 0 when nothing changed. */
  changeFlags(entry: MessageEntry, operation: FlagOperation, flags: readonly string[]): number {
    const before = [...entry.flags].sort().join(' ');
    if (operation === 'set') entry.flags.clear();
    for (const flag of flags) {
      if (operation === 'remove') entry.flags.delete(flag);
      else entry.flags.add(flag);
    }
    if ([...entry.flags].sort().join(' ') === before) return 0;
    this.#modseq += 1;
    entry.modseq = this.#modseq;
    this.#notify();
    return this.#modseq;
  }

  /** Removes entries from the folder (the store keeps the messages). */
  expunge(entries: readonly MessageEntry[]): void {
    if (entries.length === 0) return;
    for (const entry of entries) entry.expunged = true;
    this.#entries = this.#entries.filter((entry) => !entry.expunged);
    this.#expungeVersion += 1;
    this.#notify();
  }

  status(): FolderStatus {
    let recent = 0;
    let unseen = 0;
    for (const entry of this.#entries) {
      if (entry.recentUnclaimed) recent += 1;
      if (!entry.flags.has('\\Seen')) unseen += 1;
    }
    return { messages: this.#entries.length, recent, unseen, uidNext: this.#uidNext, uidValidity: this.uidValidity };
  }

  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
