// Reads the whole journal file: every valid record in order, and the torn tail if the last
// write was cut short (a crash during a write: the line is incomplete or its CRC fails, and
// nothing valid follows). A damaged line followed by valid ones, or a line of an unknown
// format version, is not a crash artefact: PersistenceError (French, names the file and what
// to do), never a guess.
import { decodeRecordLine } from './record-line.ts';
import { PersistenceError } from './persistence-error.ts';

export interface RecordFileContents {
  readonly records: readonly unknown[];
  /** Byte length of the valid prefix: the file is truncated there before appending. */
  readonly validBytes: number;
  /** The torn last record, skipped: its byte length and line number. */
  readonly tornTail?: { readonly bytes: number; readonly line: number };
}

export function readRecordFile(content: Buffer, path: string): RecordFileContents {
  const records: unknown[] = [];
  let offset = 0;
  let lineNumber = 0;
  while (offset < content.length) {
    lineNumber += 1;
    const end = content.indexOf(0x0a, offset);
    const complete = end !== -1;
    const lineEnd = complete ? end : content.length;
    const decoded = decodeRecordLine(content.toString('utf8', offset, lineEnd));
    if (decoded.ok && complete) {
      records.push(decoded.record);
      offset = lineEnd + 1;
      continue;
    }
    if (!decoded.ok && decoded.problem === 'unknown-version') {
      throw new PersistenceError(
        'RECORD_VERSION_UNKNOWN',
        path,
        `${path}, ligne ${lineNumber} : enregistrement au format « ${String(decoded.version)} », que cette version du simulateur ne sait pas lire. Utilisez la version du simulateur qui a écrit ce dossier, ou videz-le (--data-dir vers un dossier neuf).`,
      );
    }
    const rest = complete ? content.subarray(lineEnd + 1) : Buffer.alloc(0);
    if (rest.some((byte) => byte !== 0x0a && byte !== 0x20 && byte !== 0x00)) {
      throw new PersistenceError(
        'RECORD_CORRUPT',
        path,
        `${path}, ligne ${lineNumber} : enregistrement endommagé (${decoded.ok ? 'ligne sans fin' : decoded.problem === 'crc-mismatch' ? 'somme de contrôle fausse' : 'illisible'}) suivi d'enregistrements valides : le fichier a été modifié ou le disque est en cause. Restaurez une copie du dossier, ou videz-le pour repartir des données initiales.`,
      );
    }
    return { records, validBytes: offset, tornTail: { bytes: content.length - offset, line: lineNumber } };
  }
  return { records, validBytes: offset };
}
