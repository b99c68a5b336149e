// The fields of one header block with their byte offsets (RFC 5322 §2.2), so that
// BODY[HEADER.FIELDS (…)] can return the lines exactly as stored, folding included
// (RFC 3501 §6.4.5), while ENVELOPE and SEARCH read the unfolded values.
import { isAscii } from 'node:buffer';

const LF = 0x0a;
const CR = 0x0d;
const FIELD_NAME = /^[!-9;-~]+$/;
const utf8 = new TextDecoder('utf-8');

export interface RawHeaderField {
  /** Upper-case field name, for comparisons. */
  readonly key: string;
  /** Unfolded value, leading and trailing white space removed. */
  readonly value: string;
  /** Offsets of the field's lines in the message, final line ending included. */
  readonly start: number;
  readonly end: number;
}

/** Fields of the header block `raw[start, end)` (the blank line may be included; it ends the scan). */
export function readRawHeader(raw: Buffer, start: number, end: number): RawHeaderField[] {
  const fields: RawHeaderField[] = [];
  let current: { key: string; start: number; end: number; pieces: Buffer[] } | undefined;
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
      if (current) fields.push(finish(current));
      current = startField(content, position, lineEnd);
    }
    position = lineEnd;
  }
  if (current) fields.push(finish(current));
  return fields;
}

function contentEnd(raw: Buffer, lineStart: number, lineEnd: number): number {
  let end = lineEnd;
  if (end > lineStart && raw[end - 1] === LF) end -= 1;
  if (end > lineStart && raw[end - 1] === CR) end -= 1;
  return end;
}

function startField(content: Buffer, start: number, end: number): { key: string; start: number; end: number; pieces: Buffer[] } | undefined {
  const colon = content.indexOf(0x3a);
  if (colon <= 0) return undefined;
  let name = content.toString('latin1', 0, colon);
  if (name.endsWith(' ') || name.endsWith('\t')) name = name.replace(/[ \t]+$/, '');
  if (!FIELD_NAME.test(name)) return undefined;
  return { key: name.toUpperCase(), start, end, pieces: [content.subarray(colon + 1)] };
}

function finish(field: { key: string; start: number; end: number; pieces: Buffer[] }): RawHeaderField {
  const bytes = field.pieces.length === 1 ? (field.pieces[0] as Buffer) : Buffer.concat(field.pieces);
  return { key: field.key, value: decode(bytes).trim(), start: field.start, end: field.end };
}

function decode(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : utf8.decode(bytes);
}

/** The first value of a field, by upper-case name. */
export function fieldValue(fields: readonly RawHeaderField[], key: string): string | undefined {
  return fields.find((field) => field.key === key)?.value;
}
