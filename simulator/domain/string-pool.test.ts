// The bounded pool of repeated strings: equal strings come back as one copy, the pool never
// holds more than its capacity, long strings pass through.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { StringPool, flatCopy } from './string-pool.ts';

test('equal strings built separately come back as the first pooled value', () => {
  const pool = new StringPool();
  const first = pool.intern(['paul.martin', 'ch-valbrume.mssante.fr'].join('@'));
  const second = pool.intern(`paul.martin@${'ch-valbrume.mssante.fr'}`);
  assert.equal(first, 'paul.martin@ch-valbrume.mssante.fr');
  assert.equal(second, first);
  assert.equal(pool.size, 1);
});

test('past its capacity the pool starts again instead of growing', () => {
  const pool = new StringPool(3);
  for (let i = 0; i < 10; i += 1) pool.intern(`adresse-${i}@exemple.test`);
  assert.ok(pool.size <= 3, `taille ${pool.size}`);
  assert.equal(pool.intern('adresse-9@exemple.test'), 'adresse-9@exemple.test');
});

test('strings longer than 256 characters are returned as given, not pooled', () => {
  const pool = new StringPool();
  const long = 'x'.repeat(300);
  assert.equal(pool.intern(long), long);
  assert.equal(pool.size, 0);
});

test('a flat copy has the same characters, including quotes, backslashes and non-ASCII', () => {
  for (const value of ['', 'a"b\\c', 'Gérard <g@exemple.test>', '\u2028\u0000']) assert.equal(flatCopy(value), value);
});

test('equal short lists come back as one frozen list of pooled strings, the empty list shared', () => {
  const pool = new StringPool();
  const first = pool.internList(['a@exemple.test', `b@${'exemple.test'}`]);
  const second = pool.internList([`a@${'exemple.test'}`, 'b@exemple.test']);
  assert.equal(second, first);
  assert.deepEqual(first, ['a@exemple.test', 'b@exemple.test']);
  assert.ok(Object.isFrozen(first));
  assert.equal(pool.internList(['a@exemple.test'])[0], first[0], 'items pooled as strings');
  assert.notEqual(pool.internList(['a@exemple.test', 'b@exemple.test', 'c@exemple.test']), first);
  assert.equal(pool.internList([]), pool.internList([]));
});

test('long lists are copied, not pooled, and the list pool is bounded too', () => {
  const pool = new StringPool(3);
  const many = Array.from({ length: 9 }, (_, i) => `r${i}@exemple.test`);
  assert.notEqual(pool.internList(many), pool.internList(many));
  assert.deepEqual(pool.internList(many), many);
  const lists = Array.from({ length: 10 }, (_, i) => pool.internList([`s${i}@exemple.test`]));
  assert.equal(pool.internList(['s9@exemple.test']), lists[9]);
  assert.notEqual(pool.internList(['s0@exemple.test']), lists[0], 'emptied once full');
});
