// The data directory of durable mode (--conserver): journal.ndjson (the records, message bytes
// included, record-line.ts), messages/<id>.eml (a readable copy of each message),
// simulateur.lock (one simulator at a time). Opening checks that
// the directory is writable, takes the lock, reads every record and cuts a torn last record
// (a crash during a write), which is reported, never fatal. A directory that cannot be written,
// or whose records are damaged, is a PersistenceError (French, names the path, says what to do).
import { accessSync, constants, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lockDirectory, type DirectoryLock } from './directory-lock.ts';
import type { DurableRecord } from './durable-record.ts';
import { GroupCommitLog, syncDirectory } from './group-commit-log.ts';
import { PersistenceError } from './persistence-error.ts';
import { readRecordFileAt } from './record-file.ts';
import { encodeRecordLine } from './record-line.ts';

export const JOURNAL_FILE = 'journal.ndjson';
export const MESSAGES_DIR = 'messages';

const RECORD_TYPES = new Set(['stored', 'accepted', 'observation', 'profile', 'change', 'start', 'evicted']);

export interface DurableDirectory {
  readonly dir: string;
  readonly journalPath: string;
  readonly messagesDir: string;
  /** Every record, in the order written. */
  readonly records: readonly DurableRecord[];
  /** Byte length of each record's line in the journal. */
  readonly recordBytes: readonly number[];
  /** The torn last record that was cut (crash during a write). */
  readonly tornTail?: { readonly bytes: number; readonly line: number };
  /** Writes the readable copy of a message again when it is missing or of another size (a crash before it reached the disk). */
  mirror(name: string, bytes: Buffer): void;
  /** Replaces the journal by `records` (compaction), atomically (temporary file, fsync, rename); the byte length of each line written. */
  rewrite(records: readonly DurableRecord[]): number[];
  /** The writer, appending after the records read. */
  openLog(): GroupCommitLog;
  release(): void;
}

function unusable(dir: string, error: unknown): PersistenceError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new PersistenceError('DIR_UNUSABLE', dir, `Le dossier de conservation ${dir} n'est pas utilisable (${code}) : donnez au simulateur le droit d'y écrire, ou choisissez un autre dossier avec --data-dir.`);
}

export function openDurableDirectory(dataDir: string): DurableDirectory {
  const dir = resolve(dataDir);
  const messagesDir = join(dir, MESSAGES_DIR);
  const journalPath = join(dir, JOURNAL_FILE);
  try {
    mkdirSync(messagesDir, { recursive: true });
    accessSync(dir, constants.W_OK);
    accessSync(messagesDir, constants.W_OK);
    if (existsSync(journalPath)) accessSync(journalPath, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw unusable(dir, error);
  }
  const lock: DirectoryLock = lockDirectory(dir);
  try {
    // A compaction cut short by a crash left its new file beside the journal, which is whole.
    rmSync(`${journalPath}.compactage`, { force: true });
    const read = existsSync(journalPath) ? readRecordFileAt(journalPath) : { records: [], lineBytes: [], validBytes: 0 };
    const records = read.records.map((record, i) => checkedRecord(record, journalPath, i));
    if (read.tornTail) truncateSync(journalPath, read.validBytes);
    return {
      dir,
      journalPath,
      messagesDir,
      records,
      recordBytes: read.lineBytes,
      ...(read.tornTail ? { tornTail: read.tornTail } : {}),
      mirror(name, bytes) {
        const path = join(messagesDir, name);
        if (!existsSync(path) || statSync(path).size !== bytes.length) writeFileSync(path, bytes);
      },
      rewrite(kept) {
        const temporary = `${journalPath}.tmp`;
        const lines = kept.map((record) => encodeRecordLine(record));
        writeFileSync(temporary, lines.join(''));
        const fd = openSync(temporary, 'r+');
        fsyncSync(fd);
        closeSync(fd);
        renameSync(temporary, journalPath);
        syncDirectory(dir);
        return lines.map((line) => Buffer.byteLength(line));
      },
      openLog: () => new GroupCommitLog(journalPath, messagesDir),
      release: () => lock.release(),
    };
  } catch (error) {
    lock.release();
    if (error instanceof PersistenceError) throw error;
    throw unusable(dir, error);
  }
}

function checkedRecord(record: unknown, path: string, index: number): DurableRecord {
  const type = typeof record === 'object' && record !== null ? (record as { t?: unknown }).t : undefined;
  if (typeof type === 'string' && RECORD_TYPES.has(type)) return record as DurableRecord;
  throw new PersistenceError('RECORD_CORRUPT', path, `${path}, enregistrement ${index + 1} : type « ${String(type)} » inconnu. Restaurez une copie du dossier, ou videz-le pour repartir des données initiales.`);
}
