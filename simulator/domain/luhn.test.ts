import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { luhnCheckDigit, luhnIsValid } from './luhn.ts';

describe('luhnIsValid', () => {
  it('accepts the textbook example and rejects a one-digit change', () => {
    assert.equal(luhnIsValid('79927398713'), true);
    assert.equal(luhnIsValid('79927398710'), false);
  });

  it('accepts a synthetic RPPS number (11 digits)', () => {
    // 1 (not doubled, 11th from the right) + 9 = 10
    assert.equal(luhnIsValid('10000000009'), true);
    assert.equal(luhnIsValid('10000000001'), false);
  });

  it('rejects empty strings and non-digits', () => {
    assert.equal(luhnIsValid(''), false);
    assert.equal(luhnIsValid('7992739871 3'), false);
    assert.equal(luhnIsValid('A9927398713'), false);
  });
});

describe('luhnCheckDigit', () => {
  it('finds the digit that completes the number', () => {
    assert.equal(luhnCheckDigit('7992739871'), '3');
    assert.equal(luhnCheckDigit('1000000000'), '9');
    assert.equal(luhnCheckDigit('100000000'), '8'); // 9-digit body: the 1 is doubled
    assert.equal(luhnCheckDigit('0'), '0');
  });

  it('throws RangeError on a non-digit body', () => {
    assert.throws(() => luhnCheckDigit('12a'), RangeError);
  });
});
