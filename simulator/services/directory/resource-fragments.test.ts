// The kept JSON of each record: the exact UTF-8 bytes of its text, asked for once per record.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FragmentTable } from './resource-fragments.ts';

const texts = ['{"a":1}', '{"name":"Hélène « Ω » 𝄞"}', '', '{"b":"\\"q\\""}'];

test('each fragment gives back the UTF-8 bytes of its text', () => {
  const table = new FragmentTable(texts.length, (i) => texts[i] ?? '');
  assert.equal(table.size, texts.length);
  texts.forEach((text, i) => {
    assert.deepEqual(table.bytes(i), Buffer.from(text, 'utf8'));
    assert.equal(table.latin1(i).length, Buffer.byteLength(text));
  });
  assert.equal(table.byteSize, texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0));
});

test('each text is asked for once, in record order; no record, no fragment', () => {
  const asked: number[] = [];
  const table = new FragmentTable(3, (i) => (asked.push(i), `${i}`));
  assert.deepEqual(asked, [0, 1, 2]);
  assert.throws(() => table.latin1(3), RangeError);
  assert.equal(new FragmentTable(0, () => 'x').byteSize, 0);
});
