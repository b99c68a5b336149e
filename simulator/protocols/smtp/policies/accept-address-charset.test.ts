import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REPLIES } from '../replies.ts';
import { acceptAddressCharset, hasNonAsciiLocalPart } from './accept-address-charset.ts';
import { ACCEPTED, refused } from './verdict.ts';

test('only the local part is judged: a Unicode domain (smtp-server decodes punycode) is not a non-ASCII address', () => {
  assert.equal(hasNonAsciiLocalPart('josé@ch-valbrume.mssante.fr'), true);
  assert.equal(hasNonAsciiLocalPart('jose@café.example'), false);
  assert.equal(hasNonAsciiLocalPart('jo@sé@x.test'), true);
  assert.equal(hasNonAsciiLocalPart(''), false);
});

test('a non-ASCII local part needs SMTPUTF8; an ASCII one never does (REG-SMTP-06)', () => {
  assert.deepEqual(acceptAddressCharset('josé@x.test', false), refused(REPLIES.nonAsciiAddressWithoutSmtpUtf8('josé@x.test')));
  assert.equal(acceptAddressCharset('josé@x.test', true), ACCEPTED);
  assert.equal(acceptAddressCharset('jose@x.test', false), ACCEPTED);
  assert.equal(acceptAddressCharset('', false), ACCEPTED);
});
