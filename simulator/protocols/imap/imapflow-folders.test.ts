// Wire tests of folders with imapflow, the way a mail client uses them: user folders created,
// renamed and deleted (refusals in French), a draft saved with \Draft and replaced on save,
// messages moved between user folders, and two sessions of one organisational mailbox that
// see each other's folders and subscriptions.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ImapFlow } from 'imapflow';
import { SERVER_NAME, startImapTestServer, type ImapTestServer } from './testing/imap-test-server.ts';
import { PATIENT, PHARMACY, sampleMessage } from './testing/sample-messages.ts';

let server: ImapTestServer;

before(async () => {
  server = await startImapTestServer();
});

after(async () => {
  await server.stop();
});

function client(): ImapFlow {
  return new ImapFlow({ host: '127.0.0.1', port: server.port, secure: false, servername: SERVER_NAME, tls: { ca: server.pki.ca.certPem }, auth: { user: PHARMACY, pass: 'test-pharmacie-du-parc' }, logger: false, disableAutoIdle: true });
}

async function withClient<T>(run: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = client();
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.logout();
  }
}

async function paths(c: ImapFlow): Promise<string[]> {
  return (await c.list()).map((f) => f.path).sort();
}

test('create, rename and delete user folders; special folders cannot be deleted', async () => {
  server.store.clear();
  await withClient(async (c) => {
    const created = await c.mailboxCreate(['Patients', 'Leroy']);
    assert.deepEqual([created.path, created.created], ['Patients/Leroy', true]);
    assert.deepEqual(await paths(c), ['Drafts', 'INBOX', 'Junk', 'Patients', 'Patients/Leroy', 'Sent', 'Trash']);
    const renamed = await c.mailboxRename('Patients/Leroy', 'Patients/Leroy Louise');
    assert.equal(renamed.newPath, 'Patients/Leroy Louise');
    await c.mailboxDelete('Patients/Leroy Louise');
    await assert.rejects(c.mailboxDelete('Drafts'), (error: { responseText?: string; serverResponseCode?: string }) => {
      assert.equal(error.serverResponseCode, 'CANNOT');
      assert.equal(error.responseText, 'Le dossier "Drafts" est un dossier special : ni suppression ni renommage');
      return true;
    });
    await assert.rejects(c.mailboxCreate('Dossier*'), (error: { serverResponseCode?: string }) => error.serverResponseCode === 'CANNOT');
    await c.mailboxDelete('Patients');
    assert.deepEqual(await paths(c), ['Drafts', 'INBOX', 'Junk', 'Sent', 'Trash']);
  });
});

test('a draft with \\Draft, replaced on save (APPENDUID, then delete the old one); nothing is sent', async () => {
  server.store.clear();
  await withClient(async (c) => {
    const draft = (n: number) => sampleMessage({ from: PHARMACY, to: PATIENT, subject: `Brouillon ${n}`, messageId: `draft-${n}@pharmacien.mssante.fr` });
    const first = await c.append('Drafts', draft(1), ['\\Draft', '\\Seen']);
    const second = await c.append('Drafts', draft(2), ['\\Draft', '\\Seen']);
    assert.deepEqual([first && first.uid, second && second.uid], [1, 2]);
    const lock = await c.getMailboxLock('Drafts');
    try {
      assert.equal(await c.messageDelete(String(first && first.uid), { uid: true }), true);
      const left = [];
      for await (const m of c.fetch('1:*', { uid: true, flags: true, envelope: true })) left.push([m.uid, [...(m.flags ?? [])].sort(), m.envelope?.subject]);
      assert.deepEqual(left, [[2, ['\\Draft', '\\Recent', '\\Seen'], 'Brouillon 2']]);
    } finally {
      lock.release();
    }
  });
  assert.deepEqual(server.store.all().map((m) => [m.mailbox, m.folder]), [[PHARMACY, 'Drafts'], [PHARMACY, 'Drafts']]);
  assert.deepEqual(server.store.list(PATIENT), []);
});

test('messages moved between user folders keep their flags', async () => {
  server.store.clear();
  await withClient(async (c) => {
    await c.mailboxCreate('Services/Officine');
    await c.mailboxCreate('Services/Preparatoire');
    await c.append('Services/Officine', sampleMessage({ subject: 'A classer' }), ['\\Flagged']);
    const lock = await c.getMailboxLock('Services/Officine');
    try {
      const moved = await c.messageMove('1', 'Services/Preparatoire');
      assert.ok(moved);
      assert.deepEqual([...(moved.uidMap ?? new Map())], [[1, 1]]);
    } finally {
      lock.release();
    }
    const [from, to] = await Promise.all([c.status('Services/Officine', { messages: true }), c.status('Services/Preparatoire', { messages: true })]);
    assert.deepEqual([from && from.messages, to && to.messages], [0, 1]);
    const target = await c.getMailboxLock('Services/Preparatoire');
    try {
      const message = await c.fetchOne('1', { flags: true });
      assert.ok(message && message.flags?.has('\\Flagged'));
    } finally {
      target.release();
    }
  });
});

test('two sessions of one organisational mailbox see each other\'s folders and subscriptions', async () => {
  server.store.clear();
  const first = client();
  const second = client();
  await Promise.all([first.connect(), second.connect()]);
  try {
    await first.mailboxCreate('Ordonnances');
    await first.mailboxSubscribe('Ordonnances');
    const listed = (await second.list()).find((f) => f.path === 'Ordonnances');
    assert.deepEqual(listed && [listed.path, listed.subscribed], ['Ordonnances', true]);
    await second.append('Ordonnances', sampleMessage({ subject: 'Ordonnance de Mme Leroy' }));
    const status = await first.status('Ordonnances', { messages: true, unseen: true });
    assert.deepEqual(status && [status.messages, status.unseen], [1, 1]);
    await second.mailboxRename('Ordonnances', 'Ordonnances 2025');
    assert.ok((await paths(first)).includes('Ordonnances 2025'));
  } finally {
    await Promise.all([first.logout(), second.logout()]);
  }
});
