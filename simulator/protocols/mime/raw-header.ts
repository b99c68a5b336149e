// The IMAP view of the header scan (header-block.ts): fields with upper-case keys, trimmed
// values and their byte offsets (RFC 5322 §2.2), so that
// BODY[HEADER.FIELDS (…)] can return the lines exactly as stored, folding included
// (RFC 3501 §6.4.5), while ENVELOPE and SEARCH read the unfolded values.
import { isAscii } from 'node:buffer';
import { scanHeaderFields, spanBytes } from './header-block.ts';

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
  return scanHeaderFields(raw, start, end).map((field) => ({ key: field.name.toUpperCase(), value: decode(spanBytes(raw, field)).trim(), start: field.start, end: field.end }));
}

function decode(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : utf8.decode(bytes);
}

/** The first value of a field, by upper-case name. */
export function fieldValue(fields: readonly RawHeaderField[], key: string): string | undefined {
  return fields.find((field) => field.key === key)?.value;
}
