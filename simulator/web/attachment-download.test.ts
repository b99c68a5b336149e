import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentDownload } from './attachment-download.ts';

test('a download keeps a well-formed media type, lower-cased and without parameters', () => {
  const answer = attachmentDownload(Buffer.from('%PDF'), 'Application/PDF; name="x.pdf"', 'ordonnance.pdf', 0);
  assert.equal(answer.contentType, 'application/pdf');
  assert.deepEqual(answer.headers, { 'Content-Disposition': 'attachment; filename="ordonnance.pdf"', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "sandbox; default-src 'none'" });
});

test('a media type or a name written to harm becomes application/octet-stream and a plain name', () => {
  for (const contentType of ['tëxt/h\u200ftml', 'text/html\r\nSet-Cookie: a=b', 'text', '', '/html', 'text/ html', undefined]) {
    assert.equal(attachmentDownload(Buffer.from('x'), contentType, 'a.bin', 0).contentType, 'application/octet-stream', String(contentType));
  }
  assert.equal(attachmentDownload(Buffer.from('x'), 'text/plain', '../../\u202eevil\r\n .html', 0).headers?.['Content-Disposition'], 'attachment; filename=".._..__evil___.html"');
  assert.equal(attachmentDownload(Buffer.from('x'), 'text/plain', undefined, 2).headers?.['Content-Disposition'], 'attachment; filename="piece-jointe-3"');
});
