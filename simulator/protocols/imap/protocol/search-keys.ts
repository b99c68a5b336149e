// SEARCH criteria (RFC 3501 §6.4.4) as a tree. Supported keys: ALL, ANSWERED, DELETED, DRAFT,
// FLAGGED, NEW, OLD, RECENT, SEEN and their UN- forms, KEYWORD/UNKEYWORD, FROM, TO, CC, BCC,
// SUBJECT, HEADER, TEXT, BODY, BEFORE/ON/SINCE, SENTBEFORE/SENTON/SENTSINCE, LARGER, SMALLER,
// UID, a sequence set, NOT, OR and parenthesised groups. CHARSET: UTF-8 and US-ASCII.
import { ArgumentReader } from './argument-reader.ts';
import { parseSearchDate, type DayNumber } from './imap-date.ts';
import { MAX_NESTING } from './imap-limits.ts';
import { ImapSyntaxError } from './imap-syntax-error.ts';
import { isSequenceSet, parseSequenceSet, type SequenceSet } from './sequence-set.ts';

export type DateOperator = 'before' | 'on' | 'since';

export type SearchKey =
  | { readonly kind: 'all' }
  | { readonly kind: 'flag'; readonly flag: string; readonly present: boolean }
  | { readonly kind: 'recent' | 'new' | 'old' }
  | { readonly kind: 'header'; readonly field: string; readonly value: string }
  | { readonly kind: 'text' | 'body'; readonly value: string }
  | { readonly kind: 'internal-date' | 'sent-date'; readonly op: DateOperator; readonly day: DayNumber }
  | { readonly kind: 'size'; readonly op: 'larger' | 'smaller'; readonly bytes: number }
  | { readonly kind: 'uid' | 'sequence'; readonly set: SequenceSet }
  | { readonly kind: 'not'; readonly key: SearchKey }
  | { readonly kind: 'or'; readonly left: SearchKey; readonly right: SearchKey }
  | { readonly kind: 'and'; readonly keys: readonly SearchKey[] };

/** Charsets accepted by `SEARCH CHARSET` (RFC 3501 §6.4.4: others → NO [BADCHARSET]). */
export const SEARCH_CHARSETS = ['UTF-8', 'US-ASCII'] as const;

export interface SearchProgram {
  readonly charset?: string;
  readonly key: SearchKey;
}

const FLAG_KEYS: Record<string, readonly [string, boolean]> = {
  ANSWERED: ['\\Answered', true], DELETED: ['\\Deleted', true], DRAFT: ['\\Draft', true], FLAGGED: ['\\Flagged', true], SEEN: ['\\Seen', true],
  UNANSWERED: ['\\Answered', false], UNDELETED: ['\\Deleted', false], UNDRAFT: ['\\Draft', false], UNFLAGGED: ['\\Flagged', false], UNSEEN: ['\\Seen', false],
};
const HEADER_KEYS = new Set(['FROM', 'TO', 'CC', 'BCC', 'SUBJECT']);
const DATE_KEYS: Record<string, readonly ['internal-date' | 'sent-date', DateOperator]> = {
  BEFORE: ['internal-date', 'before'], ON: ['internal-date', 'on'], SINCE: ['internal-date', 'since'],
  SENTBEFORE: ['sent-date', 'before'], SENTON: ['sent-date', 'on'], SENTSINCE: ['sent-date', 'since'],
};

export function parseSearchProgram(args: ArgumentReader): SearchProgram {
  let charset: string | undefined;
  if (args.acceptAtom('CHARSET')) charset = args.astring('jeu de caractères').toUpperCase();
  const keys: SearchKey[] = [];
  while (!args.done) keys.push(parseKey(args, 0));
  if (keys.length === 0) throw new ImapSyntaxError('Critère de recherche manquant');
  return { ...(charset === undefined ? {} : { charset }), key: keys.length === 1 ? (keys[0] as SearchKey) : { kind: 'and', keys } };
}

function parseKey(args: ArgumentReader, depth: number): SearchKey {
  if (depth > MAX_NESTING) throw new ImapSyntaxError('Critères de recherche imbriqués trop profondément');
  const token = args.next('critère de recherche');
  if (token.type === 'list') return parseGroup(new ArgumentReader(token.items), depth);
  if (token.type !== 'atom') throw new ImapSyntaxError('Critère de recherche attendu, reçu une chaîne');
  const name = token.value.toUpperCase();
  const flag = FLAG_KEYS[name];
  if (flag) return { kind: 'flag', flag: flag[0], present: flag[1] };
  if (HEADER_KEYS.has(name)) return { kind: 'header', field: name, value: args.astring(`valeur de ${name}`) };
  const date = DATE_KEYS[name];
  if (date) return { kind: date[0], op: date[1], day: parseSearchDate(args.astring(`date de ${name}`)) };
  return parseOtherKey(name, token.value, args, depth);
}

function parseOtherKey(name: string, raw: string, args: ArgumentReader, depth: number): SearchKey {
  switch (name) {
    case 'ALL': return { kind: 'all' };
    case 'RECENT': return { kind: 'recent' };
    case 'NEW': return { kind: 'new' };
    case 'OLD': return { kind: 'old' };
    case 'KEYWORD': return { kind: 'flag', flag: args.atom('mot-clé'), present: true };
    case 'UNKEYWORD': return { kind: 'flag', flag: args.atom('mot-clé'), present: false };
    case 'HEADER': return { kind: 'header', field: args.astring('nom de champ').toUpperCase(), value: args.astring('valeur de champ') };
    case 'TEXT': return { kind: 'text', value: args.astring('texte recherché') };
    case 'BODY': return { kind: 'body', value: args.astring('texte recherché') };
    case 'LARGER': return { kind: 'size', op: 'larger', bytes: sizeArgument(args) };
    case 'SMALLER': return { kind: 'size', op: 'smaller', bytes: sizeArgument(args) };
    case 'UID': return { kind: 'uid', set: parseSequenceSet(args.atom("ensemble d'UID")) };
    case 'NOT': return { kind: 'not', key: parseKey(args, depth + 1) };
    case 'OR': return { kind: 'or', left: parseKey(args, depth + 1), right: parseKey(args, depth + 1) };
    default:
      if (isSequenceSet(raw)) return { kind: 'sequence', set: parseSequenceSet(raw) };
      throw new ImapSyntaxError(`Critère de recherche inconnu : « ${raw.slice(0, 40)} »`);
  }
}

function parseGroup(args: ArgumentReader, depth: number): SearchKey {
  const keys: SearchKey[] = [];
  while (!args.done) keys.push(parseKey(args, depth + 1));
  if (keys.length === 0) throw new ImapSyntaxError('Groupe de critères vide');
  return keys.length === 1 ? (keys[0] as SearchKey) : { kind: 'and', keys };
}

function sizeArgument(args: ArgumentReader): number {
  const text = args.atom('taille en octets');
  if (!/^\d{1,12}$/.test(text)) throw new ImapSyntaxError(`Taille invalide : « ${text.slice(0, 20)} »`);
  return Number(text);
}
