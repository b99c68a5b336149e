import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from './seeded-random.ts';

test('the same seed gives the same sequence, in [0, 1)', () => {
  const a = seededRandom(42);
  const b = seededRandom(42);
  const first = Array.from({ length: 100 }, a);
  assert.deepEqual(first, Array.from({ length: 100 }, b));
  assert.ok(first.every((x) => x >= 0 && x < 1));
  assert.notDeepEqual(first, Array.from({ length: 100 }, seededRandom(43)));
});
