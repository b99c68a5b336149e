import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeQuotedPrintable } from './quoted-printable.ts';

test('UTF-8 and "=" are encoded, CRLF line endings, trailing white space encoded', () => {
  assert.equal(encodeQuotedPrintable('été = ok\nfin \n'), '=C3=A9t=C3=A9 =3D ok\r\nfin=20\r\n');
});

test('lines are at most 76 characters with soft breaks, never splitting an =XX', () => {
  const encoded = encodeQuotedPrintable(`${'a'.repeat(74)}é${'b'.repeat(100)}`);
  const lines = encoded.split('\r\n');
  assert.ok(lines.every((line) => line.length <= 76), encoded);
  assert.equal(lines[0], `${'a'.repeat(74)}=`);
  assert.equal(lines.join('\r\n').replace(/=\r\n/g, ''), `${'a'.repeat(74)}=C3=A9${'b'.repeat(100)}`);
});
