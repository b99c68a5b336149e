// The header block of a raw message: where it ends, and its fields unfolded, with their byte
// offsets. THE one byte-level header scan (the store's index, IMAP's fields, DSN fields all read
// through it), no MIME parsing, fast enough for the SMTP hot path. Never throws on garbage.
// RFC 5322 §2.1 (header, blank line, body), §2.2 (field = name ":" value), §2.2.3 (unfolding).
import { isAscii } from 'node:buffer';
import type { HeaderField } from './message-header-fields.ts';

export type { HeaderField } from './message-header-fields.ts';

const LF = 0x0a;
const CR = 0x0d;

/**
 * Byte length of the header block, blank line included. The end is the first empty line,
 * whether the line endings are CRLF or bare LF. Without a blank line, everything is header.
 */
export function headerBlockLength(raw: Buffer): number {
  let position = 0;
  while (position < raw.length) {
    const lineFeed = raw.indexOf(LF, position);
    if (lineFeed === -1) return raw.length;
    const lineLength = lineFeed - position - (lineFeed > position && raw[lineFeed - 1] === CR ? 1 : 0);
    if (lineLength === 0) return lineFeed + 1;
    position = lineFeed + 1;
  }
  return raw.length;
}

/** Decodes header bytes: ASCII fast path, then UTF-8, line by line falling back to latin1. */
export function decodeHeaderBytes(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return decodeLineByLine(bytes);
  }
}

/** One field of a header block as stored: where its lines are, and where its value is. */
export interface HeaderFieldSpan {
  /** Field name as written (case kept). */
  readonly name: string;
  /** Offsets of the field's lines in the message, final line ending included. */
  readonly start: number;
  readonly end: number;
  /** Offsets `[from, to)` of the value by line, unfolded: after the colon, then each continuation line, line endings excluded. */
  readonly pieces: readonly (readonly [number, number])[];
}

/**
 * THE header scan (RFC 5322 §2.2, §2.2.3): the fields of the block `raw[start, end)`, stopping
 * at the first empty line. A line that is neither a field nor a continuation is skipped, with
 * its continuation lines. Every other header reading is a view of this one.
 */
export function scanHeaderFields(raw: Buffer, start = 0, end = raw.length): HeaderFieldSpan[] {
  return scanHeaderBlock(raw, start, end).fields;
}

/** The scan, with where the block ends: after its blank line, or at `end` without one (as headerBlockLength). */
export function scanHeaderBlock(raw: Buffer, start: number, end: number): { fields: HeaderFieldSpan[]; blockEnd: number } {
  const fields: HeaderFieldSpan[] = [];
  let current: OpenField | undefined;
  let position = start;
  while (position < end) {
    const lineFeed = raw.indexOf(LF, position);
    const lineEnd = lineFeed === -1 || lineFeed >= end ? end : lineFeed + 1;
    const textEnd = contentEnd(raw, position, lineEnd);
    if (textEnd === position) {
      position = lineEnd;
      break;
    }
    const first = raw[position];
    if (first === 0x20 || first === 0x09) {
      if (current) {
        current.pieces.push([position, textEnd]);
        current.end = lineEnd;
      }
    } else {
      if (current) fields.push(current);
      current = openField(raw, position, textEnd, lineEnd);
    }
    position = lineEnd;
  }
  if (current) fields.push(current);
  return { fields, blockEnd: position };
}

/** The value of a scanned field, its pieces decoded one by one and joined. */
export function spanValue(raw: Buffer, field: HeaderFieldSpan, decode: (raw: Buffer, from: number, to: number) => string): string {
  const { pieces } = field;
  const [only] = pieces;
  if (pieces.length === 1 && only) return decode(raw, only[0], only[1]);
  let text = '';
  for (const [from, to] of pieces) text += decode(raw, from, to);
  return text;
}

/** The value bytes of a scanned field, unfolded. */
export function spanBytes(raw: Buffer, field: HeaderFieldSpan): Buffer {
  const { pieces } = field;
  const [only] = pieces;
  if (pieces.length === 1 && only) return raw.subarray(only[0], only[1]);
  return Buffer.concat(pieces.map(([from, to]) => raw.subarray(from, to)));
}

/** Splits a decoded header block into fields, unfolding continuation lines (RFC 5322 §2.2.3). */
export function splitHeaderFields(block: string): HeaderField[] {
  const bytes = Buffer.from(block, 'utf8');
  return scanHeaderFields(bytes).map((field) => ({ name: field.name, value: withoutLeadingBlank(spanValue(bytes, field, utf8)) }));
}

/** Header block of a raw message as fields, with its byte length. */
export function readHeaderFields(raw: Buffer): { fields: HeaderField[]; headerBytes: number } {
  const { fields: spans, blockEnd: headerBytes } = scanHeaderBlock(raw, 0, raw.length);
  const decode = isAscii(raw.subarray(0, headerBytes)) ? latin1 : anyCharset; // one check for the usual all-ASCII block
  const fields = spans.map((field) => ({ name: field.name, value: withoutLeadingBlank(spanValue(raw, field, decode)) }));
  return { fields, headerBytes };
}

/** Header names compare case-insensitively (RFC 5322 §1.2.2): the one comparison key. */
export function headerKey(name: string): string {
  return name.toLowerCase();
}

const FIELD_NAME = /^[!-9;-~]+$/; // RFC 5322 §2.2: printable US-ASCII except ':'

interface OpenField {
  readonly name: string;
  readonly start: number;
  end: number;
  readonly pieces: [number, number][];
}

function openField(raw: Buffer, start: number, textEnd: number, end: number): OpenField | undefined {
  let colon = start;
  while (colon < textEnd && raw[colon] !== 0x3a) colon += 1; // field names are short: no native call
  if (colon === start || colon === textEnd) return undefined;
  // RFC 5322 §4.5 (obsolete syntax): white space allowed between the name and the colon.
  let name = raw.toString('latin1', start, colon);
  if (name.endsWith(' ') || name.endsWith('\t')) name = name.replace(/[ \t]+$/, '');
  if (!FIELD_NAME.test(name)) return undefined;
  return { name, start, end, pieces: [[colon + 1, textEnd]] };
}

function contentEnd(raw: Buffer, lineStart: number, lineEnd: number): number {
  let end = lineEnd;
  if (end > lineStart && raw[end - 1] === LF) end -= 1;
  if (end > lineStart && raw[end - 1] === CR) end -= 1;
  return end;
}

const latin1 = (raw: Buffer, from: number, to: number): string => raw.toString('latin1', from, to);
const utf8 = (raw: Buffer, from: number, to: number): string => raw.toString('utf8', from, to);
const anyCharset = (raw: Buffer, from: number, to: number): string => decodeHeaderBytes(raw.subarray(from, to));

function joinDecoded(pieces: readonly Buffer[], decode: (bytes: Buffer) => string): string {
  if (pieces.length === 1) return decode(pieces[0] as Buffer);
  let text = '';
  for (const piece of pieces) text += decode(piece);
  return text;
}

/** Removes the single SP/HTAB that follows the colon once unfolded (`Subject:` CRLF SP `x` is `x`). */
function withoutLeadingBlank(value: string): string {
  const first = value.charCodeAt(0);
  return first === 0x20 || first === 0x09 ? value.slice(1) : value;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeLineByLine(bytes: Buffer): string {
  const parts: string[] = [];
  let position = 0;
  while (position < bytes.length) {
    const lineFeed = bytes.indexOf(LF, position);
    const end = lineFeed === -1 ? bytes.length : lineFeed + 1;
    const line = bytes.subarray(position, end);
    try {
      parts.push(strictUtf8.decode(line));
    } catch {
      parts.push(line.toString('latin1'));
    }
    position = end;
  }
  return parts.join('');
}
