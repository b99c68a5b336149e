// Byte-accurate MIME structure of a message (RFC 2045, RFC 2046 §5.1 multipart, §5.2.1
// message/rfc822): every entity's header and body offsets, so that BODYSTRUCTURE sizes and
// line counts and BODY[section] bytes are exact (RFC 3501 §6.4.5, §7.4.2). Never throws:
// malformed structures degrade (missing close delimiter → the last part runs to the end; a
// multipart without boundary or without any part → text/plain). Bounded depth and part count.
import { headerBlockLength } from './header-block.ts';
import { MAX_MIME_DEPTH, MAX_MIME_PARTS } from '../imap/protocol/imap-limits.ts';
import { parameter, parseParameterisedValue } from './parameterised-value.ts';
import { fieldValue, readRawHeader, type RawHeaderField } from './raw-header.ts';

export interface MimeNode {
  readonly headerStart: number;
  readonly bodyStart: number;
  readonly end: number;
  readonly fields: readonly RawHeaderField[];
  /** Lower-case media type and subtype. */
  readonly type: string;
  readonly subtype: string;
  readonly params: readonly (readonly [string, string])[];
  /** Parts of a multipart (never empty for a multipart). */
  readonly children: readonly MimeNode[];
  /** The encapsulated message of a message/rfc822 part. */
  readonly message?: MimeNode;
  /** Text lines of the body (text/* and message/rfc822, RFC 3501 §7.4.2): line feeds, plus an unterminated last line. */
  readonly lines: number;
}

const LF = 0x0a;
const CR = 0x0d;
const IDENTITY_ENCODINGS = new Set(['', '7bit', '8bit', 'binary']);

interface Budget {
  parts: number;
}

export function parseMimeTree(raw: Buffer): MimeNode {
  return parseEntity(raw, 0, raw.length, 0, { parts: 0 }, ['text', 'plain']);
}

function parseEntity(raw: Buffer, start: number, end: number, depth: number, budget: Budget, defaultType: readonly [string, string]): MimeNode {
  budget.parts += 1;
  const bodyStart = start + headerBlockLength(raw.subarray(start, end));
  const fields = readRawHeader(raw, start, bodyStart);
  const contentType = fieldValue(fields, 'CONTENT-TYPE');
  const parsed = contentType === undefined ? undefined : parseParameterisedValue(contentType);
  const slash = parsed?.value.indexOf('/') ?? -1;
  let type = parsed && slash > 0 ? parsed.value.slice(0, slash).trim() : defaultType[0];
  let subtype = parsed && slash > 0 ? parsed.value.slice(slash + 1).trim() : defaultType[1];
  const params = parsed && slash > 0 ? parsed.params : defaultType[0] === 'text' ? [['charset', 'us-ascii'] as const] : [];
  const nested = depth < MAX_MIME_DEPTH && budget.parts < MAX_MIME_PARTS;
  let children: MimeNode[] = [];
  let message: MimeNode | undefined;
  if (type === 'multipart') {
    const boundary = parsed ? parameter(parsed, 'boundary') : undefined;
    const ranges = boundary && nested ? findParts(raw, bodyStart, end, boundary, MAX_MIME_PARTS - budget.parts) : [];
    const childType: readonly [string, string] = subtype === 'digest' ? ['message', 'rfc822'] : ['text', 'plain'];
    children = ranges.map(([partStart, partEnd]) => parseEntity(raw, partStart, partEnd, depth + 1, budget, childType));
    if (!boundary || !nested) [type, subtype] = ['text', 'plain'];
    else if (children.length === 0) children = [emptyPart(end)];
  } else if (type === 'message' && subtype === 'rfc822' && nested && IDENTITY_ENCODINGS.has((fieldValue(fields, 'CONTENT-TRANSFER-ENCODING') ?? '').toLowerCase())) {
    message = parseEntity(raw, bodyStart, end, depth + 1, budget, ['text', 'plain']);
  }
  const lines = type === 'text' || message ? countLines(raw, bodyStart, end) : 0;
  return { headerStart: start, bodyStart, end, fields, type, subtype, params, children, ...(message ? { message } : {}), lines };
}

/** Body ranges of the parts between boundary delimiter lines; the CRLF before a delimiter belongs to it. */
function findParts(raw: Buffer, bodyStart: number, end: number, boundary: string, maxParts: number): [number, number][] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: [number, number][] = [];
  let partStart = -1;
  let position = bodyStart;
  while (position < end) {
    const at = raw.indexOf(delimiter, position);
    if (at < 0 || at + delimiter.length > end) break;
    const line = delimiterLine(raw, at, at + delimiter.length, end, bodyStart);
    if (!line) {
      position = at + 1;
      continue;
    }
    if (partStart >= 0) {
      if (parts.length + 1 >= maxParts) break; // budget spent: the last part runs to the end
      parts.push([partStart, Math.max(partStart, lineEndingStart(raw, at, partStart))]);
    }
    if (line.close) return parts;
    partStart = line.next;
    position = line.next;
  }
  if (partStart >= 0) parts.push([partStart, end]);
  return parts;
}

/** A delimiter must start a line and be followed by `--` (close), transport padding and a line end. */
function delimiterLine(raw: Buffer, at: number, after: number, end: number, bodyStart: number): { close: boolean; next: number } | undefined {
  if (at !== bodyStart && raw[at - 1] !== LF) return undefined;
  const close = after + 1 < end && raw[after] === 0x2d && raw[after + 1] === 0x2d;
  let position = close ? after + 2 : after;
  while (position < end && (raw[position] === 0x20 || raw[position] === 0x09)) position += 1;
  if (position < end && raw[position] !== CR && raw[position] !== LF) {
    if (!close) return undefined;
  }
  const lineFeed = raw.indexOf(LF, position);
  const next = lineFeed === -1 || lineFeed >= end ? end : lineFeed + 1;
  return { close, next };
}

function lineEndingStart(raw: Buffer, delimiterAt: number, floor: number): number {
  let position = delimiterAt;
  if (position > floor && raw[position - 1] === LF) position -= 1;
  if (position > floor && raw[position - 1] === CR) position -= 1;
  return position;
}

function countLines(raw: Buffer, start: number, end: number): number {
  let lines = 0;
  let position = raw.indexOf(LF, start);
  while (position !== -1 && position < end) {
    lines += 1;
    position = raw.indexOf(LF, position + 1);
  }
  return end > start && raw[end - 1] !== LF ? lines + 1 : lines;
}

function emptyPart(at: number): MimeNode {
  return { headerStart: at, bodyStart: at, end: at, fields: [], type: 'text', subtype: 'plain', params: [['charset', 'us-ascii']], children: [], lines: 0 };
}
