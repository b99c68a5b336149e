// The append-only writer of the durable store. Record lines (message bytes included) go to
// journal.ndjson, and a readable copy of each message to messages/<name>.eml. Writes are
// grouped: whatever was queued while the previous group was being written goes out together: the
// record lines with one fdatasync for the whole group and, alongside, the .eml copies (written,
// not synchronised: the journal is what is read back; a missing copy is written again at start). `commit()` resolves once everything queued before
// the call is on disk: the SMTP endpoint waits for it before its `250` reply. `clear()` (trust
// space reset) empties the journal and the message files in order with the rest. `compact()`
// replaces the journal by a head and the bytes from a cut on (live-compaction.ts says which): a
// new file written beside it while groups go on, completed between two groups, synchronised,
// then renamed over it.
import { closeSync, fdatasync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, rmSync, write } from 'node:fs';
import { type FileHandle, open, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import type { CompactionPlan, LineTag } from './live-compaction.ts';

type Operation =
  | { readonly kind: 'line'; readonly line: string | (() => string); readonly tag?: LineTag | undefined }
  | { readonly kind: 'file'; readonly name: string; readonly bytes: () => Buffer }
  | { readonly kind: 'unlink'; readonly name: string }
  | { readonly kind: 'clear' }
  | { readonly kind: 'compact'; readonly plan: CompactionPlan; readonly generation: number; readonly copiedTo: number };

/** What the log tells as it writes (live-compaction.ts follows the journal with them). */
export interface LogHooks {
  /** A tagged line written at `offset`. */
  written?(tag: LineTag, offset: number, line: string): void;
  /** A group is on disk. */
  grouped?(): void;
  /** The journal was emptied. */
  cleared?(): void;
  /** A compaction replaced the journal (`done`), or was given up (a reset came first, or `error`). */
  compacted?(done: boolean, error?: unknown): void;
}

const COPY_CHUNK_BYTES = 1024 * 1024;

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class GroupCommitLog {
  readonly #messagesDir: string;
  readonly #journalPath: string;
  #fd: number;
  /** Bytes of the journal. */
  #size: number;
  /** Counts the clears: a compaction planned before one is given up. */
  #generation = 0;
  #hooks: LogHooks = {};
  #queue: Operation[] = [];
  #waiters: Waiter[] = [];
  #writing = false;
  #closed = false;
  #groups = 0;

  /** Opens the journal for appending (created if absent); `messagesDir` must exist. */
  constructor(journalPath: string, messagesDir: string) {
    this.#messagesDir = messagesDir;
    this.#journalPath = journalPath;
    this.#fd = openSync(journalPath, 'a');
    this.#size = fstatSync(this.#fd).size;
  }

  /** Bytes of the journal written so far. */
  get size(): number {
    return this.#size;
  }

  observe(hooks: LogHooks): void {
    this.#hooks = hooks;
  }

  /** Groups written since start (each with one journal fdatasync): for the benchmark and tests. */
  get groups(): number {
    return this.#groups;
  }

  /** A record line; a function is called when the group is written (a report's bytes are made then). `tag`: what it is, for the hooks. */
  append(line: string | (() => string), tag?: LineTag): void {
    this.#queue.push({ kind: 'line', line, tag });
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

  /**
   * Replaces the journal by `plan.head` and its bytes from `plan.cut` on (hooks.compacted tells
   * the outcome). The bytes already written are copied into the new file while groups go on
   * being written; then, between two groups, the few written meanwhile, and the new file takes
   * the journal's place: writes wait only for that last part.
   */
  compact(plan: CompactionPlan): void {
    const generation = this.#generation;
    void this.#copyAhead(plan).then(
      (copiedTo) => {
        if (this.#closed) return void rm(this.#temporary, { force: true }).catch(() => undefined);
        this.#queue.push({ kind: 'compact', plan, generation, copiedTo });
        // Done at the next group; a commit now, so that a quiet simulator finishes it too.
        void this.commit().catch(() => undefined);
      },
      // A reset meanwhile (the journal emptied under the copy) gives the compaction up, without an error.
      (error: unknown) => void rm(this.#temporary, { force: true }).then(() => this.#hooks.compacted?.(false, generation === this.#generation ? error : undefined)),
    );
  }

  get #temporary(): string {
    return `${this.#journalPath}.compactage`;
  }

  /** The new journal's head, then the journal's bytes from the cut to its end as of now; resolves with that end. */
  async #copyAhead(plan: CompactionPlan): Promise<number> {
    const end = this.#size;
    const out = await open(this.#temporary, 'w');
    try {
      await out.write(Buffer.from(plan.head));
      await copyRange(this.#journalPath, plan.cut, end, out);
      await out.datasync(); // here, not between two groups: the last step only syncs what it adds
    } finally {
      await out.close();
    }
    return end;
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
    // A clear or a compaction splits the group: what came before is written first, then it is done, then the rest.
    const at = operations.findIndex((o) => o.kind === 'clear' || o.kind === 'compact');
    if (at !== -1) {
      await this.#write(operations.slice(0, at));
      const operation = operations[at]!;
      if (operation.kind === 'compact') await this.#compactNow(operation.plan, operation.generation, operation.copiedTo);
      else this.#clearNow();
      await this.#write(operations.slice(at + 1));
      return;
    }
    // Off the event loop (thread pool): SMTP sessions go on while a group is being written.
    const copies = Promise.allSettled(operations.flatMap((o) => (o.kind === 'file' ? [writeFile(join(this.#messagesDir, o.name), o.bytes())] : [])));
    const lineOperations = operations.filter((o) => o.kind === 'line');
    const lines = lineOperations.map((o) => (typeof o.line === 'string' ? o.line : o.line()));
    if (lines.length > 0) {
      const bytes = Buffer.from(lines.join(''));
      await writeAll(this.#fd, bytes);
      await syncData(this.#fd);
      this.#tell(lines, lineOperations.map((o) => o.tag));
      this.#size += bytes.length;
      this.#hooks.grouped?.();
    }
    const failed = (await copies).find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const unlinks = operations.flatMap((o) => (o.kind === 'unlink' ? [o.name] : []));
    await Promise.all(unlinks.map((name) => unlink(join(this.#messagesDir, name)).catch(() => undefined)));
  }

  /** Tells the hooks where each tagged line of the group lies. */
  #tell(lines: readonly string[], tags: readonly (LineTag | undefined)[]): void {
    const hook = this.#hooks.written;
    if (!hook) return;
    let offset = this.#size;
    lines.forEach((line, i) => {
      const tag = tags[i];
      if (tag) hook(tag, offset, line);
      offset += Buffer.byteLength(line);
    });
  }

  /** The end of a compaction, between two groups: the bytes written since the copy, then the new file in the journal's place. */
  async #compactNow(plan: CompactionPlan, generation: number, copiedTo: number): Promise<void> {
    const temporary = this.#temporary;
    if (generation !== this.#generation || copiedTo > this.#size) {
      await rm(temporary, { force: true }).catch(() => undefined);
      this.#hooks.compacted?.(false);
      return;
    }
    try {
      const out = await open(temporary, 'a');
      try {
        await copyRange(this.#journalPath, copiedTo, this.#size, out);
        await out.datasync();
      } finally {
        await out.close();
      }
      await rename(temporary, this.#journalPath);
      syncDirectory(dirname(this.#journalPath));
      const size = Buffer.byteLength(plan.head) + (this.#size - plan.cut);
      closeSync(this.#fd);
      this.#fd = openSync(this.#journalPath, 'a');
      this.#size = size;
      this.#hooks.compacted?.(true);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      this.#hooks.compacted?.(false, error);
    }
  }

  #clearNow(): void {
    this.#generation += 1;
    this.#size = 0;
    this.#hooks.cleared?.();
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

/** Appends bytes [from, to) of the file at `path` to `out`. */
async function copyRange(path: string, from: number, to: number, out: FileHandle): Promise<void> {
  const input = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
    for (let position = from; position < to; ) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(COPY_CHUNK_BYTES, to - position), position);
      if (bytesRead === 0) throw new Error(`journal shorter than expected (${position} of ${to} bytes)`);
      await out.write(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
  } finally {
    await input.close();
  }
}

async function writeAll(fd: number, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    offset += await new Promise<number>((resolve, reject) => write(fd, bytes, offset, bytes.length - offset, null, (error, written) => (error ? reject(error) : resolve(written))));
  }
}
