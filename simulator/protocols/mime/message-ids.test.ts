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

test('the single-id shortcut gives what the general reading gives', () => {
  const cases: [string, string[]][] = [
    ['', []],
    ['<a@b.test>', ['a@b.test']],
    [' \t<a@b.test>  ', ['a@b.test']],
    ['<a @b.test>', ['a@b.test']],
    ['<a@b.test> (commentaire)', ['a@b.test']],
    ['<a@b.test><c@d.test>', ['a@b.test', 'c@d.test']],
    ['<>', ['<>']],
    ['a@b.test', ['a@b.test']],
  ];
  for (const [value, ids] of cases) assert.deepEqual(extractMessageIds(value), ids, value);
});
