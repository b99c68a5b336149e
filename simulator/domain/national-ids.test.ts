import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFiness, checkPractitionerId, finessNumber, rppsIdNat } from './national-ids.ts';

describe('checkPractitionerId (idNat_PS, DOMAIN.md §3.4)', () => {
  it('accepts 8 + an 11-digit RPPS with a valid Luhn digit', () => {
    assert.deepEqual(checkPractitionerId('810000000009'), { valid: true, kind: 'RPPS', number: '10000000009' });
  });

  it('rejects an RPPS with a wrong check digit', () => {
    assert.deepEqual(checkPractitionerId('810000000001'), { valid: false, problem: 'check-digit' });
  });

  it('accepts 0 + a 9-digit ADELI, format only', () => {
    assert.deepEqual(checkPractitionerId('0123456789'), { valid: true, kind: 'ADELI', number: '123456789' });
    assert.deepEqual(checkPractitionerId('0123456780'), { valid: true, kind: 'ADELI', number: '123456780' });
  });

  const rejected: Array<[string, string]> = [
    ['', 'empty'],
    ['110000000009', 'prefix'],
    ['10000000009', 'prefix'],
    ['8100000000090', 'length'],
    ['81000000000', 'length'],
    ['012345678', 'length'],
    ['81000000000A', 'characters'],
    ['0 23456789', 'characters'],
  ];
  for (const [idNat, problem] of rejected) {
    it(`rejects ${JSON.stringify(idNat)} (${problem})`, () => {
      assert.deepEqual(checkPractitionerId(idNat), { valid: false, problem });
    });
  }
});

describe('checkFiness', () => {
  it('accepts 9 digits passing Luhn', () => {
    assert.deepEqual(checkFiness('750000010'), { valid: true, kind: 'FINESS' });
  });

  for (const [finess, problem] of [['', 'empty'], ['75000001', 'length'], ['7500000101', 'length'], ['2A0000010', 'characters'], ['750000013', 'check-digit']] as const) {
    it(`rejects ${JSON.stringify(finess)} (${problem})`, () => {
      assert.deepEqual(checkFiness(finess), { valid: false, problem });
    });
  }
});

describe('synthetic identifier builders', () => {
  it('rppsIdNat appends the Luhn digit and the 8 prefix', () => {
    assert.equal(rppsIdNat('1000000000'), '810000000009');
    assert.throws(() => rppsIdNat('123'), RangeError);
  });

  it('finessNumber appends the Luhn digit', () => {
    assert.equal(finessNumber('75000001'), '750000010');
    assert.throws(() => finessNumber('7500000A'), RangeError);
  });
});
