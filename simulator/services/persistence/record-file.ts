// Reads the whole journal file: every valid record in order, and the torn tail if the last
// write was cut short (a crash during a write: the line is incomplete or its CRC fails, and
// nothing valid follows). A damaged line followed by valid ones, or a line of an unknown
// format version, is not a crash artefact: PersistenceError (French, names the file and what
// to do), never a guess. The file is read in chunks (it may be larger than one Buffer).
import { closeSync, openSync, readSync } from 'node:fs';
import { decodeRecordLine } from './record-line.ts';
import { PersistenceError } from './persistence-error.ts';

export interface RecordFileContents {
  readonly records: readonly unknown[];
  /** Byte length of each record's line, newline included. */
  readonly lineBytes: readonly number[];
  /** Byte length of the valid prefix: the file is truncated there before appending. */
  readonly validBytes: number;
  /** The torn last record, skipped: its byte length and line number. */
  readonly tornTail?: { readonly bytes: number; readonly line: number };
}

interface Line {
  readonly bytes: Buffer;
  /** Ended by a newline. */
  readonly complete: boolean;
}

const CHUNK_BYTES = 8 * 1024 * 1024;

/** The lines of a buffer, or of a file read chunk by chunk. */
function* linesOf(source: Buffer | { readonly fd: number }): Generator<Line> {
  let pending = Buffer.alloc(0);
  const chunks = Buffer.isBuffer(source) ? [source] : chunksOf(source.fd);
  for (const chunk of chunks) {
    const data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(0x0a, start); end !== -1; end = data.indexOf(0x0a, start)) {
      yield { bytes: data.subarray(start, end), complete: true };
      start = end + 1;
    }
    pending = Buffer.from(data.subarray(start));
  }
  if (pending.length > 0) yield { bytes: pending, complete: false };
}

function* chunksOf(fd: number): Generator<Buffer> {
  const buffer = Buffer.alloc(CHUNK_BYTES);
  for (let read = readSync(fd, buffer, 0, CHUNK_BYTES, null); read > 0; read = readSync(fd, buffer, 0, CHUNK_BYTES, null)) yield buffer.subarray(0, read);
}

/** Reads the journal at `path` (which must exist). */
export function readRecordFileAt(path: string): RecordFileContents {
  const fd = openSync(path, 'r');
  try {
    return readRecordFile({ fd }, path);
  } finally {
    closeSync(fd);
  }
}

export function readRecordFile(source: Buffer | { readonly fd: number }, path: string): RecordFileContents {
  const records: unknown[] = [];
  const lineBytes: number[] = [];
  let offset = 0;
  let lineNumber = 0;
  const lines = linesOf(source);
  for (let next = lines.next(); !next.done; next = lines.next()) {
    const line = next.value;
    lineNumber += 1;
    const decoded = decodeRecordLine(line.bytes.toString('utf8'));
    if (decoded.ok && line.complete) {
      records.push(decoded.record);
      lineBytes.push(line.bytes.length + 1);
      offset += line.bytes.length + 1;
      continue;
    }
    if (!decoded.ok && decoded.problem === 'unknown-version') {
      throw new PersistenceError(
        'RECORD_VERSION_UNKNOWN',
        path,
        `${path}, ligne ${lineNumber} : enregistrement au format « ${String(decoded.version)} », que cette version du simulateur ne sait pas lire. Utilisez la version du simulateur qui a écrit ce dossier, ou videz-le (--data-dir vers un dossier neuf).`,
      );
    }
    let rest = line.complete ? 1 : 0;
    for (let after = lines.next(); !after.done; after = lines.next()) {
      if (after.value.bytes.some((byte) => byte !== 0x20 && byte !== 0x00)) {
        throw new PersistenceError(
          'RECORD_CORRUPT',
          path,
          `${path}, ligne ${lineNumber} : enregistrement endommagé (${decoded.ok ? 'ligne sans fin' : decoded.problem === 'crc-mismatch' ? 'somme de contrôle fausse' : 'illisible'}) suivi d'enregistrements valides : le fichier a été modifié ou le disque est en cause. Restaurez une copie du dossier, ou videz-le pour repartir des données initiales.`,
        );
      }
      rest += after.value.bytes.length + (after.value.complete ? 1 : 0);
    }
    return { records, lineBytes, validBytes: offset, tornTail: { bytes: line.bytes.length + rest, line: lineNumber } };
  }
  return { records, lineBytes, validBytes: offset };
}
