// The kept JSON of each record: the exact UTF-8 bytes of its text, across buffer boundaries and
// for a text larger than a buffer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FragmentTable } from './resource-fragments.ts';

const texts = ['{"a":1}', '{"name":"Hélène « Ω » 𝄞"}', '', 'x'.repeat(50), '{"b":"\\"q\\""}', '{"c":2}'];

test('each fragment gives back its text, copied or viewed, whatever the buffer size', () => {
  for (const slab of [8, 16, 1024]) {
    const table = new FragmentTable(texts.length, (i) => texts[i] ?? '', slab);
    assert.equal(table.size, texts.length);
    texts.forEach((text, i) => {
      assert.equal(table.byteLength(i), Buffer.byteLength(text), `slab ${slab}, record ${i}`);
      assert.equal(table.bytes(i).toString('utf8'), text);
      const target = Buffer.alloc(table.byteLength(i) + 4, 0x2e);
      assert.equal(table.copy(i, target, 2), 2 + table.byteLength(i));
      assert.equal(target.toString('utf8'), `..${text}..`);
    });
    assert.equal(table.byteSize, texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0));
  }
});

test('each text is asked for once, in record order; no record, no fragment', () => {
  const asked: number[] = [];
  const table = new FragmentTable(3, (i) => (asked.push(i), `${i}`), 2);
  assert.deepEqual(asked, [0, 1, 2]);
  assert.throws(() => table.bytes(3), RangeError);
  assert.equal(new FragmentTable(0, () => 'x').byteSize, 0);
});
