import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArgumentReader } from './argument-reader.ts';
import { parseSearchProgram } from './search-keys.ts';
import { tokenize } from './tokenize.ts';

const program = (text: string) => parseSearchProgram(new ArgumentReader(tokenize([text])));

test('several keys are AND-ed; OR, NOT and groups nest', () => {
  assert.deepEqual(program('CHARSET utf-8 UNSEEN OR FROM "paul" (SUBJECT x NOT DELETED) 2:*'), {
    charset: 'UTF-8',
    key: {
      kind: 'and',
      keys: [
        { kind: 'flag', flag: '\\Seen', present: false },
        {
          kind: 'or',
          left: { kind: 'header', field: 'FROM', value: 'paul' },
          right: { kind: 'and', keys: [{ kind: 'header', field: 'SUBJECT', value: 'x' }, { kind: 'not', key: { kind: 'flag', flag: '\\Deleted', present: true } }] },
        },
        { kind: 'sequence', set: [{ from: 2, to: '*' }] },
      ],
    },
  });
});

test('dates, sizes, UID sets, HEADER, KEYWORD', () => {
  assert.deepEqual(program('SENTSINCE 1-Mar-2025').key, { kind: 'sent-date', op: 'since', day: 20250301 });
  assert.deepEqual(program('LARGER 1000').key, { kind: 'size', op: 'larger', bytes: 1000 });
  assert.deepEqual(program('UID 3,5:*').key, { kind: 'uid', set: [{ from: 3, to: 3 }, { from: 5, to: '*' }] });
  assert.deepEqual(program('HEADER X-MSS-MES FIN').key, { kind: 'header', field: 'X-MSS-MES', value: 'FIN' });
  assert.deepEqual(program('KEYWORD $Label1').key, { kind: 'flag', flag: '$Label1', present: true });
});

test('errors: unknown key, missing argument, bad size, too deep', () => {
  assert.throws(() => program('BOGUS'), /Critère de recherche inconnu : « BOGUS »/);
  assert.throws(() => program('FROM'), /Argument manquant : valeur de FROM/);
  assert.throws(() => program('LARGER big'), /Taille invalide/);
  assert.throws(() => program(`${'NOT '.repeat(30)}ALL`), /imbriqués trop profondément/);
});
