// Live updates (RFC 2177 IDLE, RFC 3501 §7.4.1, §5.2): new mail, flag changes and expunges made
// by another session of the same mailbox, pushed during IDLE or after the next command; never an
// EXPUNGE during FETCH; BYE on trust space reset and on stop.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { startImapTestServer, type ImapTestServer } from './testing/imap-test-server.ts';
import { loggedInClient } from './testing/raw-session.ts';
import { PATIENT, PHARMACY, sampleMessage, storeMessage } from './testing/sample-messages.ts';

let server: ImapTestServer;

before(async () => {
  server = await startImapTestServer();
});

beforeEach(() => {
  server.store.clear();
  storeMessage(server.store, PHARMACY, sampleMessage({ messageId: 'a@x' }));
  storeMessage(server.store, PHARMACY, sampleMessage({ messageId: 'b@x' }));
});

after(async () => {
  await server.stop();
});

test('IDLE: new mail, another session’s flags and expunge are pushed at once; DONE ends it', async () => {
  const idler = await loggedInClient(server, PHARMACY, 'INBOX');
  const other = await loggedInClient(server, PHARMACY, 'INBOX');
  idler.write('i1 IDLE\r\n');
  assert.equal(await idler.line(), '+ idling');
  storeMessage(server.store, PHARMACY, sampleMessage({ from: PATIENT, subject: 'Re: ordonnance', messageId: 'c@x' }));
  assert.deepEqual([await idler.line(), await idler.line()], ['* 3 EXISTS', '* 3 RECENT']);
  await other.command('o1', 'STORE 1 +FLAGS.SILENT (\\Seen)');
  assert.equal(await idler.line(), '* 1 FETCH (UID 1 FLAGS (\\Seen \\Recent))');
  await other.command('o2', 'UID STORE 2 +FLAGS.SILENT (\\Deleted)');
  await other.command('o3', 'UID EXPUNGE 2');
  assert.deepEqual([await idler.line(), await idler.line()], ['* 2 FETCH (UID 2 FLAGS (\\Deleted \\Recent))', '* 2 EXPUNGE']);
  idler.write('DONE\r\n');
  assert.equal(await idler.line(), 'i1 OK IDLE termine');
  assert.deepEqual(await idler.command('i2', 'UID SEARCH ALL'), ['* SEARCH 1 3', 'i2 OK UID SEARCH termine']);
  idler.close();
  other.close();
});

test('without IDLE: updates come after the next command; no EXPUNGE while answering FETCH', async () => {
  const reader = await loggedInClient(server, PHARMACY, 'INBOX');
  const other = await loggedInClient(server, PHARMACY, 'INBOX');
  await other.command('o1', 'STORE 1 +FLAGS.SILENT (\\Deleted)');
  await other.command('o2', 'EXPUNGE');
  storeMessage(server.store, PHARMACY, sampleMessage({ messageId: 'c@x' }));
  assert.deepEqual(await reader.command('r1', 'FETCH 1 (UID)'), [
    '* 1 FETCH (UID 1)',
    '* 3 EXISTS',
    '* 3 RECENT',
    '* 1 FETCH (UID 1 FLAGS (\\Deleted \\Recent))',
    'r1 OK FETCH termine',
  ]);
  assert.deepEqual(await reader.command('r2', 'NOOP'), ['* 1 EXPUNGE', 'r2 OK NOOP termine']);
  assert.deepEqual(await reader.command('r3', 'FETCH 1:* (UID)'), ['* 1 FETCH (UID 2)', '* 2 FETCH (UID 3)', 'r3 OK FETCH termine']);
  reader.close();
  other.close();
});

test('a bad IDLE ending, then IDLE without a selected folder', async () => {
  const client = await loggedInClient(server, PHARMACY);
  client.write('i1 IDLE\r\n');
  assert.equal(await client.line(), '+ idling');
  client.write('NOOP\r\n');
  assert.equal(await client.line(), 'i1 BAD DONE attendu pour terminer IDLE');
  client.close();
});

test('a trust space reset ends the sessions with a folder selected; UIDVALIDITY changes', async () => {
  const selected = await loggedInClient(server, PHARMACY, 'INBOX');
  const idle = await loggedInClient(server, PHARMACY);
  const before = (await idle.command('s1', 'STATUS INBOX (UIDVALIDITY)'))[0];
  server.store.clear();
  assert.equal(await selected.line(), '* BYE Boites aux lettres reinitialisees par le simulateur, reconnectez-vous');
  await selected.closed();
  const afterReset = (await idle.command('s2', 'STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY)'))[0] ?? '';
  const validity = (line: string | undefined) => Number(/UIDVALIDITY (\d+)/.exec(line ?? '')?.[1]);
  assert.ok(validity(afterReset) > validity(before), `${before} → ${afterReset}`);
  assert.match(afterReset, /^\* STATUS "INBOX" \(MESSAGES 0 UIDNEXT 1 UIDVALIDITY \d+\)$/);
  idle.close();
});

test('stop: BYE to every client, even one idling', async () => {
  const own = await startImapTestServer();
  const client = await loggedInClient(own, PHARMACY, 'INBOX');
  client.write('i1 IDLE\r\n');
  assert.equal(await client.line(), '+ idling');
  const stopping = own.stop();
  assert.equal(await client.line(), '* BYE Arret du serveur IMAP du simulateur');
  await client.closed();
  await stopping;
});
