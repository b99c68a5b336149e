// Tests of the order in which the unit-test pool hands out files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { longestFirst } from './file-order.ts';

test('the longest file of the previous run comes first, a file never timed before all others', () => {
  const order = longestFirst([
    { file: 'a.test.ts', milliseconds: 200, bytes: 9000 },
    { file: 'b.test.ts', milliseconds: 5000, bytes: 100 },
    { file: 'new.test.ts', bytes: 10 },
    { file: 'c.test.ts', milliseconds: 900, bytes: 50 },
  ]);
  assert.deepEqual(order, ['new.test.ts', 'b.test.ts', 'c.test.ts', 'a.test.ts']);
});

test('without timings, the larger files first, then by name', () => {
  const order = longestFirst([
    { file: 'b.test.ts', bytes: 10 },
    { file: 'a.test.ts', bytes: 10 },
    { file: 'big.test.ts', bytes: 4000 },
  ]);
  assert.deepEqual(order, ['big.test.ts', 'a.test.ts', 'b.test.ts']);
});
