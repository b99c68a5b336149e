import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeJsonRefusal, readBoundedJson, type JsonRefusal } from './bounded-json.ts';
import { findTooDeep } from './json-depth-scan.ts';

const LIMITS = { maxDepth: 64, maxBytes: 1024 * 1024 };

function refusal(input: string | Uint8Array, limits = LIMITS): JsonRefusal {
  const read = readBoundedJson(input, limits);
  assert.equal(read.ok, false, 'the JSON was accepted');
  if (read.ok) throw new Error('unreachable');
  return read.refusal;
}

describe('readBoundedJson', () => {
  it('parses JSON of exactly the depth limit, from bytes or text, stripping a BOM', () => {
    const deepest = '['.repeat(64) + ']'.repeat(64);
    assert.equal(readBoundedJson(deepest, LIMITS).ok, true);
    assert.deepEqual(readBoundedJson(Buffer.from('\uFEFF{"a":[1]}', 'utf8'), LIMITS), { ok: true, value: { a: [1] } });
    assert.deepEqual(readBoundedJson('\uFEFF{"a":[1]}', LIMITS), { ok: true, value: { a: [1] } });
  });

  it('refuses 100,000 levels of nesting without overflowing the stack, with where it went too deep', () => {
    const deep = refusal('{"a":[{"b":' + '['.repeat(100_000));
    assert.deepEqual(deep, { kind: 'too-deep', limit: 64, pointer: '/a/0/b' + '/0'.repeat(61), position: 72, line: 1, column: 73 });
    assert.equal(
      describeJsonRefusal(deep).message,
      `JSON trop imbriqué : plus de 64 niveaux d'objets et de tableaux en /a/0/b${'/0'.repeat(61)} (ligne 1, colonne 73, position 72)`,
    );
  });

  it('follows keys and indices, ignoring brackets inside strings', () => {
    assert.deepEqual(findTooDeep('{"x":"[[[","l":[0,{"k/~":[[1]]}]}', 3), { position: 25, pointer: '/l/1/k~1~0' });
    assert.equal(findTooDeep('{"x":"[[[[","l":[]}', 2), undefined);
    const escaped = String.raw`{"x\"[[":"\\","l":[[0]]}`;
    assert.deepEqual(findTooDeep(escaped, 2), { position: escaped.indexOf('[[0') + 1, pointer: '/l/0' });
  });

  it('refuses a text over the size limit before reading it', () => {
    assert.deepEqual(refusal('[1,2,3]', { maxDepth: 64, maxBytes: 6 }), { kind: 'too-large', size: 7, limit: 6 });
  });

  it('refuses bytes that are not UTF-8 with the byte offset, and says how to convert them', () => {
    const latin1 = refusal(Buffer.from('{"nom": "Gérard"}', 'latin1'));
    assert.deepEqual(latin1, { kind: 'not-utf8', byteOffset: 10 });
    assert.match(describeJsonRefusal(latin1).fix, /iconv -f latin1 -t utf-8/);
  });

  it('locates a syntax error', () => {
    assert.deepEqual(refusal('{\n  "a": 1,\n}'), {
      kind: 'syntax', position: 12, line: 3, column: 1,
      detail: 'caractère « } » inattendu : un nom de propriété entre guillemets doubles est attendu',
    });
  });
});
