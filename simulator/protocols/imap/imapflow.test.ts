// Wire tests with a real, independent client (imapflow): login with each method, special-use
// folders, a bounce's message/delivery-status part, IDLE until new mail, APPEND to Sent, MOVE
// to Trash, and flags seen by a second concurrent session of the same organisational mailbox.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { SERVER_NAME, startImapTestServer, type ImapTestServer } from './testing/imap-test-server.ts';
import { CAMILLE, PATIENT, PHARMACY, sampleBounce, sampleMessage, storeMessage } from './testing/sample-messages.ts';

let server: ImapTestServer;

before(async () => {
  server = await startImapTestServer();
});

after(async () => {
  await server.stop();
});

function client(auth: ImapFlowOptions['auth']): ImapFlow {
  return new ImapFlow({ host: '127.0.0.1', port: server.port, secure: false, servername: SERVER_NAME, tls: { ca: server.pki.ca.certPem }, auth, logger: false, disableAutoIdle: true });
}

async function withClient<T>(auth: ImapFlowOptions['auth'], run: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = client(auth);
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.logout();
  }
}

const PHARMACY_AUTH = { user: PHARMACY, pass: 'test-pharmacie-du-parc' };

test('AUTHENTICATE PLAIN: the special-use folders are listed, and a bounce shows its delivery-status part', async () => {
  server.store.clear();
  storeMessage(server.store, PHARMACY, sampleBounce(), { kind: 'bounce' });
  await withClient(PHARMACY_AUTH, async (c) => {
    assert.deepEqual(server.authenticator.requests.at(-1)?.method, 'PLAIN');
    const folders = (await c.list()).map((f) => [f.path, f.specialUse ?? null, f.subscribed]).sort();
    assert.deepEqual(folders, [['Drafts', '\\Drafts', true], ['INBOX', '\\Inbox', true], ['Junk', '\\Junk', true], ['Sent', '\\Sent', true], ['Trash', '\\Trash', true]]);
    const lock = await c.getMailboxLock('INBOX');
    try {
      const message = await c.fetchOne('1', { uid: true, envelope: true, bodyStructure: true });
      assert.ok(message);
      assert.equal(message.envelope?.subject, 'Message non distribué');
      const parts = message.bodyStructure?.childNodes?.map((n) => [n.part, n.type]);
      assert.deepEqual(parts, [['1', 'text/plain'], ['2', 'message/delivery-status'], ['3', 'text/rfc822-headers']]);
      const { content } = await c.download('1', '2');
      assert.ok(content);
      const text = (await streamText(content)).replace(/\r\n/g, '\n');
      assert.match(text, /^Final-Recipient: rfc822;279035121518989@patient\.mssante\.fr$/m);
      assert.match(text, /^Status: 5\.1\.1$/m);
    } finally {
      lock.release();
    }
  });
});

test('LOGIN with the fixture password', async () => {
  await withClient({ ...PHARMACY_AUTH, loginMethod: 'LOGIN' }, async (c) => {
    assert.equal(server.authenticator.requests.at(-1)?.method, 'LOGIN');
    const status = await c.status('INBOX', { messages: true });
    assert.equal(status && status.path, 'INBOX');
  });
});

test('XOAUTH2 with a bearer token, sent as SASL initial response (SC.MSS/CONF.07, CONF.09)', async () => {
  const token = server.authenticator.issueToken(CAMILLE);
  await withClient({ user: CAMILLE, accessToken: token }, async (c) => {
    const request = server.authenticator.requests.at(-1);
    assert.deepEqual([request?.method, request?.token, request?.secure, request?.protocol], ['XOAUTH2', token, true, 'imap']);
    assert.ok(c.authenticated);
  });
  const transcript = server.journal.format(server.journal.connections().at(-1)?.id ?? '');
  assert.match(transcript, /C: \S+ AUTHENTICATE XOAUTH2 \*\*\*/);
  assert.doesNotMatch(transcript, new RegExp(token.replace(/\./g, '\\.')));
});

test('XOAUTH2 with a wrong or an expired token: the client gets Google’s error challenge, then NO', async () => {
  const wrong = client({ user: CAMILLE, accessToken: 'jeton-inconnu' });
  await assert.rejects(wrong.connect(), (error: { authenticationFailed?: boolean; oauthError?: { status: string } }) => {
    assert.equal(error.authenticationFailed, true);
    assert.deepEqual(error.oauthError, { status: '401', schemes: 'bearer', scope: 'openid' });
    return true;
  });
  const expired = client({ user: CAMILLE, accessToken: server.authenticator.issueToken(CAMILLE, { expired: true }) });
  await assert.rejects(expired.connect(), (error: { serverResponseCode?: string }) => error.serverResponseCode === 'EXPIRED');
  const other = client({ user: PHARMACY, accessToken: server.authenticator.issueToken(CAMILLE) });
  await assert.rejects(other.connect(), (error: { serverResponseCode?: string; oauthError?: { status: string } }) => error.serverResponseCode === 'AUTHORIZATIONFAILED' && error.oauthError?.status === '400');
});

test('IDLE: a patient’s reply stored while the client idles is announced at once', async () => {
  server.store.clear();
  await withClient(PHARMACY_AUTH, async (c) => {
    await c.mailboxOpen('INBOX');
    const announced = new Promise<number>((resolve) => c.once('exists', (event: { count: number }) => resolve(event.count)));
    const idling = c.idle();
    setTimeout(() => storeMessage(server.store, PHARMACY, sampleMessage({ from: PATIENT, subject: 'Re: ordonnance', messageId: 'reply-1@patient.mssante.fr' })), 50);
    assert.equal(await withTimeout(announced, 3000), 1);
    await c.noop(); // ends IDLE (DONE)
    await idling;
    const message = await c.fetchOne('*', { envelope: true });
    assert.equal(message && message.envelope?.subject, 'Re: ordonnance');
  });
});

test('APPEND to Sent (APPENDUID), then MOVE to Trash (COPYUID); the store keeps the message', async () => {
  server.store.clear();
  await withClient(PHARMACY_AUTH, async (c) => {
    const raw = sampleMessage({ from: PHARMACY, to: PATIENT, subject: 'Rappel de vaccination', messageId: 'sent-1@pharmacien.mssante.fr' });
    const appended = await c.append('Sent', raw, ['\\Seen'], new Date(Date.UTC(2025, 2, 21, 8, 30, 0)));
    assert.ok(appended);
    assert.equal(appended.uid, 1);
    const stored = server.store.list(PHARMACY, { folder: 'Sent' });
    assert.deepEqual(stored.map((m) => [m.ingress, m.kind, m.receivedAt.toISOString(), m.raw.equals(raw)]), [['simulator', 'message', '2025-03-21T08:30:00.000Z', true]]);
    await c.mailboxOpen('Sent');
    const moved = await c.messageMove('1', 'Trash');
    assert.ok(moved);
    assert.deepEqual([...(moved.uidMap ?? new Map())], [[1, 1]]);
    const sent = await c.status('Sent', { messages: true });
    assert.equal(sent && sent.messages, 0);
    const trash = await c.status('Trash', { messages: true, unseen: true });
    assert.deepEqual(trash && [trash.messages, trash.unseen], [1, 0]);
    assert.equal(server.store.list(PHARMACY).length, 1);
  });
});

test('two sessions of the same organisational mailbox see each other’s flag changes', async () => {
  server.store.clear();
  storeMessage(server.store, PHARMACY, sampleMessage());
  const first = client(PHARMACY_AUTH);
  const second = client(PHARMACY_AUTH);
  await Promise.all([first.connect(), second.connect()]);
  try {
    await Promise.all([first.mailboxOpen('INBOX'), second.mailboxOpen('INBOX')]);
    const seen = new Promise<string[]>((resolve) => second.on('flags', (event: { flags: Set<string> }) => resolve([...event.flags])));
    await first.messageFlagsAdd('1', ['\\Flagged']);
    await second.noop();
    assert.deepEqual(await withTimeout(seen, 3000), ['\\Flagged']);
  } finally {
    await Promise.all([first.logout(), second.logout()]);
  }
});

async function streamText(stream: NodeJS.ReadableStream | import('node:stream').Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
