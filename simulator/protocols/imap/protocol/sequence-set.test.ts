import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concreteRanges, formatNumbers, isSequenceSet, parseSequenceSet } from './sequence-set.ts';

test('numbers, ranges in either order, and * resolved against the largest number in use', () => {
  const set = parseSequenceSet('2,4:7,9:*,*:3');
  assert.deepEqual(set, [{ from: 2, to: 2 }, { from: 4, to: 7 }, { from: 9, to: '*' }, { from: '*', to: 3 }]);
  assert.deepEqual(concreteRanges(set, 5), [[2, 2], [4, 7], [5, 9], [3, 5]]);
});

test('invalid sets are syntax errors', () => {
  for (const text of ['', '0', '1:2:3', 'a', '1,', '4294967296', '-1']) assert.throws(() => parseSequenceSet(text), /Ensemble de messages/, text);
  assert.equal(isSequenceSet('1:*,5'), true);
  assert.equal(isSequenceSet('ALL'), false);
});

test('formatNumbers writes compact runs (COPYUID, RFC 4315)', () => {
  assert.equal(formatNumbers([1, 2, 3, 5, 7, 8]), '1:3,5,7:8');
  assert.equal(formatNumbers([4]), '4');
  assert.equal(formatNumbers([]), '');
});
