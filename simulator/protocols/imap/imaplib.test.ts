// Wire tests with Python's standard imaplib, an independent client driven through child_process
// (testing/imaplib_client.py prints JSON): STARTTLS with the test CA, LOGIN, LIST, SELECT,
// FETCH (a bounce's message/delivery-status part), SEARCH, STORE, APPEND, UID COPY, LOGOUT;
// folders managed by two sessions of one mailbox; XOAUTH2 accepted and refused; LOGIN before
// STARTTLS refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startImapTestServer, type ImapTestServer } from './testing/imap-test-server.ts';
import { CAMILLE, PHARMACY, sampleBounce, sampleMessage, storeMessage } from './testing/sample-messages.ts';

const SPECIAL_FOLDERS = ['(\\HasNoChildren) "/" "INBOX"', '(\\HasNoChildren \\Drafts) "/" "Drafts"', '(\\HasNoChildren \\Sent) "/" "Sent"', '(\\HasNoChildren \\Trash) "/" "Trash"', '(\\HasNoChildren \\Junk) "/" "Junk"'];
const SCRIPT = fileURLToPath(new URL('./testing/imaplib_client.py', import.meta.url));
let server: ImapTestServer;
let dir: string;
let caFile: string;

before(async () => {
  server = await startImapTestServer();
  dir = mkdtempSync(join(tmpdir(), 'imaplib-'));
  caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, server.pki.ca.certPem);
});

after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

function python(scenario: string, user: string, extra: string[] = []): Promise<Record<string, unknown>> {
  const args = [SCRIPT, scenario, '--port', String(server.port), '--ca', caFile, '--user', user, ...extra];
  return new Promise((resolve, reject) => {
    execFile('python3', args, { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as Record<string, unknown>);
    });
  });
}

test('imaplib session: STARTTLS, LOGIN, LIST, SELECT, FETCH, SEARCH, STORE, APPEND, UID COPY, LOGOUT', async () => {
  storeMessage(server.store, PHARMACY, sampleMessage());
  storeMessage(server.store, PHARMACY, sampleBounce(), { kind: 'bounce' });
  const result = await python('session', PHARMACY, ['--password', 'test-pharmacie-du-parc']);
  assert.ok((result.capabilities as string[]).includes('AUTH=XOAUTH2'));
  assert.deepEqual(result.login, ['OK', ['[CAPABILITY IMAP4rev1 LITERAL+ SASL-IR ID ENABLE IDLE NAMESPACE UIDPLUS MOVE UNSELECT SPECIAL-USE LIST-EXTENDED CHILDREN] Authentification reussie']]);
  assert.deepEqual(result.list, SPECIAL_FOLDERS);
  assert.deepEqual(result.select, ['OK', ['2']]);
  assert.deepEqual(result.fetch_header, [['1 (UID 1 RFC822.SIZE 394 BODY[HEADER.FIELDS (SUBJECT)] {36}', 'Subject: Ordonnance de Mme Leroy\r\n\r\n'], ')']);
  const statusPart = (result.fetch_status_part as [[string, string], string])[0][1];
  assert.match(statusPart, /^Action: failed\r$/m);
  assert.match(statusPart, /^Status: 5\.1\.1\r$/m);
  assert.deepEqual(result.search_unseen, ['1 2']);
  assert.deepEqual(result.store, ['1 (FLAGS (\\Seen \\Recent))']);
  assert.deepEqual(result.search_seen, ['1']);
  assert.match(JSON.stringify(result.append), /^\["OK",\["\[APPENDUID \d+ 1\] APPEND termine"\]\]$/);
  assert.deepEqual(result.uid_copy, ['OK', [null]]); // imaplib keeps no tagged response code for COPY
  assert.deepEqual(result.trash_status, ['"Trash" (MESSAGES 1 UNSEEN 0)']);
  assert.deepEqual(result.logout, ['BYE', ['Deconnexion, a bientot']]);
  assert.deepEqual(server.store.list(PHARMACY, { folder: 'Sent' }).map((m) => m.index.subject), ['Copie envoyee']);
});

test('imaplib folders, two sessions of one mailbox: CREATE, RENAME, SUBSCRIBE, APPEND of a draft, TRYCREATE, UID MOVE, DELETE', async () => {
  server.store.clear();
  const result = await python('folders', PHARMACY, ['--password', 'test-pharmacie-du-parc']);
  assert.deepEqual(result.create, ['OK', ['CREATE termine']]);
  assert.deepEqual(result.create_special, ['NO', ['[ALREADYEXISTS] Le dossier "Drafts" existe deja']]);
  assert.deepEqual(result.other_list, ['(\\HasChildren) "/" "Patients"', '(\\HasNoChildren) "/" "Patients/Leroy"']);
  assert.deepEqual([result.rename, result.subscribe], [['OK', ['RENAME termine']], ['OK', ['SUBSCRIBE termine']]]);
  assert.deepEqual(result.lsub, ['() "/" "Patients/Martin"']);
  assert.match(JSON.stringify(result.append_draft), /^\["OK",\["\[APPENDUID \d+ 1\] APPEND termine"\]\]$/);
  assert.deepEqual(result.append_missing, ['NO', [`[TRYCREATE] Dossier inconnu : "Inconnu", creez-le d'abord (CREATE)`]]);
  assert.deepEqual(result.append_invalid, ['NO', ['[CANNOT] Nom de dossier invalide : "Inconnu/" ("/" en debut, en fin ou double)']]);
  assert.deepEqual(result.move, ['OK', [null]]);
  assert.deepEqual(result.other_status, ['"Archives" (MESSAGES 1)']);
  assert.deepEqual(result.delete_inbox, ['NO', ['[CANNOT] Le dossier "INBOX" est un dossier special : ni suppression ni renommage']]);
  assert.deepEqual(result.rename_trash, ['NO', ['[CANNOT] Le dossier "Trash" est un dossier special : ni suppression ni renommage']]);
  assert.deepEqual(result.delete, ['OK', ['DELETE termine']]);
  assert.deepEqual(result.list, [...SPECIAL_FOLDERS, '(\\HasNoChildren) "/" "Archives"', '(\\HasNoChildren) "/" "Patients"']);
  assert.deepEqual(server.store.list(PHARMACY).map((m) => m.folder), ['Drafts', 'Patients/Martin']);
});

test('imaplib XOAUTH2: a valid token opens the mailbox, an expired one is refused', async () => {
  const accepted = await python('xoauth2', CAMILLE, ['--token', server.authenticator.issueToken(CAMILLE)]);
  assert.deepEqual([accepted.status, accepted.state], ['OK', 'AUTH']);
  const refused = await python('xoauth2', CAMILLE, ['--token', server.authenticator.issueToken(CAMILLE, { expired: true })]);
  assert.equal(refused.status, 'error');
  assert.match(String(refused.error), /\[EXPIRED\] Jeton expire/);
});

test('imaplib LOGIN before STARTTLS is refused (LOGINDISABLED advertised)', async () => {
  const result = await python('login-before-starttls', PHARMACY, ['--password', 'test-pharmacie-du-parc']);
  assert.ok((result.capabilities as string[]).includes('LOGINDISABLED'));
  assert.equal(result.login, 'refused');
  assert.match(String(result.error), /PRIVACYREQUIRED/);
});
