import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFiness, checkPractitionerId, checkSiret, finessNumber, rppsIdNat } from './national-ids.ts';

describe('checkPractitionerId (idNat_PS, REG-ANN-07)', () => {
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

describe('checkFiness and checkSiret (Luhn over all the digits)', () => {
  it('accept 9-digit FINESS and 14-digit SIRET numbers passing Luhn', () => {
    assert.deepEqual(checkFiness('750000010'), { valid: true, kind: 'FINESS' });
    assert.deepEqual(checkSiret('99900006000015'), { valid: true, kind: 'SIRET' });
  });

  it("do not check the key of La Poste's SIRETs (SIREN 356000000, another rule)", () => {
    assert.deepEqual(checkSiret('35600000000048'), { valid: true, kind: 'SIRET' });
    assert.deepEqual(checkSiret('35600000000049'), { valid: true, kind: 'SIRET' });
  });

  const rejected = [
    [checkFiness, ['', 'empty'], ['75000001', 'length'], ['7500000101', 'length'], ['2A0000010', 'characters'], ['750000013', 'check-digit']],
    [checkSiret, ['', 'empty'], ['9990000600001', 'length'], ['999000060000150', 'length'], ['9990000600001A', 'characters'], ['99900006000010', 'check-digit']],
  ] as const;
  for (const [check, ...cases] of rejected) {
    for (const [value, problem] of cases) {
      it(`${check.name} rejects ${JSON.stringify(value)} (${problem})`, () => {
        assert.deepEqual(check(value), { valid: false, problem });
      });
    }
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
