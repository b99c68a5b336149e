// The store's index by Message-ID: the copies of each message in arrival order. Most Message-IDs
// name one copy (a message to one mailbox): that copy is the entry itself, a list only from the
// second one on (a list per message costs about 56 bytes more, bench/memory-bench.ts).
import type { StoredMessage } from './stored-message.ts';

export class MessageIdIndex {
  readonly #entries = new Map<string, StoredMessage | StoredMessage[]>();

  add(messageId: string, message: StoredMessage): void {
    const entry = this.#entries.get(messageId);
    if (entry === undefined) this.#entries.set(messageId, message);
    else if (Array.isArray(entry)) entry.push(message);
    else this.#entries.set(messageId, [entry, message]);
  }

  /** Removes `message` (usually the oldest copy, first); the Message-ID goes once it has none. */
  remove(messageId: string, message: StoredMessage): void {
    const entry = this.#entries.get(messageId);
    if (entry === message) {
      this.#entries.delete(messageId);
      return;
    }
    if (!Array.isArray(entry)) return;
    const at = entry.indexOf(message);
    if (at === 0) entry.shift();
    else if (at > 0) entry.splice(at, 1);
    if (entry.length === 1) this.#entries.set(messageId, entry[0]!);
    else if (entry.length === 0) this.#entries.delete(messageId);
  }

  /** The copies of `messageId`, oldest first (a new array). */
  get(messageId: string): StoredMessage[] {
    const entry = this.#entries.get(messageId);
    if (entry === undefined) return [];
    return Array.isArray(entry) ? [...entry] : [entry];
  }

  clear(): void {
    this.#entries.clear();
  }
}
