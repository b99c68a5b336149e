import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressKey, domainKey, sameAddress } from './address-key.ts';

test('an address key is the address lower-cased, local part and domain', () => {
  assert.equal(addressKey('Paul.MARTIN@CH-Valbrume.MSSante.fr'), 'paul.martin@ch-valbrume.mssante.fr');
  assert.equal(addressKey('290012A01234511@Patient.mssante.fr'), '290012a01234511@patient.mssante.fr');
  assert.equal(addressKey(''), '');
});

test('white space is kept: folding never turns an invalid address into a valid one', () => {
  assert.equal(addressKey(' a@B.fr '), ' a@b.fr ');
  assert.equal(domainKey(' X.FR'), ' x.fr');
});

test('domains fold to lower case; sameAddress ignores case only', () => {
  assert.equal(domainKey('Pharmacien.MSSANTE.fr'), 'pharmacien.mssante.fr');
  assert.equal(sameAddress('A@B.fr', 'a@b.FR'), true);
  assert.equal(sameAddress('a@b.fr', 'a@b.fr '), false);
});
