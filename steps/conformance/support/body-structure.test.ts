import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alternativeOrder } from './body-structure.ts';

const alternative = (first: string, second: string) => [
  'Content-Type: multipart/alternative;', ' boundary="--alt"', '', '----alt', `Content-Type: ${first}; charset=utf-8`, '', 'a', '----alt', `Content-Type: ${second}`, '', 'b', '----alt--', '',
].join('\r\n');

describe('body structure', () => {
  it('reads the order of a top-level alternative, folded header included', () => {
    assert.deepEqual(alternativeOrder(Buffer.from(`From: a@b\r\n${alternative('text/plain', 'text/html')}`)), ['text/plain', 'text/html']);
    assert.deepEqual(alternativeOrder(Buffer.from(alternative('TEXT/HTML', 'text/plain'))), ['text/html', 'text/plain']);
  });

  it('finds the alternative as the first part of a multipart/mixed', () => {
    const mixed = ['Content-Type: multipart/mixed; boundary=mix', '', '--mix', alternative('text/html', 'text/plain'), '--mix', 'Content-Type: application/pdf', '', 'JVBERi0=', '--mix--', ''].join('\r\n');
    assert.deepEqual(alternativeOrder(Buffer.from(mixed)), ['text/html', 'text/plain']);
  });

  it('says there is no alternative for a plain text message or a mixed one without it', () => {
    assert.equal(alternativeOrder(Buffer.from('Content-Type: text/plain\r\n\r\nBonjour\r\n')), undefined);
    assert.equal(alternativeOrder(Buffer.from(['Content-Type: multipart/mixed; boundary=m', '', '--m', 'Content-Type: text/plain', '', 'x', '--m--'].join('\r\n'))), undefined);
  });
});
