import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkInsNumber, insKey, isValidInsNumber, withInsKey } from './ins-number.ts';

describe('checkInsNumber (REG-ADR-01 to REG-ADR-03)', () => {
  it('accepts the two published examples with valid keys', () => {
    assert.deepEqual(checkInsNumber('146026322000196'), { valid: true, ins: '146026322000196' });
    assert.deepEqual(checkInsNumber('279035121518989'), { valid: true, ins: '279035121518989' });
  });

  it('accepts Corsica 2A (→ 19) and 2B (→ 18), keys computed by hand', () => {
    // 97 − (2900119012345 mod 97) = 11; 97 − (1850618012345 mod 97) = 25
    assert.deepEqual(checkInsNumber('290012A01234511'), { valid: true, ins: '290012A01234511' });
    assert.deepEqual(checkInsNumber('185062B01234525'), { valid: true, ins: '185062B01234525' });
  });

  it('reports a wrong key', () => {
    assert.deepEqual(checkInsNumber('146026322000197'), { valid: false, problem: 'key' });
    assert.deepEqual(checkInsNumber('290012A01234512'), { valid: false, problem: 'key' });
    assert.deepEqual(checkInsNumber('290012B01234511'), { valid: false, problem: 'key' });
  });

  it('reports a wrong length before anything else', () => {
    assert.deepEqual(checkInsNumber('14602632200019'), { valid: false, problem: 'length' });
    assert.deepEqual(checkInsNumber('1460263220001960'), { valid: false, problem: 'length' });
    assert.deepEqual(checkInsNumber(''), { valid: false, problem: 'length' });
  });

  it('reports bad characters', () => {
    assert.deepEqual(checkInsNumber('14602632200019X'), { valid: false, problem: 'characters' });
    assert.deepEqual(checkInsNumber('1460 6322000196'), { valid: false, problem: 'characters' });
    assert.deepEqual(checkInsNumber('2A0012001234511'), { valid: false, problem: 'characters' }); // 2A outside positions 6–7
    assert.deepEqual(checkInsNumber('290012C01234511'), { valid: false, problem: 'characters' });
  });

  it('is case-sensitive: lower-case 2a is a bad character (addresses are upper-cased first)', () => {
    assert.deepEqual(checkInsNumber('290012a01234511'), { valid: false, problem: 'characters' });
    assert.deepEqual(checkInsNumber('185062b01234525'), { valid: false, problem: 'characters' });
  });

  it('isValidInsNumber mirrors checkInsNumber', () => {
    assert.equal(isValidInsNumber('146026322000196'), true);
    assert.equal(isValidInsNumber('146026322000195'), false);
  });
});

describe('insKey and withInsKey', () => {
  it('pads the key to two digits', () => {
    // 97 − (N mod 97) = 1 … 97; N = 96 ⇒ key 01
    const body = '0000000000096';
    assert.equal(insKey(body), '01');
    assert.equal(withInsKey(body), '000000000009601');
  });

  it('rebuilds the published examples', () => {
    assert.equal(withInsKey('1460263220001'), '146026322000196');
    assert.equal(withInsKey('290012A012345'), '290012A01234511');
  });

  it('throws RangeError on a body that is not 13 characters of the INS shape', () => {
    assert.throws(() => insKey('146026322000'), RangeError);
    assert.throws(() => insKey('290012a012345'), RangeError);
  });
});
