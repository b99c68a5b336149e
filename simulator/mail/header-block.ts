// The header block of a raw message: where it ends, and its fields unfolded, with their byte
// offsets. THE one byte-level header scan (the store's index, IMAP's fields, DSN fields all read
// through it), no MIME parsing, fast enough for the SMTP hot path. Never throws on garbage.
// RFC 5322 §2.1 (header, blank line, body), §2.2 (field = name ":" value), §2.2.3 (unfolding).

export interface HeaderField {
  /** Field name as written (case kept; compare case-insensitively). */
  readonly name: string;
  /** Unfolded value: the single leading SP/HTAB after the colon and the line ending removed, nothing else. */
  readonly value: string;
}

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

/** One field of a header block as stored: where its lines are, and its value bytes. */
export interface HeaderFieldSpan {
  /** Field name as written (case kept). */
  readonly name: string;
  /** Offsets of the field's lines in the message, final line ending included. */
  readonly start: number;
  readonly end: number;
  /** The value's bytes by line, unfolded: after the colon, then each continuation line, line endings removed. */
  readonly pieces: readonly Buffer[];
}

/**
 * THE header scan (RFC 5322 §2.2, §2.2.3): the fields of the block `raw[start, end)`, stopping
 * at the first empty line. A line that is neither a field nor a continuation is skipped, with
 * its continuation lines. Every other header reading is a view of this one.
 */
export function scanHeaderFields(raw: Buffer, start = 0, end = raw.length): HeaderFieldSpan[] {
  const fields: HeaderFieldSpan[] = [];
  let current: OpenField | undefined;
  let position = start;
  while (position < end) {
    const lineFeed = raw.indexOf(LF, position);
    const lineEnd = lineFeed === -1 || lineFeed >= end ? end : lineFeed + 1;
    const content = raw.subarray(position, contentEnd(raw, position, lineEnd));
    if (content.length === 0) break;
    const first = content[0];
    if (first === 0x20 || first === 0x09) {
      if (current) {
        current.pieces.push(content);
        current.end = lineEnd;
      }
    } else {
      if (current) fields.push(close(current));
      current = openField(content, position, lineEnd);
    }
    position = lineEnd;
  }
  if (current) fields.push(close(current));
  return fields;
}

/** Splits a decoded header block into fields, unfolding continuation lines (RFC 5322 §2.2.3). */
export function splitHeaderFields(block: string): HeaderField[] {
  return scanHeaderFields(Buffer.from(block, 'utf8')).map((field) => ({ name: field.name, value: withoutLeadingBlank(field.pieces.map((piece) => piece.toString('utf8')).join('')) }));
}

/** Header block of a raw message as fields, with its byte length. */
export function readHeaderFields(raw: Buffer): { fields: HeaderField[]; headerBytes: number } {
  const headerBytes = headerBlockLength(raw);
  const fields = scanHeaderFields(raw, 0, headerBytes).map((field) => ({ name: field.name, value: withoutLeadingBlank(field.pieces.map(decodeHeaderBytes).join('')) }));
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
  readonly pieces: Buffer[];
}

function openField(content: Buffer, start: number, end: number): OpenField | undefined {
  const colon = content.indexOf(0x3a);
  if (colon <= 0) return undefined;
  // RFC 5322 §4.5 (obsolete syntax): white space allowed between the name and the colon.
  let name = content.toString('latin1', 0, colon);
  if (name.endsWith(' ') || name.endsWith('\t')) name = name.replace(/[ \t]+$/, '');
  if (!FIELD_NAME.test(name)) return undefined;
  return { name, start, end, pieces: [content.subarray(colon + 1)] };
}

function close(field: OpenField): HeaderFieldSpan {
  return { name: field.name, start: field.start, end: field.end, pieces: field.pieces };
}

function contentEnd(raw: Buffer, lineStart: number, lineEnd: number): number {
  let end = lineEnd;
  if (end > lineStart && raw[end - 1] === LF) end -= 1;
  if (end > lineStart && raw[end - 1] === CR) end -= 1;
  return end;
}

/** Removes the single SP/HTAB that follows the colon once unfolded (`Subject:` CRLF SP `x` is `x`). */
function withoutLeadingBlank(value: string): string {
  const first = value.charCodeAt(0);
  return first === 0x20 || first === 0x09 ? value.slice(1) : value;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 1) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

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
