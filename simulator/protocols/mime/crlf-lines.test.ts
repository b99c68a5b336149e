import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_LINE_OCTETS, toCrlfLines } from './crlf-lines.ts';

test('content already CRLF with short lines is returned as the same buffer', () => {
  const content = Buffer.from('A: 1\r\n\r\nbody\r\n');
  assert.equal(toCrlfLines(content, { mode: 'body' }), content);
});

test('bare LF becomes CRLF and a final CRLF is added', () => {
  assert.equal(toCrlfLines(Buffer.from('A: 1\n\nbody'), { mode: 'body' }).toString(), 'A: 1\r\n\r\nbody\r\n');
  assert.equal(toCrlfLines(Buffer.from('A: 1\r\nB: 2\r\n\n'), { mode: 'header' }).toString(), 'A: 1\r\nB: 2\r\n\r\n');
});

test('over-long lines are folded (header) or broken (body), every byte kept', () => {
  const line = 'x'.repeat(2500);
  const header = toCrlfLines(Buffer.from(`X-Long: ${line}\r\n`), { mode: 'header' }).toString();
  assert.ok(header.split('\r\n').every((l) => l.length <= MAX_LINE_OCTETS));
  assert.equal(header.replace(/\r\n /g, ''), `X-Long: ${line}\r\n`);
  const body = toCrlfLines(Buffer.from(line), { mode: 'body' }).toString();
  assert.deepEqual(body.split('\r\n').map((l) => l.length), [998, 998, 504, 0]);
});
