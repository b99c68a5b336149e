import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexMessage } from '../../protocols/mime/message-index.ts';
import { MessageStore, RECENT_INDEXES } from './message-store.ts';
import type { NewStoredMessage } from './message-store.ts';
import { MessageWaitTimeoutError } from './message-wait-timeout-error.ts';
import type { StoredMessage } from './stored-message.ts';

function message(mailbox: string, subject: string, extra: Partial<NewStoredMessage> = {}): NewStoredMessage {
  return {
    mailbox,
    folder: 'INBOX',
    kind: 'message',
    envelope: { mailFrom: 'jean.martin@medecin.test', rcptTo: [mailbox] },
    raw: Buffer.from(`Subject: ${subject}\r\nMessage-ID: <${subject}@medecin.test>\r\n\r\nbody\r\n`),
    receivedAt: new Date(Date.UTC(2025, 0, 1)),
    ingress: 'submission',
    ...extra,
  };
}

test('ids increase, the index is computed, mailboxes are lower-cased, and stored is emitted', () => {
  const store = new MessageStore();
  const emitted: string[] = [];
  store.onStored((m: StoredMessage) => emitted.push(m.id));
  const first = store.add(message('Camille@Pharmacie.test', 'un'));
  const second = store.add(message('camille@pharmacie.test', 'deux'));
  assert.deepEqual([first.id, second.id], ['m-000001', 'm-000002']);
  assert.deepEqual(emitted, ['m-000001', 'm-000002']);
  assert.equal(first.mailbox, 'camille@pharmacie.test');
  assert.equal(first.index.subject, 'un');
  assert.equal(store.get('m-000002'), second);
  assert.equal(store.get('m-999999'), undefined);
});

test('a given index is kept as is', () => {
  const store = new MessageStore();
  const index = { references: [], from: [], to: [], cc: [], replyTo: [], xMss: {}, headerBytes: 0, subject: 'fourni' };
  assert.equal(store.add({ ...message('a@x.test', 'calculé'), index }).index, index);
});

test('deliver puts the copy in the INBOX behind Return-Path (RFC 5321 §4.4), <> for the null sender, the rest byte for byte', () => {
  const store = new MessageStore();
  const sent = message('a@x.test', 'remis');
  const copy = store.deliver({ ...sent, mailbox: 'a@x.test' });
  const line = 'Return-Path: <jean.martin@medecin.test>\r\n';
  assert.deepEqual(copy.raw, Buffer.concat([Buffer.from(line), sent.raw]));
  assert.equal(copy.folder, 'INBOX');
  assert.equal(copy.index.subject, 'remis');
  assert.equal(copy.index.headerBytes, sent.raw.indexOf('\r\n\r\n') + 4 + line.length);
  const bounce = store.deliver({ ...sent, kind: 'bounce', envelope: { mailFrom: '', rcptTo: ['a@x.test'] } });
  assert.equal(bounce.raw.toString('latin1'), `Return-Path: <>\r\n${sent.raw.toString('latin1')}`);
});

/** Every field of a stored copy, as its readers see them. */
function fieldsOf(m: StoredMessage) {
  const { mailbox, kind, envelope, raw, index, receivedAt, ingress, connectionId, folder, id, reportsOn } = m;
  return { mailbox, kind, envelope, raw, index, receivedAt, ingress, connectionId, folder, id, reportsOn };
}

test('a copy received over SMTP reads the values of any other delivered copy', () => {
  const store = new MessageStore();
  // As routing hands it over (mail-router.ts): the index computed, the connection id given.
  const { folder: _folder, ...sent } = message('A@x.test', 'connexion');
  const { mailbox, kind, envelope, raw, receivedAt, ingress } = sent;
  const input = { mailbox, kind, envelope, raw, index: indexMessage(raw), receivedAt, ingress, connectionId: 'peer-1' };
  const copy = store.deliver(input);
  const other = new MessageStore().deliver({ ...input, reportsOn: 'm-000009' });
  assert.equal(other.reportsOn, 'm-000009');
  assert.deepEqual(fieldsOf(copy), { ...fieldsOf(other), reportsOn: undefined });
  assert.equal('reportsOn' in copy, false);
  assert.equal(copy.mailbox, 'a@x.test');
  assert.equal(store.get('m-000001'), copy);
  assert.equal(store.byMessageId('connexion@medecin.test')[0], copy);
});

test('a copy received over SMTP no longer recent reads its index again from its bytes: the same values', () => {
  const store = new MessageStore();
  const sent = { ...message('a@x.test', 'ancien'), raw: Buffer.from('Subject: =?UTF-8?Q?d=C3=A9j=C3=A0?=\r\nFrom: Jean <Jean.Martin@Medecin.test>\r\nMessage-ID: <ancien@medecin.test>\r\nX-MSS-MES: FIN\r\nDate: Wed, 1 Jan 2025 10:00:00 +0100\r\n\r\ncorps\r\n') };
  const deliver = (input: NewStoredMessage) => store.deliver({ ...input, index: indexMessage(input.raw), connectionId: 'peer-1' });
  const old = deliver(sent);
  const given = old.index;
  for (let i = 0; i < RECENT_INDEXES; i += 1) deliver(message('b@x.test', `suivant-${i}`));
  assert.notEqual(old.index, given, 'read again');
  assert.deepEqual(old.index, given);
  assert.equal(old.index.subject, 'déjà');
  assert.deepEqual(store.byMessageId('ancien@medecin.test'), [old]);
  assert.deepEqual(old.receivedAt, sent.receivedAt);
});

test('the copies of one message to several mailboxes share their delivered bytes; add keeps bytes as given', () => {
  const store = new MessageStore();
  const sent = message('a@x.test', 'partagé');
  const [first, second] = [store.deliver({ ...sent, mailbox: 'a@x.test' }), store.deliver({ ...sent, mailbox: 'b@x.test' })];
  assert.equal(first.raw, second.raw);
  assert.equal(store.add({ ...sent, folder: 'Sent' }).raw, sent.raw, 'a Sent copy or an APPEND is not a delivery');
});

test('list by mailbox (case-insensitive) in arrival order, filtered by folder and kind', () => {
  const store = new MessageStore();
  store.add(message('a@x.test', 'un'));
  store.add(message('b@x.test', 'autre'));
  store.add(message('a@x.test', 'envoye', { folder: 'Sent' }));
  store.add(message('a@x.test', 'rebond', { kind: 'bounce' }));
  const subjects = (list: StoredMessage[]) => list.map((m) => m.index.subject);
  assert.deepEqual(subjects(store.list('A@X.TEST')), ['un', 'envoye', 'rebond']);
  assert.deepEqual(subjects(store.list('a@x.test', { folder: 'INBOX' })), ['un', 'rebond']);
  assert.deepEqual(subjects(store.list('a@x.test', { kind: 'bounce' })), ['rebond']);
  assert.deepEqual(subjects(store.list('a@x.test', { folder: 'Sent', kind: 'bounce' })), []);
  assert.deepEqual(store.list('nobody@x.test'), []);
  assert.deepEqual(subjects(store.all()), ['un', 'autre', 'envoye', 'rebond']);
});

test('byMessageId returns every copy, with or without angle brackets', () => {
  const store = new MessageStore();
  store.add(message('a@x.test', 'copie'));
  store.add(message('b@x.test', 'copie'));
  store.add(message('b@x.test', 'autre'));
  assert.deepEqual(store.byMessageId('<copie@medecin.test>').map((m) => m.mailbox), ['a@x.test', 'b@x.test']);
  assert.equal(store.byMessageId('copie@medecin.test').length, 2);
  assert.deepEqual(store.byMessageId('absent@x.test'), []);
});

test('count, counts by kind, and clear (ids keep increasing)', () => {
  const store = new MessageStore();
  store.add(message('a@x.test', 'un'));
  store.add(message('a@x.test', 'deux', { kind: 'bounce' }));
  store.add(message('a@x.test', 'trois', { kind: 'receipt' }));
  store.add(message('a@x.test', 'quatre', { kind: 'bounce' }));
  assert.equal(store.count(), 4);
  assert.deepEqual(store.counts(), { messages: 1, bounces: 2, receipts: 1 });
  store.clear();
  assert.equal(store.count(), 0);
  assert.deepEqual(store.counts(), { messages: 0, bounces: 0, receipts: 0 });
  assert.deepEqual([store.list('a@x.test'), store.byMessageId('un@medecin.test'), store.get('m-000001')], [[], [], undefined]);
  assert.equal(store.add(message('a@x.test', 'cinq')).id, 'm-000005');
});

test('waitFor resolves with an already stored message, without a listener left', async () => {
  const store = new MessageStore();
  const stored = store.add(message('a@x.test', 'deja'));
  assert.equal(await store.waitFor((m) => m.index.subject === 'deja', 1000), stored);
  assert.equal(store.storedListenerCount, 0);
});

test('waitFor resolves with a future matching message, ignoring others', async () => {
  const store = new MessageStore();
  const waiting = store.waitFor((m) => m.kind === 'bounce', 5000, 'un avis de non-remise');
  assert.equal(store.storedListenerCount, 1);
  store.add(message('a@x.test', 'ordinaire'));
  const bounce = store.add(message('a@x.test', 'rebond', { kind: 'bounce' }));
  assert.equal(await waiting, bounce);
  assert.equal(store.storedListenerCount, 0);
});

test('waitFor times out with a French message saying what was awaited and what the store holds', async () => {
  const store = new MessageStore();
  store.add(message('a@x.test', 'ordinaire'));
  const error = await store.waitFor((m) => m.kind === 'bounce', 20, 'un avis de non-remise pour Louise').then(
    () => assert.fail('should time out'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof MessageWaitTimeoutError);
  assert.equal(error.code, 'MSS_SIM_STORE_WAIT_TIMEOUT');
  assert.equal(
    error.message,
    'Délai de 20 ms dépassé en attendant un avis de non-remise pour Louise : aucun des 1 message(s) conservé(s) ne correspond. ' +
      'Derniers messages : m-000001 (message, INBOX) a@x.test « ordinaire ». ' +
      "Vérifiez que le client a bien envoyé le message attendu, ou augmentez le délai d'attente.",
  );
  assert.equal(store.storedListenerCount, 0);
});

test('a predicate that throws rejects the wait and cleans up', async () => {
  const store = new MessageStore();
  const boom = new Error('boom');
  const waiting = store.waitFor(() => {
    throw boom;
  }, 5000);
  store.add(message('a@x.test', 'declencheur'));
  await assert.rejects(waiting, boom);
  assert.equal(store.storedListenerCount, 0);
});

test('a message stored with a bytes function: indexed by its given index, bytes made once on first read, kept by copies', () => {
  const store = new MessageStore();
  const { raw, ...rest } = message('Camille@Pharmacie.test', 'avis');
  let built = 0;
  const stored = store.add({ ...rest, index: indexMessage(raw), bytes: () => ((built += 1), Buffer.from(raw)) });
  assert.equal(built, 0, 'storing does not make the bytes');
  assert.equal(stored.mailbox, 'camille@pharmacie.test');
  assert.deepEqual(store.byMessageId('avis@medecin.test').map((m) => m.id), [stored.id]);
  assert.ok(stored.raw.equals(raw));
  assert.equal(stored.raw, stored.raw);
  assert.equal(built, 1);
  const copy = store.add({ ...stored, folder: 'Trash' });
  assert.ok(copy.raw.equals(raw));
  assert.equal(built, 1, 'a spread copy reads the bytes already made');
  assert.deepEqual(JSON.parse(JSON.stringify(stored)).raw, JSON.parse(JSON.stringify(raw)));
});

// The retention limit: past `maxMessages` the oldest copies leave every index (by id, mailbox,
// Message-ID), are told to `onEvicted` listeners and counted; clear resets the count.
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
