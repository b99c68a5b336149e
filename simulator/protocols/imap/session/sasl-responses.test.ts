import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSaslResponse, parsePlain, parseXoauth2, xoauth2Challenge } from './sasl-responses.ts';

test('base64 responses, `=` for an empty initial response (RFC 4959 §3), garbage refused', () => {
  assert.equal(decodeSaslResponse('=')?.length, 0);
  assert.equal(decodeSaslResponse('aGk=')?.toString(), 'hi');
  assert.equal(decodeSaslResponse('a b'), undefined);
  assert.equal(decodeSaslResponse('abc'), undefined);
});

test('PLAIN (RFC 4616) and XOAUTH2 payloads', () => {
  assert.deepEqual(parsePlain(Buffer.from('\u0000a@x.fr\u0000secret')), { authzid: '', authcid: 'a@x.fr', password: 'secret' });
  assert.equal(parsePlain(Buffer.from('a@x.fr\u0000secret')), undefined);
  assert.deepEqual(parseXoauth2(Buffer.from('user=a@x.fr\u0001auth=Bearer eyJ.abc\u0001\u0001')), { user: 'a@x.fr', token: 'eyJ.abc' });
  assert.equal(parseXoauth2(Buffer.from('user=a@x.fr\u0001\u0001')), undefined);
});

test('Google’s XOAUTH2 error challenge', () => {
  assert.equal(Buffer.from(xoauth2Challenge('401'), 'base64').toString(), '{"status":"401","schemes":"bearer","scope":"openid"}');
});
