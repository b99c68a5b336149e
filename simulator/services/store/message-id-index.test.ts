// The index by Message-ID answers as a map of lists would, whether a Message-ID has one copy or several.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageIdIndex } from './message-id-index.ts';
import type { StoredMessage } from './stored-message.ts';

const copy = (id: string) => ({ id }) as StoredMessage;

test('one copy, then several in arrival order, each removed in turn', () => {
  const index = new MessageIdIndex();
  const [a, b, c] = [copy('m-1'), copy('m-2'), copy('m-3')];
  assert.deepEqual(index.get('x@test'), []);
  index.add('x@test', a);
  assert.deepEqual(index.get('x@test'), [a]);
  index.add('x@test', b);
  index.add('x@test', c);
  assert.deepEqual(index.get('x@test'), [a, b, c]);
  index.remove('x@test', b);
  assert.deepEqual(index.get('x@test'), [a, c]);
  index.remove('x@test', a);
  assert.deepEqual(index.get('x@test'), [c]);
  index.add('x@test', a);
  assert.deepEqual(index.get('x@test'), [c, a]);
  index.remove('x@test', c);
  index.remove('x@test', a);
  assert.deepEqual(index.get('x@test'), []);
});

test('removing a copy that is not there changes nothing; the list given is a copy; clear empties', () => {
  const index = new MessageIdIndex();
  const [a, b] = [copy('m-1'), copy('m-2')];
  index.add('x@test', a);
  index.remove('x@test', b);
  index.remove('y@test', a);
  assert.deepEqual(index.get('x@test'), [a]);
  index.get('x@test').push(b);
  assert.deepEqual(index.get('x@test'), [a]);
  index.clear();
  assert.deepEqual(index.get('x@test'), []);
});
