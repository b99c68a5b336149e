// The folders of one mailbox, shared by every session that opens it (an organisational mailbox
// opened by a whole team sees the same user folders): INBOX and the special-use folders, which
// always exist, and the folders clients CREATE (RFC 3501 §6.3.3: superiors created as needed),
// DELETE (§6.3.4: refused while the folder has inferiors, so every superior of a folder always
// exists) and RENAME (§6.3.5: inferiors follow; RENAME INBOX moves its messages to the new
// folder and leaves INBOX empty). The subscription list (§6.3.6) belongs to the mailbox too;
// DELETE leaves it untouched (§6.3.6: never removed unilaterally), RENAME carries it over.
// Every folder created gets a UIDVALIDITY no folder had before (§2.3.1.1), so that a name
// deleted and created again, or reached by RENAME, never repeats (name, UIDVALIDITY, UID).
import { MAX_USER_FOLDERS } from '../protocol/imap-limits.ts';
import { FolderState } from './folder-state.ts';
import { folderNameProblem } from './folder-name-rules.ts';
import { HIERARCHY_DELIMITER, INBOX, SPECIAL_FOLDERS, canonicalFolderName, isSpecialFolder, superiorNames } from './folder-names.ts';
import type { FolderRefusal } from './folder-refusal.ts';

export class MailboxFolders {
  readonly mailbox: string;
  readonly #folders = new Map<string, FolderState>();
  readonly #subscribed = new Set<string>();
  readonly #newUidValidity: () => number;

  constructor(mailbox: string, uidValidity: number, newUidValidity: () => number) {
    this.mailbox = mailbox;
    this.#newUidValidity = newUidValidity;
    for (const name of SPECIAL_FOLDERS) {
      this.#folders.set(name, new FolderState(mailbox, name, uidValidity));
      this.#subscribed.add(name);
    }
  }

  get(name: string): FolderState | undefined {
    return this.#folders.get(canonicalFolderName(name));
  }

  /** INBOX and the special-use folders first, then the user folders in code-point order. */
  names(): string[] {
    const user = [...this.#folders.keys()].filter((name) => !isSpecialFolder(name)).sort();
    return [...SPECIAL_FOLDERS, ...user];
  }

  hasChildren(name: string): boolean {
    const prefix = `${name}${HIERARCHY_DELIMITER}`;
    for (const other of this.#folders.keys()) if (other.startsWith(prefix)) return true;
    return false;
  }

  isSubscribed(name: string): boolean {
    return this.#subscribed.has(name);
  }

  subscriptions(): string[] {
    return [...this.#subscribed].sort();
  }

  /** Why CREATE `name` would fail, or undefined: also decides APPEND's and COPY's TRYCREATE (RFC 3501 §6.3.11). */
  createProblem(name: string): FolderRefusal | undefined {
    const canonical = canonicalFolderName(name);
    if (this.#folders.has(canonical)) return 'already-exists';
    return folderNameProblem(canonical) ?? this.#roomFor(canonical);
  }

  create(name: string): FolderRefusal | undefined {
    const problem = this.createProblem(name);
    if (problem) return problem;
    this.#createWithSuperiors(canonicalFolderName(name));
    return undefined;
  }

  delete(name: string): FolderRefusal | undefined {
    const canonical = canonicalFolderName(name);
    const folder = this.#folders.get(canonical);
    if (!folder) return 'nonexistent';
    if (isSpecialFolder(canonical)) return 'special-folder';
    if (this.hasChildren(canonical)) return 'has-children';
    this.#folders.delete(canonical);
    folder.expunge(folder.entries); // sessions that had it selected see it emptied
    return undefined;
  }

  rename(from: string, to: string): FolderRefusal | undefined {
    const source = canonicalFolderName(from);
    const target = canonicalFolderName(to);
    const folder = this.#folders.get(source);
    if (!folder) return 'nonexistent';
    if (this.#folders.has(target)) return 'already-exists';
    const problem = folderNameProblem(target);
    if (problem) return problem;
    if (source === INBOX) return this.#renameInbox(folder, target);
    if (isSpecialFolder(source)) return 'special-folder';
    if (target.startsWith(`${source}${HIERARCHY_DELIMITER}`)) return 'into-itself';
    const room = this.#roomFor(target, 0);
    if (room) return room;
    this.#createWithSuperiors(target, false);
    for (const [name, moving] of [...this.#folders]) {
      if (name !== source && !name.startsWith(`${source}${HIERARCHY_DELIMITER}`)) continue;
      const renamed = `${target}${name.slice(source.length)}`;
      this.#folders.delete(name);
      moving.name = renamed;
      this.#folders.set(renamed, moving);
      if (this.#subscribed.delete(name)) this.#subscribed.add(renamed);
    }
    return undefined;
  }

  subscribe(name: string): FolderRefusal | undefined {
    const canonical = canonicalFolderName(name);
    if (!this.#folders.has(canonical)) return 'nonexistent'; // RFC 3501 §6.3.6: the server MAY check
    this.#subscribed.add(canonical);
    return undefined;
  }

  /** RFC 3501 §6.3.7: removes the name, whether the folder still exists or not. */
  unsubscribe(name: string): FolderRefusal | undefined {
    return this.#subscribed.delete(canonicalFolderName(name)) ? undefined : 'nonexistent';
  }

  #renameInbox(inbox: FolderState, target: string): FolderRefusal | undefined {
    const room = this.#roomFor(target);
    if (room) return room;
    const moved = this.#createWithSuperiors(target);
    const entries = [...inbox.entries];
    for (const entry of entries) moved.add(entry.message, { flags: entry.flags, internalDate: entry.internalDate });
    inbox.expunge(entries);
    return undefined;
  }

  /** 'too-many-folders' when the folders `name` needs (superiors, and itself unless `self` is 0) pass the limit. */
  #roomFor(name: string, self = 1): FolderRefusal | undefined {
    const missing = superiorNames(name).filter((superior) => !this.#folders.has(superior)).length + self;
    const user = this.#folders.size - SPECIAL_FOLDERS.length;
    return user + missing > MAX_USER_FOLDERS ? 'too-many-folders' : undefined;
  }

  /** Creates the missing superiors of `name`, then `name` itself unless `self` is false; returns the last folder. */
  #createWithSuperiors(name: string, self = true): FolderState {
    let last: FolderState | undefined;
    for (const needed of self ? [...superiorNames(name), name] : superiorNames(name)) {
      last = this.#folders.get(needed);
      if (last) continue;
      last = new FolderState(this.mailbox, needed, this.#newUidValidity());
      this.#folders.set(needed, last);
    }
    return last as FolderState;
  }
}
