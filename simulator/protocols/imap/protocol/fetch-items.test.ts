import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArgumentReader } from './argument-reader.ts';
import { parseFetchItems, parseSection } from './fetch-items.ts';
import { tokenize } from './tokenize.ts';

const items = (text: string) => parseFetchItems(new ArgumentReader(tokenize([text])));

test('macros expand (RFC 3501 §6.4.5)', () => {
  assert.deepEqual(items('FAST'), ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE'].map((name) => ({ kind: 'simple', name })));
  assert.equal(items('FULL').length, 5);
});

test('sections: path, specifier, fields, PEEK, partial, label as the client wrote it', () => {
  assert.deepEqual(items('(uid BODY.PEEK[1.2.HEADER.FIELDS.NOT (X-Mailer "Received")]<10.20>)'), [
    { kind: 'simple', name: 'UID' },
    {
      kind: 'section',
      peek: true,
      section: { path: [1, 2], specifier: 'HEADER.FIELDS.NOT', fields: ['X-MAILER', 'RECEIVED'] },
      partial: { offset: 10, length: 20 },
      label: 'BODY[1.2.HEADER.FIELDS.NOT (X-Mailer "Received")]',
    },
  ]);
  assert.deepEqual(parseSection(''), { path: [], specifier: 'ALL', fields: [] });
  assert.deepEqual(parseSection('3'), { path: [3], specifier: 'ALL', fields: [] });
  assert.deepEqual(parseSection('2.MIME'), { path: [2], specifier: 'MIME', fields: [] });
  assert.deepEqual(parseSection('text'), { path: [], specifier: 'TEXT', fields: [] });
});

test('unknown attributes and sections are syntax errors', () => {
  assert.throws(() => items('(FLAGS BOGUS)'), /Attribut FETCH inconnu : « BOGUS »/);
  assert.throws(() => parseSection('MIME'), /Section inconnue/);
  assert.throws(() => parseSection('0.TEXT'), /Numéro de partie invalide/);
  assert.throws(() => parseSection('HEADER.FIELDS ()'), /HEADER\.FIELDS sans nom de champ/);
  assert.throws(() => items('()'), /Attributs FETCH attendus/);
});
