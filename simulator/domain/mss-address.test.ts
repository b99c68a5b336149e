import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidAddressError } from './invalid-address-error.ts';
import { checkAddress, domainOf, normalizeAddress, normalizeLocalPart, parseAddress } from './mss-address.ts';

describe('parseAddress', () => {
  it('splits local part and lower-cased domain, keeping the local part as written', () => {
    assert.deepEqual(parseAddress('Camille.Bernard@Operateur-A.TEST'), { localPart: 'Camille.Bernard', domain: 'operateur-a.test' });
  });

  it('accepts sub-domains and digits', () => {
    assert.deepEqual(parseAddress('a+b@test.elsan.mssante.fr'), { localPart: 'a+b', domain: 'test.elsan.mssante.fr' });
    assert.deepEqual(parseAddress('x@15-20.mssante.fr'), { localPart: 'x', domain: '15-20.mssante.fr' });
  });

  const rejected: Array<[string, string]> = [
    ['', 'empty'],
    ['camille.operateur-a.test', 'missing-at'],
    ['a@b@operateur-a.test', 'multiple-at'],
    ['@operateur-a.test', 'empty-local-part'],
    ['camille@', 'empty-domain'],
    ['camille bernard@operateur-a.test', 'whitespace'],
    [' camille@operateur-a.test', 'whitespace'],
    ['camille@operateur-a.test\r\n', 'whitespace'],
    ['<camille@operateur-a.test>', 'angle-brackets'],
    ['camille@operateur_a.test', 'domain-syntax'],
    ['camille@operateur-a..test', 'domain-syntax'],
    ['camille@-operateur.test', 'domain-syntax'],
    ['camille@operateur.test.', 'domain-syntax'],
  ];
  for (const [text, problem] of rejected) {
    it(`rejects ${JSON.stringify(text)} as ${problem}`, () => {
      assert.deepEqual(checkAddress(text), { valid: false, problem });
      assert.throws(
        () => parseAddress(text),
        (error: unknown) => error instanceof InvalidAddressError && error.code === 'MSS_SIM_DOMAIN_INVALID_ADDRESS' && error.problem === problem && error.address === text,
      );
    });
  }
});

describe('normalizeAddress (decision: case-insensitive local parts)', () => {
  it('lower-cases professional addresses entirely', () => {
    assert.equal(normalizeAddress('Camille.BERNARD@Operateur-A.test'), 'camille.bernard@operateur-a.test');
  });

  it('upper-cases patient local parts so that 2a/2b read 2A/2B', () => {
    assert.equal(normalizeAddress('290012a01234511@Patient.MSSante.fr'), '290012A01234511@patient.mssante.fr');
  });

  it('keeps the patient auto-reply mailbox in lower case', () => {
    assert.equal(normalizeAddress('Reponse.Automatique-Test@PATIENT.mssante.fr'), 'reponse.automatique-test@patient.mssante.fr');
  });

  it('throws InvalidAddressError on a malformed address', () => {
    assert.throws(() => normalizeAddress('pas une adresse'), InvalidAddressError);
  });

  it('normalizeLocalPart applies the same rule to an already split address', () => {
    assert.equal(normalizeLocalPart('Ab', 'operateur-a.test'), 'ab');
    assert.equal(normalizeLocalPart('185062b01234525', 'patient.mssante.fr'), '185062B01234525');
  });
});

describe('domainOf', () => {
  it('returns the lower-cased part after the last @, or empty', () => {
    assert.equal(domainOf('a@b@Patient.MSSANTE.fr'), 'patient.mssante.fr');
    assert.equal(domainOf('sans-arobase'), '');
    assert.equal(domainOf('a@'), '');
  });
});
