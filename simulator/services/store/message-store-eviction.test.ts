// The retention limit of the store: past `maxMessages` the oldest copies leave every index
// (by id, mailbox, Message-ID), are told to `onEvicted` listeners and counted; clear resets the count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageStore } from './message-store.ts';
import type { NewStoredMessage } from './message-store.ts';

function message(mailbox: string, subject: string): NewStoredMessage {
  return {
    mailbox,
    folder: 'INBOX',
    kind: 'message',
    envelope: { mailFrom: 'jean.martin@medecin.test', rcptTo: [mailbox] },
    raw: Buffer.from(`Subject: ${subject}\r\nMessage-ID: <${subject}@medecin.test>\r\n\r\nbody\r\n`),
    receivedAt: new Date(Date.UTC(2025, 0, 1)),
    ingress: 'submission',
  };
}

test('past maxMessages the oldest copies are evicted from every index, told and counted', () => {
  const store = new MessageStore({ maxMessages: 3 });
  const evicted: string[] = [];
  store.onEvicted((m) => evicted.push(m.id));
  const added = ['un', 'deux', 'trois', 'quatre', 'cinq'].map((subject, i) => store.add(message(i % 2 === 0 ? 'a@x.test' : 'b@x.test', subject)));
  assert.deepEqual(evicted, ['m-000001', 'm-000002']);
  assert.equal(store.evictedCount, 2);
  assert.equal(store.count(), 3);
  assert.deepEqual(store.all().map((m) => m.id), ['m-000003', 'm-000004', 'm-000005']);
  assert.equal(store.get(added[0]!.id), undefined);
  assert.deepEqual(store.list('a@x.test').map((m) => m.index.subject), ['trois', 'cinq']);
  assert.deepEqual(store.list('b@x.test').map((m) => m.index.subject), ['quatre']);
  assert.deepEqual(store.byMessageId('<un@medecin.test>'), []);
  assert.equal(store.byMessageId('trois@medecin.test').length, 1);
  assert.deepEqual(store.counts(), { messages: 3, bounces: 0, receipts: 0 });
  store.clear();
  assert.equal(store.evictedCount, 0);
});

test('a mailbox whose every copy was evicted is gone from the mailbox index', () => {
  const store = new MessageStore({ maxMessages: 1 });
  store.add(message('a@x.test', 'un'));
  store.add(message('b@x.test', 'deux'));
  assert.deepEqual(store.list('a@x.test'), []);
  assert.equal(store.list('b@x.test').length, 1);
});

test('maxMessages below 1 is refused', () => {
  assert.throws(() => new MessageStore({ maxMessages: 0 }), RangeError);
});
