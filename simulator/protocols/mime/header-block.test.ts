import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHeaderBytes, headerBlockLength, readHeaderFields, scanHeaderBlock, scanHeaderFields, spanBytes, splitHeaderFields } from './header-block.ts';

test('the header block ends at the first empty line, CRLF or bare LF', () => {
  assert.equal(headerBlockLength(Buffer.from('A: 1\r\nB: 2\r\n\r\nbody\r\n\r\n')), 14);
  assert.equal(headerBlockLength(Buffer.from('A: 1\nB: 2\n\nbody')), 11);
  assert.equal(headerBlockLength(Buffer.from('A: 1\r\n\nbody')), 7);
});

test('without a blank line the whole message is header; an empty first line is an empty header', () => {
  assert.equal(headerBlockLength(Buffer.from('A: 1\r\nB: 2')), 10);
  assert.equal(headerBlockLength(Buffer.from('A: 1\r\nB: 2\r\n')), 12);
  assert.equal(headerBlockLength(Buffer.from('\r\nbody')), 2);
  assert.equal(headerBlockLength(Buffer.alloc(0)), 0);
});

test('unfolding keeps the white space of continuation lines and removes only one space after the colon', () => {
  const fields = splitHeaderFields('Subject: a\r\n b\r\n\tc\r\nTo:x@y.test\r\nX-Empty:\r\nSubject:\r\n [FIN] \r\n');
  assert.deepEqual(fields, [
    { name: 'Subject', value: 'a b\tc' },
    { name: 'To', value: 'x@y.test' },
    { name: 'X-Empty', value: '' },
    { name: 'Subject', value: '[FIN] ' },
  ]);
});

test('lines that are not fields are skipped, with their continuations', () => {
  const fields = splitHeaderFields(' orphan\r\nFrom nobody Mon Jan 1 00:00:00 2025\r\n cont\r\n: no name\r\nSubject  : obsolete\r\nOk: 1\r\n');
  assert.deepEqual(fields, [
    { name: 'Subject', value: 'obsolete' },
    { name: 'Ok', value: '1' },
  ]);
});

test('header bytes: UTF-8 decoded as UTF-8, a line that is not UTF-8 as latin1', () => {
  assert.equal(decodeHeaderBytes(Buffer.from('Subject: médical\r\n', 'utf8')), 'Subject: médical\r\n');
  const mixed = Buffer.concat([Buffer.from('A: é\r\n', 'utf8'), Buffer.from([0x42, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a])]);
  assert.equal(decodeHeaderBytes(mixed), 'A: é\r\nB: café\r\n');
});

test('readHeaderFields returns the fields and the byte length of the block', () => {
  const raw = Buffer.from('Subject: é\r\n\r\nbody');
  assert.deepEqual(readHeaderFields(raw), { fields: [{ name: 'Subject', value: 'é' }], headerBytes: 15 });
});

test('the scan gives each field its lines and value offsets, and ends where headerBlockLength does', () => {
  const raw = Buffer.from('Subject: a\r\n b\r\nbad line\r\n cont\r\nTo : x@y.test\r\n\r\nbody: no\r\n');
  const { fields, blockEnd } = scanHeaderBlock(raw, 0, raw.length);
  assert.deepEqual(fields.map((f) => [f.name, f.start, f.end, spanBytes(raw, f).toString()]), [
    ['Subject', 0, 16, ' a b'],
    ['To', 33, 48, ' x@y.test'],
  ]);
  assert.equal(blockEnd, headerBlockLength(raw));
  for (const text of ['A: 1\nB: 2\n\nbody', 'A: 1\r\nB: 2', '\r\nbody', '']) {
    const bytes = Buffer.from(text);
    assert.equal(scanHeaderBlock(bytes, 0, bytes.length).blockEnd, headerBlockLength(bytes), JSON.stringify(text));
  }
});

test('a field of an inner header block is scanned between the offsets given', () => {
  const raw = Buffer.from('X: outer\r\n\r\nY: inner\r\n\r\nrest');
  assert.deepEqual(scanHeaderFields(raw, 12, raw.length).map((f) => [f.name, f.start, f.end]), [['Y', 12, 22]]);
});
