// One character per UTF-8 byte, whatever the text: ASCII as it is, accents and astral characters
// as their bytes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { utf8Latin1 } from './latin1-bytes.ts';

test('the one-byte string of a text holds exactly its UTF-8 bytes', () => {
  for (const text of ['', '{"a":1}', 'Hélène « Ω » 𝄞', 'x'.repeat(40_000) + 'é', '\u0000\u007f\u0080\u00ff']) {
    const latin1 = utf8Latin1(text);
    assert.deepEqual(Buffer.from(latin1, 'latin1'), Buffer.from(text, 'utf8'), text.slice(0, 20));
    assert.ok([...latin1].every((c) => c.charCodeAt(0) <= 0xff));
  }
  const ascii = '{"resourceType":"Practitioner"}';
  assert.equal(utf8Latin1(ascii), ascii);
});
