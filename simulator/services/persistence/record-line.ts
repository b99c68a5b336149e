// One record of the append-only journal (journal.ndjson): one JSON object per line,
// `{"v":1,"crc":"<crc32 of r, 8 hex>","r":<record>}`. The CRC covers the exact bytes of `r` as
// written, so a line torn by a crash (kill -9, power loss) or altered on disk is detected; `v`
// lets a later format be told apart from a damaged line (an unknown version is an error, never
// guessed). Lines stay plain JSON: `jq .r journal.ndjson` reads them.
import { crc32 } from 'node:zlib';

export const RECORD_VERSION = 1;

const PREFIX = `{"v":${RECORD_VERSION},"crc":"`;
/** `{"v":1,"crc":"` + 8 hex + `","r":` */
const PAYLOAD_START = PREFIX.length + 8 + '","r":'.length;

const hex = (value: number) => value.toString(16).padStart(8, '0');

/** The line for `record` (JSON-serialisable), newline included. */
export function encodeRecordLine(record: unknown): string {
  const payload = JSON.stringify(record);
  return `${PREFIX}${hex(crc32(payload))}","r":${payload}}\n`;
}

export type DecodedLine =
  | { readonly ok: true; readonly record: unknown }
  | { readonly ok: false; readonly problem: 'unreadable' | 'crc-mismatch' }
  | { readonly ok: false; readonly problem: 'unknown-version'; readonly version: unknown };

/** One line without its newline. */
export function decodeRecordLine(line: string): DecodedLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (typeof parsed !== 'object' || parsed === null || !('v' in parsed)) return { ok: false, problem: 'unreadable' };
  const { v, crc, r } = parsed as { v: unknown; crc: unknown; r: unknown };
  if (v !== RECORD_VERSION) return { ok: false, problem: 'unknown-version', version: v };
  if (typeof crc !== 'string' || !line.startsWith(`${PREFIX}${crc}","r":`) || !line.endsWith('}')) return { ok: false, problem: 'unreadable' };
  if (hex(crc32(line.slice(PAYLOAD_START, -1))) !== crc) return { ok: false, problem: 'crc-mismatch' };
  return { ok: true, record: r };
}
