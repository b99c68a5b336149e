// Sequence sets (RFC 3501 §9 sequence-set): `1`, `2:4`, `5:*`, `*`, comma-separated. `*` is the
// largest number in use (message count, or highest UID); a range is unordered (`4:2` = `2:4`).
import { ImapSyntaxError } from './imap-syntax-error.ts';

export type SequenceNumber = number | '*';

export interface SequenceRange {
  readonly from: SequenceNumber;
  readonly to: SequenceNumber;
}

export type SequenceSet = readonly SequenceRange[];

const NUMBER = /^[1-9]\d{0,9}$/;
const MAX_NUMBER = 4_294_967_295; // nz-number is a 32-bit unsigned value

export function parseSequenceSet(text: string): SequenceSet {
  if (text.length === 0) throw new ImapSyntaxError('Ensemble de messages vide');
  return text.split(',').map((item) => {
    const bounds = item.split(':');
    if (bounds.length > 2) throw new ImapSyntaxError(`Ensemble de messages invalide : « ${text.slice(0, 40)} »`);
    const from = parseNumber(bounds[0] as string, text);
    return { from, to: bounds.length === 2 ? parseNumber(bounds[1] as string, text) : from };
  });
}

export function isSequenceSet(text: string): boolean {
  return /^(?:\d+|\*)(?::(?:\d+|\*))?(?:,(?:\d+|\*)(?::(?:\d+|\*))?)*$/.test(text);
}

/** Each range as [low, high] once `*` is `largest` (which may be 0 when nothing is in use). */
export function concreteRanges(set: SequenceSet, largest: number): [number, number][] {
  return set.map((range) => {
    const from = range.from === '*' ? largest : range.from;
    const to = range.to === '*' ? largest : range.to;
    return from <= to ? [from, to] : [to, from];
  });
}

/** The set written back (COPYUID, APPENDUID, RFC 4315 §3), from sorted distinct numbers. */
export function formatNumbers(numbers: readonly number[]): string {
  const pieces: string[] = [];
  let start = numbers[0];
  let previous = start;
  for (let i = 1; i <= numbers.length; i += 1) {
    const current = numbers[i];
    if (current !== undefined && previous !== undefined && current === previous + 1) {
      previous = current;
      continue;
    }
    if (start !== undefined) pieces.push(start === previous ? String(start) : `${start}:${previous}`);
    start = current;
    previous = current;
  }
  return pieces.join(',');
}

function parseNumber(text: string, whole: string): SequenceNumber {
  if (text === '*') return '*';
  const value = Number(text);
  if (!NUMBER.test(text) || value > MAX_NUMBER) throw new ImapSyntaxError(`Ensemble de messages invalide : « ${whole.slice(0, 40)} »`);
  return value;
}
