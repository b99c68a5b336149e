import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImapSyntaxError } from './imap-syntax-error.ts';
import type { ImapToken } from './imap-token.ts';
import { tokenize } from './tokenize.ts';

/** Tokens as plain values: atoms as text, strings as `"…"`, lists as arrays. */
function plain(tokens: readonly ImapToken[]): unknown[] {
  return tokens.map((t) => (t.type === 'atom' ? t.value : t.type === 'string' ? `"${t.value.toString('utf8')}"` : plain(t.items)));
}

test('atoms, quoted strings with escapes, nested lists', () => {
  assert.deepEqual(plain(tokenize(['a1 STATUS "Mon \\"dossier\\" \\\\ x" (MESSAGES (UNSEEN))'])), ['a1', 'STATUS', '"Mon "dossier" \\ x"', ['MESSAGES', ['UNSEEN']]]);
});

test('a fetch attribute with brackets keeps its spaces and parentheses, and its partial', () => {
  assert.deepEqual(plain(tokenize(['a FETCH 1:* (UID BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.100> FLAGS)'])), ['a', 'FETCH', '1:*', ['UID', 'BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.100>', 'FLAGS']]);
});

test('literals are taken from the parts that follow their marker, bytes kept', () => {
  const tokens = tokenize(['a LOGIN {5}', Buffer.from('ca\r\nmi'), ' {3+}', Buffer.from('pwd'), '']);
  assert.deepEqual(plain(tokens), ['a', 'LOGIN', '"ca\r\nmi"', '"pwd"']);
});

test('UTF-8 in quoted strings, flags with backslash, wildcards', () => {
  assert.deepEqual(plain(tokenize(['s SEARCH SUBJECT "non distribué" KEYWORD \\Seen % *'])), ['s', 'SEARCH', 'SUBJECT', '"non distribué"', 'KEYWORD', '\\Seen', '%', '*']);
});

test('malformed input raises ImapSyntaxError with a French reason', () => {
  const cases: [string, string][] = [
    ['a LOGIN "open', 'Chaîne entre guillemets non terminée'],
    ['a X (b', 'Parenthèse ouvrante sans parenthèse fermante'],
    ['a X b)', 'Parenthèse fermante sans parenthèse ouvrante'],
    ['a FETCH 1 BODY[TEXT', 'Crochet ouvrant sans crochet fermant'],
    ['a X {5} y', 'Accolade inattendue (un littéral {n} doit terminer la ligne)'],
    ['a X \u0007', 'Caractère de contrôle dans la commande'],
    [`a X ${'('.repeat(40)}`, 'Listes imbriquées trop profondément'],
  ];
  for (const [line, message] of cases) assert.throws(() => tokenize([line]), (e: unknown) => e instanceof ImapSyntaxError && e.message === message && e.code === 'MSS_SIM_IMAP_SYNTAX', line);
  assert.throws(() => tokenize(['a LOGIN {5}']), /Littéral annoncé mais absent/);
});
