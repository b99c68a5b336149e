// Splits a command (text parts and literals, read-command.ts) into tokens (imap-token.ts).
// Lenient where clients differ (several spaces), strict where ambiguity would hurt (unclosed
// quotes, lists or brackets, control characters): those raise ImapSyntaxError (→ BAD).
import { MAX_NESTING, MAX_TOKENS } from './imap-limits.ts';
import { ImapSyntaxError } from './imap-syntax-error.ts';
import type { ImapToken } from './imap-token.ts';
import type { CommandParts } from './read-command.ts';

const LITERAL_AT_END = /^\{\d{1,20}\+?\}$/;
/** Characters that end an atom (RFC 3501 §9 atom-specials, minus `%`, `*`, `\`, `]` that atoms here may carry). */
const ATOM_END = new Set([' ', '(', ')', '"', '{']);

interface Cursor {
  readonly stack: ImapToken[][];
  count: number;
}

export function tokenize(parts: CommandParts): ImapToken[] {
  const cursor: Cursor = { stack: [[]], count: 0 };
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index];
    if (typeof part !== 'string') continue; // literals are taken by the text that announces them
    const literalFollows = tokenizeText(part, cursor);
    if (literalFollows) {
      const literal = parts[index + 1];
      if (!Buffer.isBuffer(literal)) throw new ImapSyntaxError('Littéral annoncé mais absent');
      push(cursor, { type: 'string', value: literal });
    }
  }
  if (cursor.stack.length !== 1) throw new ImapSyntaxError('Parenthèse ouvrante sans parenthèse fermante');
  return cursor.stack[0] as ImapToken[];
}

/** Tokens of one text part; true when it ends with a literal marker `{n}`. */
function tokenizeText(text: string, cursor: Cursor): boolean {
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === ' ') i += 1;
    else if (char === '(') {
      if (cursor.stack.length > MAX_NESTING) throw new ImapSyntaxError('Listes imbriquées trop profondément');
      cursor.stack.push([]);
      i += 1;
    } else if (char === ')') {
      const items = cursor.stack.pop();
      if (!items || cursor.stack.length === 0) throw new ImapSyntaxError('Parenthèse fermante sans parenthèse ouvrante');
      push(cursor, { type: 'list', items });
      i += 1;
    } else if (char === '"') i = readQuoted(text, i, cursor);
    else if (char === '{') {
      if (!LITERAL_AT_END.test(text.slice(i))) throw new ImapSyntaxError('Accolade inattendue (un littéral {n} doit terminer la ligne)');
      return true;
    } else i = readAtom(text, i, cursor);
  }
  return false;
}

function readQuoted(text: string, start: number, cursor: Cursor): number {
  let value = '';
  for (let i = start + 1; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char === '"') {
      push(cursor, { type: 'string', value: Buffer.from(value, 'utf8') });
      return i + 1;
    }
    if (char === '\\') {
      i += 1;
      if (i >= text.length) break;
      value += text[i];
    } else value += char;
  }
  throw new ImapSyntaxError('Chaîne entre guillemets non terminée');
}

function readAtom(text: string, start: number, cursor: Cursor): number {
  let i = start;
  while (i < text.length && !ATOM_END.has(text[i] as string)) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) throw new ImapSyntaxError('Caractère de contrôle dans la commande');
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) throw new ImapSyntaxError('Crochet ouvrant sans crochet fermant');
      i = close;
    }
    i += 1;
  }
  push(cursor, { type: 'atom', value: text.slice(start, i) });
  return i;
}

function push(cursor: Cursor, token: ImapToken): void {
  cursor.count += 1;
  if (cursor.count > MAX_TOKENS) throw new ImapSyntaxError("Commande trop longue (trop d'éléments)");
  (cursor.stack[cursor.stack.length - 1] as ImapToken[]).push(token);
}
