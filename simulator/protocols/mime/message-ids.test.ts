import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareMessageId, bracketedMessageId, extractMessageIds } from './message-ids.ts';

test('ids are extracted without angle brackets, in order, comments ignored', () => {
  assert.deepEqual(extractMessageIds('<a@x.test>\r\n <b@x.test> (comment <c@x.test>)'), ['a@x.test', 'b@x.test']);
  assert.deepEqual(extractMessageIds('bare@x.test'), ['bare@x.test']);
  assert.deepEqual(extractMessageIds('   '), []);
});

test('bare and bracketed forms', () => {
  assert.equal(bareMessageId(' <a@x.test> '), 'a@x.test');
  assert.equal(bareMessageId('a@x.test'), 'a@x.test');
  assert.equal(bracketedMessageId('a@x.test'), '<a@x.test>');
  assert.equal(bracketedMessageId('<a@x.test>'), '<a@x.test>');
});
