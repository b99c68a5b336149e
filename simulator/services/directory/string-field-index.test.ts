import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseText } from './search-text.ts';
import { StringFieldIndex, type StringMode } from './string-field-index.ts';

const values = [['Hélène', 'Rousseau'], ['Paul', 'Martin'], ['Cœur', 'Martinez'], [], ['hélène.rousseau@medecin.mssante.fr']];
const index = new StringFieldIndex(values.length, (p) => values[p] ?? []);
const listed = (mode: StringMode, text: string) => [...new Set(index.list(mode, text))].sort();
const tested = (mode: StringMode, text: string) => values.map((_, p) => p).filter(index.test(mode, text));

/** list, test and count agree: the same records, and a count never below what is listed. */
function found(mode: StringMode, text: string): number[] {
  const byList = listed(mode, text);
  assert.deepEqual(tested(mode, text), byList, `${mode} ${text}: test and list agree`);
  assert.ok(index.count(mode, text) >= index.list(mode, text).length, `${mode} ${text}: count bounds the list`);
  return byList;
}

test('normalisation: case, accents and ligatures', () => {
  assert.equal(normaliseText('HÉLÈNE Cœur'), 'helene coeur');
  assert.equal(normaliseText('abc@x.fr'), 'abc@x.fr');
});

test('starts-with is normalised, exact is not', () => {
  assert.deepEqual(found('starts-with', 'mart'), [1, 2]);
  assert.equal(index.count('starts-with', 'mart'), 2);
  assert.deepEqual(found('starts-with', 'HELE'), [0, 4]);
  assert.deepEqual(found('starts-with', ''), [0, 1, 2, 4]);
  assert.deepEqual(found('starts-with', 'zzz'), []);
  assert.equal(index.count('starts-with', 'zzz'), 0);
  assert.deepEqual(found('exact', 'Martin'), [1]);
  assert.deepEqual(found('exact', 'martin'), []);
  assert.deepEqual(found('exact', 'Cœur'), [2]);
});

test('contains: through trigrams from three characters, by scan below', () => {
  assert.deepEqual(found('contains', 'artin'), [1, 2]);
  assert.deepEqual(found('contains', '@'), [4]);
  assert.deepEqual(found('contains', 'ss'), [0, 4]);
  assert.deepEqual(found('contains', 'coe'), [2]);
  assert.deepEqual(found('contains', 'xyz'), []);
  assert.equal(index.count('contains', 'xyz'), 0);
  assert.deepEqual(found('contains', 'martinez martin'), []);
});

test('contains over many values: exactly the values a scan finds (trigram lists of very different lengths)', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const syllables = ['ma', 'ri', 'on', 'le', 'ber', 'tin', 'dou', 'val', 'ez', 'a'];
  const word = () => Array.from({ length: 2 + Math.floor(next() * 4) }, () => syllables[Math.floor(next() * syllables.length)]).join('');
  const many = Array.from({ length: 3000 }, () => [`${word()}.${word()}@${word()}.fr`]);
  const big = new StringFieldIndex(many.length, (p) => many[p] ?? []);
  const needles = [...Array.from({ length: 150 }, () => { const value = many[Math.floor(next() * many.length)]?.[0] ?? ''; const at = Math.floor(next() * (value.length - 3)); return value.slice(at, at + 3 + Math.floor(next() * 8)); }), 'mari', 'zzz', 'aaa', 'tin.'];
  for (const needle of needles) {
    const scanned = many.flatMap((values, p) => (values.some((v) => normaliseText(v).includes(normaliseText(needle))) ? [p] : []));
    assert.deepEqual([...new Set(big.list('contains', needle))].sort((a, b) => a - b), scanned, needle);
  }
});
