import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUtf8AddrXtext, typedRecipientAddress, utf8AddrXtext } from './dsn-address.ts';

test('an ASCII address is rfc822, written as is', () => {
  assert.equal(typedRecipientAddress('paul.martin+suivi@ch-valbrume.mssante.fr'), 'rfc822;paul.martin+suivi@ch-valbrume.mssante.fr');
});

test('a non-ASCII address is utf-8 in its xtext form: \\x{HEX}, upper case, no leading zero (RFC 6533 §3)', () => {
  assert.equal(typedRecipientAddress('josé@ch-valbrume.mssante.fr'), 'utf-8;jos\\x{E9}@ch-valbrume.mssante.fr');
  // Outside QCHAR in ASCII too once the address is utf-8: SP, +, = and \.
  assert.equal(utf8AddrXtext('a+b=c\\d e€😀'), 'a\\x{2B}b\\x{3D}c\\x{5C}d\\x{20}e\\x{20AC}\\x{1F600}');
});

test('the xtext form reads back to the very address; a malformed escape stays as written', () => {
  for (const address of ['josé@ch-valbrume.mssante.fr', 'Ŝ+=\\ 😀@x.test', 'plain@x.test']) assert.equal(decodeUtf8AddrXtext(utf8AddrXtext(address)), address);
  assert.equal(decodeUtf8AddrXtext('a\\x{D800}b\\x{110000}c\\x{zz}'), 'a\\x{D800}b\\x{110000}c\\x{zz}');
});
