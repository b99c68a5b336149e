// The append-only writer of the durable store. Record lines (message bytes included) go to
// journal.ndjson, and a readable copy of each message to messages/<name>.eml. Writes are
// grouped: whatever was queued while the previous group was being written goes out together: the
// record lines with one fdatasync for the whole group and, alongside, the .eml copies (written,
// not synchronised: the journal is what is read back; a missing copy is written again at start). `commit()` resolves once everything queued before
// the call is on disk: the SMTP endpoint waits for it before its `250` reply. `clear()` (trust
// space reset) empties the journal and the message files in order with the rest.
import { closeSync, fdatasync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, rmSync, write } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';

type Operation =
  | { readonly kind: 'line'; readonly line: string | (() => string) }
  | { readonly kind: 'file'; readonly name: string; readonly bytes: () => Buffer }
  | { readonly kind: 'unlink'; readonly name: string }
  | { readonly kind: 'clear' };

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class GroupCommitLog {
  readonly #messagesDir: string;
  readonly #fd: number;
  #queue: Operation[] = [];
  #waiters: Waiter[] = [];
  #writing = false;
  #closed = false;
  #groups = 0;

  /** Opens the journal for appending (created if absent); `messagesDir` must exist. */
  constructor(journalPath: string, messagesDir: string) {
    this.#messagesDir = messagesDir;
    this.#fd = openSync(journalPath, 'a');
  }

  /** Groups written since start (each with one journal fdatasync): for the benchmark and tests. */
  get groups(): number {
    return this.#groups;
  }

  /** A record line; a function is called when the group is written (a report's bytes are made then). */
  append(line: string | (() => string)): void {
    this.#queue.push({ kind: 'line', line });
  }

  /** The readable copy of a message (not synchronised); `bytes` is called when the group is written. */
  writeFile(name: string, bytes: () => Buffer): void {
    this.#queue.push({ kind: 'file', name, bytes });
  }

  /** Removes a message file (evicted by the retention limit); missing files are ignored. */
  removeFile(name: string): void {
    this.#queue.push({ kind: 'unlink', name });
  }

  /** Empties the journal and every message file, after what was queued before. */
  clear(): void {
    this.#queue.push({ kind: 'clear' });
  }

  /** Resolves once everything queued so far is on disk; rejects if writing failed. */
  commit(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('durable store closed'));
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    if (!this.#writing) void this.#drain();
    return done;
  }

  /** Writes what is queued, then closes the journal. */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.commit().catch(() => undefined);
    this.#closed = true;
    closeSync(this.#fd);
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    while (this.#waiters.length > 0) {
      const operations = this.#queue;
      const waiters = this.#waiters;
      this.#queue = [];
      this.#waiters = [];
      try {
        await this.#write(operations);
        this.#groups += 1;
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.#writing = false;
  }

  async #write(operations: readonly Operation[]): Promise<void> {
    // A clear splits the group: what came before is written (then erased), what comes after is kept.
    const at = operations.findIndex((o) => o.kind === 'clear');
    if (at !== -1) {
      await this.#write(operations.slice(0, at));
      this.#clearNow();
      await this.#write(operations.slice(at + 1));
      return;
    }
    // Off the event loop (thread pool): SMTP sessions go on while a group is being written.
    const copies = Promise.allSettled(operations.flatMap((o) => (o.kind === 'file' ? [writeFile(join(this.#messagesDir, o.name), o.bytes())] : [])));
    const lines = operations.flatMap((o) => (o.kind === 'line' ? [typeof o.line === 'string' ? o.line : o.line()] : []));
    if (lines.length > 0) {
      await writeAll(this.#fd, Buffer.from(lines.join('')));
      await syncData(this.#fd);
    }
    const failed = (await copies).find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const unlinks = operations.flatMap((o) => (o.kind === 'unlink' ? [o.name] : []));
    await Promise.all(unlinks.map((name) => unlink(join(this.#messagesDir, name)).catch(() => undefined)));
  }

  #clearNow(): void {
    ftruncateSync(this.#fd, 0);
    fsyncSync(this.#fd);
    rmSync(this.#messagesDir, { recursive: true, force: true });
    mkdirSync(this.#messagesDir, { recursive: true });
    syncDirectory(this.#messagesDir);
  }
}

/** fsync of a directory: the names of the files just created are durable too. */
export function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Names of the message files present (for the orphans left by a torn last group). */
export function messageFileNames(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.eml'));
}

const syncData = promisify(fdatasync);

async function writeAll(fd: number, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    offset += await new Promise<number>((resolve, reject) => write(fd, bytes, offset, bytes.length - offset, null, (error, written) => (error ? reject(error) : resolve(written))));
  }
}
