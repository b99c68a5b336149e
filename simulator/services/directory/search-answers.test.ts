// The kept search answers: per index, bounded in bytes, oldest dropped first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTrustSpaceView } from '../../domain/create-trust-space-view.ts';
import { DirectoryIndexCache } from './directory-index-cache.ts';
import { SearchAnswers } from './search-answers.ts';
import { defaultData, FIXED_NOW } from './testing/directory-kit.ts';

const data = await defaultData();
const BASE = 'http://127.0.0.1/fhir/v2';

test('the same query gives the kept bytes; parameters in another order are another answer (their links differ)', () => {
  const index = new DirectoryIndexCache(() => FIXED_NOW).of(createTrustSpaceView(data));
  const answers = new SearchAnswers();
  const first = answers.latin1(index, 'Organization', new URLSearchParams('type=SA33&_count=1'), BASE, false);
  assert.equal(answers.latin1(index, 'Organization', new URLSearchParams('type=SA33&_count=1'), BASE, false), first);
  assert.equal(answers.size, 1, 'kept once');
  assert.deepEqual(answers.json(index, 'Organization', new URLSearchParams('type=SA33&_count=1'), BASE, false), Buffer.from(first, 'latin1'));
  const inOrder = answers.latin1(index, 'Organization', new URLSearchParams('name=pharmacie&type=SA33'), BASE, false);
  const swapped = answers.latin1(index, 'Organization', new URLSearchParams('type=SA33&name=pharmacie'), BASE, false);
  assert.notEqual(swapped, inOrder);
  assert.equal(answers.size, 3);
  assert.notEqual(answers.latin1(index, 'Organization', new URLSearchParams('type=SA33&_count=1'), BASE, true), first, 'the empty fault is its own answer');
});

test('a new index drops every kept answer; past the byte bound the oldest go first', () => {
  const cache = new DirectoryIndexCache(() => FIXED_NOW);
  const index = cache.of(createTrustSpaceView(data));
  const one = new SearchAnswers().json(index, 'Organization', new URLSearchParams('type=SA33'), BASE, false).length;
  const answers = new SearchAnswers(one * 2);
  answers.json(index, 'Organization', new URLSearchParams('type=SA33'), BASE, false);
  answers.json(index, 'Organization', new URLSearchParams('type=SA33&_total=none'), BASE, false);
  answers.json(index, 'Organization', new URLSearchParams('type=SA33&_count=5'), BASE, false);
  assert.ok(answers.size <= 2, `${answers.size} answers kept`);
  answers.json(cache.of(createTrustSpaceView(data)), 'Organization', new URLSearchParams('type=SA33'), BASE, false);
  assert.equal(answers.size, 1);
});
