// The IMAP folders of every mailbox, kept in step with the MessageStore: each stored message
// gets the next UID of its mailbox's folder as it arrives ('stored' event); a mailbox nobody
// opened costs nothing until a session needs it (then its folders are built from the store, in
// arrival order). On the store's 'cleared' (trust space reset) every mailbox loses its user
// folders and subscriptions, every folder starts again with a new, larger UIDVALIDITY
// (RFC 3501 §2.3.1.1), and reset listeners end the selected sessions. A copy the store evicts
// (its retention limit) leaves every folder that holds it, as an expunge: sessions that selected
// the folder announce `* n EXPUNGE` on their next sync (RFC 3501 §7.4.1).
// One registry per store (mailboxRegistryFor), so that the STARTTLS and implicit-TLS endpoints
// share folders, UIDs and flags.
import { addressKey } from '../../../domain/address-key.ts';
import type { MessageStore } from '../../../services/store/message-store.ts';
import type { StoredMessage } from '../../../services/store/stored-message.ts';
import type { FolderState } from './folder-state.ts';
import { MailboxFolders } from './mailbox-folders.ts';

export class MailboxRegistry {
  readonly #store: MessageStore;
  readonly #now: () => Date;
  readonly #mailboxes = new Map<string, MailboxFolders>();
  readonly #resetListeners = new Set<() => void>();
  #uidValidity: number;
  /** Last UIDVALIDITY given to a created folder; every new one is larger. */
  #lastIssued: number;

  /**
   * `uidValidityAbove`: the UIDVALIDITY given before a restart (durable mode); the first one is
   * larger, since UIDs are numbered again from the restored messages (RFC 3501 §2.3.1.1).
   */
  constructor(store: MessageStore, now: () => Date, uidValidityAbove = 0) {
    this.#store = store;
    this.#now = now;
    this.#uidValidity = Math.max(uidValidityAbove + 1, Math.floor(now().getTime() / 1000));
    this.#lastIssued = this.#uidValidity;
    store.onStored((message: StoredMessage) => this.#mailboxes.get(message.mailbox)?.get(message.folder)?.add(message));
    store.onCleared(() => this.#reset());
    store.onEvicted((message: StoredMessage) => this.#evict(message));
  }

  get uidValidity(): number {
    return this.#uidValidity;
  }

  /** A folder of a mailbox by the name a client gave (INBOX in any case), or undefined. */
  folder(mailbox: string, name: string): FolderState | undefined {
    return this.folders(mailbox).get(name);
  }

  /** The folders of a mailbox (lower-cased address), built from the store on first use. */
  folders(mailbox: string): MailboxFolders {
    const key = addressKey(mailbox);
    let folders = this.#mailboxes.get(key);
    if (!folders) {
      folders = new MailboxFolders(key, this.#uidValidity, () => (this.#lastIssued += 1));
      for (const message of this.#store.list(key)) folders.get(message.folder)?.add(message);
      this.#mailboxes.set(key, folders);
    }
    return folders;
  }

  /** Called after a reset (store cleared); returns the unsubscribe function. */
  onReset(listener: () => void): () => void {
    this.#resetListeners.add(listener);
    return () => this.#resetListeners.delete(listener);
  }

  #evict(message: StoredMessage): void {
    const folders = this.#mailboxes.get(message.mailbox);
    if (!folders) return;
    // Every folder that holds it: COPY shares the stored copy, RENAME of INBOX moves it.
    for (const name of folders.names()) {
      const folder = folders.get(name);
      const entries = folder?.entries.filter((candidate) => candidate.message === message) ?? [];
      if (folder && entries.length > 0) folder.expunge(entries);
    }
  }

  #reset(): void {
    this.#mailboxes.clear();
    this.#uidValidity = Math.max(this.#lastIssued + 1, Math.floor(this.#now().getTime() / 1000));
    this.#lastIssued = this.#uidValidity;
    for (const listener of this.#resetListeners) listener();
  }
}

const registries = new WeakMap<MessageStore, MailboxRegistry>();

/** The registry of a store, created on first use with that clock (and UIDVALIDITY floor). */
export function mailboxRegistryFor(store: MessageStore, now: () => Date, uidValidityAbove = 0): MailboxRegistry {
  let registry = registries.get(store);
  if (!registry) {
    registry = new MailboxRegistry(store, now, uidValidityAbove);
    registries.set(store, registry);
  }
  return registry;
}
