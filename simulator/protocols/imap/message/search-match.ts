// Evaluation of SEARCH keys (RFC 3501 §6.4.4) against the messages of a folder view, compiled
// once per command (sequence and UID sets resolved once). String keys match case-insensitive
// substrings: header values after RFC 2047 decoding; TEXT and BODY on the decoded text.
import { decodeEncodedWords, bodyText, headerText } from '../../mime/message-reader.ts';
import type { SelectedMessage } from '../mailbox/folder-view.ts';
import { dayOf, type DayNumber } from '../protocol/imap-date.ts';
import type { SearchKey } from '../protocol/search-keys.ts';
import { concreteRanges } from '../protocol/sequence-set.ts';
import { messageFacts } from './message-facts.ts';

export interface SearchScope {
  readonly maxSeq: number;
  readonly maxUid: number;
  readonly isRecent: (message: SelectedMessage) => boolean;
}

export type Matcher = (message: SelectedMessage) => boolean;

export function compileSearch(key: SearchKey, scope: SearchScope): Matcher {
  switch (key.kind) {
    case 'all': return () => true;
    case 'flag': return (m) => m.entry.flags.has(key.flag) === key.present;
    case 'recent': return scope.isRecent;
    case 'new': return (m) => scope.isRecent(m) && !m.entry.flags.has('\\Seen');
    case 'old': return (m) => !scope.isRecent(m);
    case 'header': return headerMatcher(key.field, key.value.toLowerCase());
    case 'text': return (m) => fullText(m).includes(key.value.toLowerCase());
    case 'body': return (m) => bodyOf(m).includes(key.value.toLowerCase());
    case 'internal-date': return (m) => compareDay(dayOf(m.entry.internalDate), key.op, key.day);
    case 'sent-date': return (m) => sentDay(m) !== undefined && compareDay(sentDay(m) as DayNumber, key.op, key.day);
    case 'size': return (m) => (key.op === 'larger' ? sizeOf(m) > key.bytes : sizeOf(m) < key.bytes);
    case 'uid': return inRanges(concreteRanges(key.set, scope.maxUid), (m) => m.entry.uid);
    case 'sequence': return inRanges(concreteRanges(key.set, scope.maxSeq), (m) => m.seq);
    case 'not': {
      const inner = compileSearch(key.key, scope);
      return (m) => !inner(m);
    }
    case 'or': {
      const [left, right] = [compileSearch(key.left, scope), compileSearch(key.right, scope)];
      return (m) => left(m) || right(m);
    }
    case 'and': {
      const all = key.keys.map((k) => compileSearch(k, scope));
      return (m) => all.every((matcher) => matcher(m));
    }
  }
}

function headerMatcher(field: string, needle: string): Matcher {
  return (m) =>
    messageFacts(m.entry.message).header.some((f) => f.key === field && (needle === '' || decodeEncodedWords(f.value).toLowerCase().includes(needle)));
}

function fullText(m: SelectedMessage): string {
  const facts = messageFacts(m.entry.message);
  return `${decodeEncodedWords(headerText(facts.raw, facts.tree))}\n${bodyText(facts.raw, facts.tree)}`.toLowerCase();
}

function bodyOf(m: SelectedMessage): string {
  const facts = messageFacts(m.entry.message);
  return bodyText(facts.raw, facts.tree).toLowerCase();
}

function sizeOf(m: SelectedMessage): number {
  return messageFacts(m.entry.message).size;
}

function sentDay(m: SelectedMessage): DayNumber | undefined {
  const value = messageFacts(m.entry.message).header.find((f) => f.key === 'DATE')?.value;
  const date = value === undefined ? undefined : new Date(value);
  return date && !Number.isNaN(date.getTime()) ? dayOf(date) : undefined;
}

function compareDay(day: DayNumber, op: 'before' | 'on' | 'since', reference: DayNumber): boolean {
  return op === 'before' ? day < reference : op === 'on' ? day === reference : day >= reference;
}

function inRanges(ranges: readonly [number, number][], value: (m: SelectedMessage) => number): Matcher {
  return (m) => {
    const n = value(m);
    return ranges.some(([low, high]) => n >= low && n <= high);
  };
}
