// FETCH attributes (RFC 3501 §6.4.5): macros ALL, FAST, FULL; simple items; BODY[section]<partial>
// and BODY.PEEK[…]. A section is a part path (`1.2`) and a specifier (HEADER, HEADER.FIELDS (…),
// HEADER.FIELDS.NOT (…), TEXT, MIME); its label in the response echoes the request (§7.4.2).
import { ArgumentReader, atomsOf } from './argument-reader.ts';
import { ImapSyntaxError } from './imap-syntax-error.ts';

export type SimpleFetchName = 'UID' | 'FLAGS' | 'INTERNALDATE' | 'RFC822.SIZE' | 'ENVELOPE' | 'BODYSTRUCTURE' | 'BODY' | 'RFC822' | 'RFC822.HEADER' | 'RFC822.TEXT';
export type SectionSpecifier = 'ALL' | 'HEADER' | 'HEADER.FIELDS' | 'HEADER.FIELDS.NOT' | 'TEXT' | 'MIME';

export interface BodySection {
  /** Part numbers, empty for the whole message. */
  readonly path: readonly number[];
  readonly specifier: SectionSpecifier;
  /** Upper-case field names of HEADER.FIELDS / HEADER.FIELDS.NOT. */
  readonly fields: readonly string[];
}

export type FetchItem =
  | { readonly kind: 'simple'; readonly name: SimpleFetchName }
  | {
      readonly kind: 'section';
      readonly peek: boolean;
      readonly section: BodySection;
      readonly partial?: { readonly offset: number; readonly length?: number };
      /** `BODY[…]` as the client wrote the section, for the response. */
      readonly label: string;
    };

const SIMPLE = new Set<string>(['UID', 'FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE', 'BODYSTRUCTURE', 'BODY', 'RFC822', 'RFC822.HEADER', 'RFC822.TEXT']);
const MACROS: Record<string, readonly SimpleFetchName[]> = {
  ALL: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE'],
  FAST: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE'],
  FULL: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE', 'BODY'],
};
const SECTION_ITEM = /^BODY(\.PEEK)?\[([^\]]*)\](?:<(\d{1,10})(?:\.(\d{1,10}))?>)?$/i;
const PATH = /^(\d{1,5}(?:\.\d{1,5})*)(?:\.(.*))?$/s;
const FIELD_LIST = /^(HEADER\.FIELDS(?:\.NOT)?)\s*\((.*)\)$/is;

export function parseFetchItems(args: ArgumentReader): FetchItem[] {
  const token = args.next('attributs FETCH');
  if (token.type === 'atom') {
    const macro = MACROS[token.value.toUpperCase()];
    return macro ? macro.map((name) => ({ kind: 'simple', name })) : [parseItem(token.value)];
  }
  if (token.type !== 'list' || token.items.length === 0) throw new ImapSyntaxError('Attributs FETCH attendus (atome ou liste non vide)');
  return atomsOf(token.items, 'attribut FETCH').map(parseItem);
}

function parseItem(text: string): FetchItem {
  const upper = text.toUpperCase();
  if (SIMPLE.has(upper)) return { kind: 'simple', name: upper as SimpleFetchName };
  const match = SECTION_ITEM.exec(text);
  if (!match) throw new ImapSyntaxError(`Attribut FETCH inconnu : « ${text.slice(0, 60)} »`);
  const [, peek, inner = '', offset, length] = match;
  const section = parseSection(inner);
  return {
    kind: 'section',
    peek: peek !== undefined,
    section,
    ...(offset === undefined ? {} : { partial: { offset: Number(offset), ...(length === undefined ? {} : { length: Number(length) }) } }),
    label: `BODY[${inner}]`,
  };
}

export function parseSection(inner: string): BodySection {
  const pathMatch = PATH.exec(inner);
  const path = pathMatch ? (pathMatch[1] as string).split('.').map(Number) : [];
  const rest = pathMatch ? (pathMatch[2] ?? '') : inner;
  if (path.some((n) => n === 0)) throw new ImapSyntaxError(`Numéro de partie invalide : « ${inner.slice(0, 60)} »`);
  const upper = rest.toUpperCase();
  if (upper === '') return { path, specifier: 'ALL', fields: [] };
  if (upper === 'HEADER' || upper === 'TEXT' || (upper === 'MIME' && path.length > 0)) return { path, specifier: upper, fields: [] };
  const fields = FIELD_LIST.exec(rest);
  if (!fields) throw new ImapSyntaxError(`Section inconnue : « ${inner.slice(0, 60)} »`);
  const names = (fields[2] as string).split(/\s+/).filter((name) => name.length > 0).map((name) => name.replace(/^"(.*)"$/, '$1').toUpperCase());
  if (names.length === 0) throw new ImapSyntaxError('HEADER.FIELDS sans nom de champ');
  return { path, specifier: (fields[1] as string).toUpperCase() as SectionSpecifier, fields: names };
}
