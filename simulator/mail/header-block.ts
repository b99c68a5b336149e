// The header block of a raw message: where it ends, and its fields unfolded. A byte-level
// scan with no MIME parsing, fast enough for the SMTP hot path. Never throws on garbage.
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

/** Splits a decoded header block into fields, unfolding continuation lines (RFC 5322 §2.2.3). */
export function splitHeaderFields(block: string): HeaderField[] {
  const fields: HeaderField[] = [];
  let current: { name: string; value: string } | undefined;
  for (const line of block.split('\n')) {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.length === 0) break;
    const first = text.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (current) current.value += text;
      continue;
    }
    if (current) fields.push(finish(current));
    current = parseFieldLine(text);
  }
  if (current) fields.push(finish(current));
  return fields;
}

/** Header block of a raw message as fields, with its byte length. */
export function readHeaderFields(raw: Buffer): { fields: HeaderField[]; headerBytes: number } {
  const headerBytes = headerBlockLength(raw);
  return { fields: splitHeaderFields(decodeHeaderBytes(raw.subarray(0, headerBytes))), headerBytes };
}

const FIELD_NAME = /^[!-9;-~]+$/; // RFC 5322 §2.2: printable US-ASCII except ':'

function parseFieldLine(text: string): { name: string; value: string } | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  // RFC 5322 §4.5 (obsolete syntax): white space allowed between the name and the colon.
  const name = text.slice(0, colon).replace(/[ \t]+$/, '');
  if (!FIELD_NAME.test(name)) return undefined;
  return { name, value: text.slice(colon + 1) };
}

/** Removes the single SP/HTAB that follows the colon once unfolded (`Subject:` CRLF SP `x` is `x`). */
function finish(field: { name: string; value: string }): HeaderField {
  const first = field.value.charCodeAt(0);
  return first === 0x20 || first === 0x09 ? { name: field.name, value: field.value.slice(1) } : field;
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
