// Every message the trust space accepted or produced, in memory, in arrival order, up to a
// retention limit (`maxMessages`, like Mailpit's): past it the oldest copies are evicted, told to
// `onEvicted` listeners (IMAP folders expunge them) and counted (`evictedCount`). Nothing
// accepted is dropped below the limit (REG-SMTP-04). `waitFor` is how scenarios wait without sleeping
// (REG-DEC-03): it listens for stored messages, never polls. Readers subscribe with
// typed listeners (`onStored`, `onCleared`); the composition root republishes each stored
// message on the observation bus (simulator/observation).
import { addressKey } from '../../domain/address-key.ts';
import { indexMessage } from '../../protocols/mime/message-index.ts';
import type { MessageIndex } from '../../protocols/mime/message-index.ts';
import { bareMessageId } from '../../protocols/mime/message-ids.ts';
import { ByteSlabs } from './byte-slabs.ts';
import { DeliveredCopy } from './delivered-copy.ts';
import { MessageIdIndex } from './message-id-index.ts';
import { lazyStoredMessage, type NewLazyStoredMessage } from './lazy-stored-message.ts';
import { MessageWaitTimeoutError } from './message-wait-timeout-error.ts';
import { SequenceLookup } from './sequence-lookup.ts';
import { withReturnPath } from './return-path.ts';
import type { MessageKind, StoredMessage } from './stored-message.ts';

export type NewStoredMessage = Omit<StoredMessage, 'id' | 'index'> & { readonly index?: MessageIndex };

/** A final delivery: `trace`, the `Received` line (with its CRLF) of the SMTP server that accepted the message. */
export type NewDelivery = Omit<NewStoredMessage, 'folder'> & { readonly trace?: string };

export interface ListOptions {
  readonly folder?: StoredMessage['folder'];
  readonly kind?: MessageKind;
}

export interface StoreCounts {
  readonly messages: number;
  readonly bounces: number;
  readonly receipts: number;
}

export type StoredListener = (message: StoredMessage) => void;

/**
 * Delivered copies keep the header index given at delivery while they are among the last
 * RECENT_INDEXES stored (the readers of a new message, some after the SMTP reply, find it
 * made); older ones read it again from their bytes when asked (delivered-copy.ts).
 */
export const RECENT_INDEXES = 1024;

/** Default retention limit: copies held before the oldest are evicted. */
export const DEFAULT_MAX_MESSAGES = 50_000;

export interface MessageStoreOptions {
  /** Copies held at most (an integer ≥ 1); past it the oldest are evicted. */
  readonly maxMessages?: number;
}

/** Tells `onStored` listeners of each `add`, and `onCleared` listeners of each `clear`. */
export class MessageStore {
  readonly #messages: StoredMessage[] = [];
  readonly #byId = new SequenceLookup<StoredMessage>('m-', () => this.#messages);
  readonly #byMailbox = new Map<string, StoredMessage[]>();
  readonly #byMessageId = new MessageIdIndex();
  readonly #storedListeners = new Set<StoredListener>();
  readonly #clearedListeners = new Set<() => void>();
  readonly #evictedListeners = new Set<StoredListener>();
  readonly #maxMessages: number;
  /** Delivered bytes, packed (byte-slabs.ts). */
  readonly #slabs = new ByteSlabs();
  #evicted = 0;
  #sequence = 0;
  /** The last delivered bytes, shared by the copies of one message to several mailboxes. */
  #lastDelivery: { readonly source: Buffer; readonly mailFrom: string; readonly trace: string | undefined; readonly raw: Buffer; readonly index: MessageIndex; readonly prefix: number } | undefined;

  constructor(options: MessageStoreOptions = {}) {
    this.#maxMessages = options.maxMessages ?? DEFAULT_MAX_MESSAGES;
    if (!(this.#maxMessages >= 1)) throw new RangeError(`maxMessages must be at least 1, got ${this.#maxMessages}`);
  }

  get maxMessages(): number {
    return this.#maxMessages;
  }

  /** Copies evicted by the retention limit since start or the last clear. */
  get evictedCount(): number {
    return this.#evicted;
  }

  /** Called for each copy evicted by the retention limit, oldest first; returns the unsubscribe function. */
  onEvicted(listener: StoredListener): () => void {
    this.#evictedListeners.add(listener);
    return () => this.#evictedListeners.delete(listener);
  }

  /** Called after each add, in order; returns the unsubscribe function. */
  onStored(listener: StoredListener): () => void {
    this.#storedListeners.add(listener);
    return () => this.#storedListeners.delete(listener);
  }

  /** Listeners of stored messages now (pending waitFor calls included): lets tests check none leaks. */
  get storedListenerCount(): number {
    return this.#storedListeners.size;
  }

  /** Called after each clear (trust space reset); returns the unsubscribe function. */
  onCleared(listener: () => void): () => void {
    this.#clearedListeners.add(listener);
    return () => this.#clearedListeners.delete(listener);
  }

  /** Stores a message (bytes given, or made on first read); ids keep increasing across `clear()` so that an old id never names a new message. */
  add(input: NewStoredMessage | NewLazyStoredMessage): StoredMessage {
    const id = this.#nextId();
    const message: StoredMessage =
      'bytes' in input ? lazyStoredMessage(input, id) : { ...input, id, mailbox: addressKey(input.mailbox), index: input.index ?? indexMessage(input.raw) };
    return this.#insert(message);
  }

  /**
   * A copy read back from the durable store (--conserver), under its own id; later ids follow
   * it. Told to listeners and evicted past the limit like an `add`.
   */
  restore(message: StoredMessage): StoredMessage {
    const sequence = Number(/^m-(\d+)$/.exec(message.id)?.[1]);
    if (!Number.isSafeInteger(sequence)) throw new RangeError(`restored message id ${message.id} is not a store id`);
    this.#sequence = Math.max(this.#sequence, sequence);
    return this.#insert(message);
  }

  /** Copies evicted before a compaction of the durable store, counted again at restart. */
  restoreEvictedCount(count: number): void {
    this.#evicted += count;
  }

  #insert(message: StoredMessage): StoredMessage {
    this.#messages.push(message);
    this.#byId.added(message);
    push(this.#byMailbox, message.mailbox, message);
    const messageId = messageIdOf(message);
    if (messageId !== undefined) this.#byMessageId.add(messageId, message);
    const older = this.#messages[this.#messages.length - 1 - RECENT_INDEXES];
    if (older instanceof DeliveredCopy) older.releaseIndex();
    for (const listener of [...this.#storedListeners]) listener(message);
    while (this.#messages.length > this.#maxMessages) this.#evictOldest();
    return message;
  }

  #evictOldest(): void {
    const oldest = this.#messages.shift() as StoredMessage;
    this.#byId.removed(oldest);
    removeFrom(this.#byMailbox, oldest.mailbox, oldest);
    const messageId = messageIdOf(oldest);
    if (messageId !== undefined) this.#byMessageId.remove(messageId, oldest);
    const last = this.#lastDelivery;
    if (last !== undefined && (oldest instanceof DeliveredCopy ? oldest.holds(last.raw) : oldest.raw === last.raw)) this.#lastDelivery = undefined;
    this.#evicted += 1;
    for (const listener of [...this.#evictedListeners]) listener(oldest);
  }

  /**
   * Final delivery into a mailbox's INBOX (routing, bounces, receipts): the copy gets
   * `Return-Path: <envelope sender>` in front, then the `Received` trace when given
   * (return-path.ts). The copies of one transmission share their bytes. Other writes (a client's
   * APPEND, a Sent copy) use `add` and keep their bytes as given.
   */
  deliver(input: NewDelivery): StoredMessage {
    const { trace, ...fields } = input;
    const mailFrom = input.envelope.mailFrom;
    const last = this.#lastDelivery;
    const delivered =
      last?.source === input.raw && last.mailFrom === mailFrom && last.trace === trace
        ? last
        : { source: input.raw, mailFrom, trace, ...withReturnPath(input.raw, input.index ?? indexMessage(input.raw), mailFrom, (parts) => this.#slabs.concat(parts), trace) };
    this.#lastDelivery = delivered;
    if (input.connectionId === undefined || input.reportsOn !== undefined) return this.add({ ...fields, folder: 'INBOX', raw: delivered.raw, index: delivered.index });
    // The usual copy (a message received over SMTP): the same values, kept compact.
    return this.#insert(
      new DeliveredCopy({
        mailbox: addressKey(input.mailbox),
        kind: input.kind,
        envelope: input.envelope,
        raw: delivered.raw,
        index: delivered.index,
        prefix: delivered.prefix,
        receivedAt: input.receivedAt,
        ingress: input.ingress,
        connectionId: input.connectionId,
        id: this.#nextId(),
      }),
    );
  }

  #nextId(): string {
    this.#sequence += 1;
    return `m-${String(this.#sequence).padStart(6, '0')}`;
  }

  get(id: string): StoredMessage | undefined {
    return this.#byId.find(id);
  }

  /** Copies held by one mailbox (case-insensitive), in arrival order. */
  list(mailbox: string, options: ListOptions = {}): StoredMessage[] {
    const held = this.#byMailbox.get(addressKey(mailbox)) ?? [];
    return held.filter((m) => (options.folder === undefined || m.folder === options.folder) && (options.kind === undefined || m.kind === options.kind));
  }

  all(): StoredMessage[] {
    return [...this.#messages];
  }

  /** Every stored copy of a message, by its Message-ID (with or without angle brackets). */
  byMessageId(messageId: string): StoredMessage[] {
    return this.#byMessageId.get(bareMessageId(messageId));
  }

  count(): number {
    return this.#messages.length;
  }

  counts(): StoreCounts {
    let bounces = 0;
    let receipts = 0;
    for (const m of this.#messages) {
      if (m.kind === 'bounce') bounces += 1;
      else if (m.kind === 'receipt') receipts += 1;
    }
    return { messages: this.#messages.length - bounces - receipts, bounces, receipts };
  }

  clear(): void {
    this.#messages.length = 0;
    this.#byId.cleared();
    this.#byMailbox.clear();
    this.#byMessageId.clear();
    this.#lastDelivery = undefined;
    this.#slabs.clear();
    this.#evicted = 0;
    for (const listener of [...this.#clearedListeners]) listener();
  }

  /**
   * The first already stored message matching `predicate`, else the next one stored within
   * `timeoutMs`. On timeout: MessageWaitTimeoutError (French, says what was awaited).
   */
  waitFor(predicate: (m: StoredMessage) => boolean, timeoutMs: number, description = 'un message correspondant'): Promise<StoredMessage> {
    return new Promise((resolve, reject) => {
      const onStored = (message: StoredMessage) => {
        try {
          if (!predicate(message)) return;
        } catch (error) {
          settle(() => reject(error));
          return;
        }
        settle(() => resolve(message));
      };
      const timer = setTimeout(() => settle(() => reject(this.#timeoutError(description, timeoutMs))), timeoutMs);
      let unsubscribe: () => unknown = () => undefined;
      const settle = (finish: () => void) => {
        clearTimeout(timer);
        unsubscribe();
        finish();
      };
      try {
        const found = this.#messages.find(predicate);
        if (found) return settle(() => resolve(found));
      } catch (error) {
        return settle(() => reject(error));
      }
      unsubscribe = this.onStored(onStored);
    });
  }

  #timeoutError(description: string, timeoutMs: number): MessageWaitTimeoutError {
    return new MessageWaitTimeoutError(description, timeoutMs, this.#messages.length, this.#messages.slice(-5));
  }
}

/** The Message-ID a copy is found by; a delivered copy keeps it without its index. */
function messageIdOf(message: StoredMessage): string | undefined {
  return message instanceof DeliveredCopy ? message.messageId : message.index.messageId;
}

function push(map: Map<string, StoredMessage[]>, key: string, message: StoredMessage): void {
  const list = map.get(key);
  if (list) list.push(message);
  else map.set(key, [message]);
}

/** Removes `message` from its key's list (the oldest is usually first), dropping the key once empty. */
function removeFrom(map: Map<string, StoredMessage[]>, key: string, message: StoredMessage): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(message);
  if (at === 0) list.shift();
  else if (at > 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}
