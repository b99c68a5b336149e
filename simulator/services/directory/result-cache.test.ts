import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResultCache } from './result-cache.ts';

test('results are kept within the position budget, the oldest leaving first', () => {
  const cache = new ResultCache(10);
  cache.set('a', new Int32Array(4));
  cache.set('b', new Int32Array(4));
  assert.equal(cache.size, 2);
  cache.set('c', new Int32Array(4));
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.get('b')?.length, 4);
  assert.equal(cache.get('c')?.length, 4);
  cache.set('huge', new Int32Array(11));
  assert.equal(cache.get('huge'), undefined);
  assert.equal(cache.size, 2);
});
