// Wire test with a real client (imapflow): a copy the store evicts (its retention limit) leaves
// the selected INBOX, and the open session is told `* n EXPUNGE` on its next sync (RFC 3501 §7.4.1).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ImapFlow } from 'imapflow';
import { MessageStore } from '../../services/store/message-store.ts';
import { SERVER_NAME, startImapTestServer, type ImapTestServer } from './testing/imap-test-server.ts';
import { PHARMACY, sampleMessage, storeMessage } from './testing/sample-messages.ts';

let server: ImapTestServer;

before(async () => {
  server = await startImapTestServer({ store: new MessageStore({ maxMessages: 3 }) });
});

after(async () => {
  await server.stop();
});

test('an evicted message is expunged from the folder an imapflow session has selected', async () => {
  for (const subject of ['un', 'deux', 'trois']) storeMessage(server.store, PHARMACY, sampleMessage({ subject }));
  const c = new ImapFlow({ host: '127.0.0.1', port: server.port, secure: false, servername: SERVER_NAME, tls: { ca: server.pki.ca.certPem }, auth: { user: PHARMACY, pass: 'test-pharmacie-du-parc' }, logger: false, disableAutoIdle: true });
  await c.connect();
  try {
    const lock = await c.getMailboxLock('INBOX');
    try {
      const expunged: number[] = [];
      c.on('expunge', (event: { seq: number }) => expunged.push(event.seq));
      storeMessage(server.store, PHARMACY, sampleMessage({ subject: 'quatre' }));
      await c.noop();
      assert.deepEqual(expunged, [1]);
      assert.equal(server.store.evictedCount, 1);
      const subjects: string[] = [];
      for await (const message of c.fetch('1:*', { uid: true, envelope: true })) subjects.push(`${message.uid} ${message.envelope?.subject}`);
      assert.deepEqual(subjects, ['2 deux', '3 trois', '4 quatre']);
    } finally {
      lock.release();
    }
  } finally {
    await c.logout();
  }
});
