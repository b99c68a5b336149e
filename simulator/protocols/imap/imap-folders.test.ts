// Wire tests of the folders a client manages, on the raw protocol so that every line is pinned:
// CREATE with superiors, LIST and LSUB (RFC 3501 §6.3.8–9) and their extended forms (RFC 5258,
// RFC 6154 §5.1), DELETE and RENAME refusals in French with RFC 5530 codes, RENAME INBOX,
// TRYCREATE only where CREATE would succeed (RFC 3501 §6.3.11), a draft saved and replaced
// (APPENDUID, UID EXPUNGE), IDLE on a user folder, and the reset that empties everything.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mailboxRegistryFor } from './mailbox/mailbox-registry.ts';
import { MAX_USER_FOLDERS } from './protocol/imap-limits.ts';
import { startImapTestServer, type ImapTestServer } from './testing/imap-test-server.ts';
import { loggedInClient } from './testing/raw-session.ts';
import { PHARMACY, sampleMessage, storeMessage } from './testing/sample-messages.ts';

let server: ImapTestServer;

before(async () => {
  server = await startImapTestServer();
});

after(async () => {
  await server.stop();
});

const SPECIAL_LIST = [
  '* LIST (\\HasNoChildren) "/" "INBOX"',
  '* LIST (\\HasNoChildren \\Drafts) "/" "Drafts"',
  '* LIST (\\HasNoChildren \\Sent) "/" "Sent"',
  '* LIST (\\HasNoChildren \\Trash) "/" "Trash"',
  '* LIST (\\HasNoChildren \\Junk) "/" "Junk"',
];

test('CREATE with superiors, LIST and LSUB, the extended LIST, DELETE and RENAME', async () => {
  server.store.clear();
  const client = await loggedInClient(server);
  assert.deepEqual(await client.command('a1', 'CREATE "Patients/Leroy/"'), ['a1 OK CREATE termine']);
  assert.deepEqual(await client.command('a2', 'LIST "" "%"'), [...SPECIAL_LIST, '* LIST (\\HasChildren) "/" "Patients"', 'a2 OK LIST termine']);
  assert.deepEqual(await client.command('a3', 'LIST "Patients/" "*"'), ['* LIST (\\HasNoChildren) "/" "Patients/Leroy"', 'a3 OK LIST termine']);
  assert.deepEqual(await client.command('a4', 'SUBSCRIBE Patients/Leroy'), ['a4 OK SUBSCRIBE termine']);
  assert.deepEqual(await client.command('a5', 'LSUB "" "P%"'), ['* LSUB (\\Noselect) "/" "Patients"', 'a5 OK LSUB termine']);
  assert.deepEqual(await client.command('a5b', 'LSUB "" "P*"'), ['* LSUB () "/" "Patients/Leroy"', 'a5b OK LSUB termine']);
  assert.deepEqual(await client.command('a6', 'LIST (SUBSCRIBED RECURSIVEMATCH) "" "P%"'), ['* LIST (\\HasChildren) "/" "Patients" ("CHILDINFO" ("SUBSCRIBED"))', 'a6 OK LIST termine']);
  assert.deepEqual(await client.command('a7', 'LIST (SPECIAL-USE) "" "*" RETURN (SUBSCRIBED)'), [...SPECIAL_LIST.slice(1).map((line) => line.replace(/\) "\/"/, ' \\Subscribed) "/"')), 'a7 OK LIST termine']);
  assert.deepEqual(await client.command('a8', 'LIST "" ("Sent" "Patients/*") RETURN (SPECIAL-USE CHILDREN)'), [SPECIAL_LIST[2], '* LIST (\\HasNoChildren) "/" "Patients/Leroy"', 'a8 OK LIST termine']);
  assert.deepEqual(await client.command('a9', 'LIST (RECURSIVEMATCH) "" "*"'), ['a9 BAD RECURSIVEMATCH demande une autre option de selection (SUBSCRIBED)']);
  assert.deepEqual(await client.command('b1', 'LIST "" "*" RETURN (STATUS (MESSAGES))'), ['b1 BAD Option de LIST inconnue : STATUS']);
  assert.deepEqual(await client.command('b2', 'DELETE Patients'), ['b2 NO [HASCHILDREN] Le dossier "Patients" contient des sous-dossiers : supprimez-les d\'abord']);
  assert.deepEqual(await client.command('b3', 'DELETE Drafts'), ['b3 NO [CANNOT] Le dossier "Drafts" est un dossier special : ni suppression ni renommage']);
  assert.deepEqual(await client.command('b4', 'DELETE inbox'), ['b4 NO [CANNOT] Le dossier "inbox" est un dossier special : ni suppression ni renommage']);
  assert.deepEqual(await client.command('b5', 'RENAME Patients "Dossiers patients"'), ['b5 OK RENAME termine']);
  assert.deepEqual(await client.command('b6', 'LIST "" "Dossiers patients/*" RETURN (SUBSCRIBED)'), ['* LIST (\\HasNoChildren \\Subscribed) "/" "Dossiers patients/Leroy"', 'b6 OK LIST termine']);
  assert.deepEqual(await client.command('b7', 'RENAME Sent Envoyes'), ['b7 NO [CANNOT] Le dossier "Sent" est un dossier special : ni suppression ni renommage']);
  assert.deepEqual(await client.command('b8', 'CREATE Junk'), ['b8 NO [ALREADYEXISTS] Le dossier "Junk" existe deja']);
  assert.deepEqual(await client.command('b9', 'CREATE "a/*"'), ['b9 NO [CANNOT] Nom de dossier invalide : "a/*" ("*" et "%" sont des jokers de LIST)']);
  assert.deepEqual(await client.command('c1', 'CREATE "/Racine"'), ['c1 NO [CANNOT] Nom de dossier invalide : "/Racine" ("/" en debut, en fin ou double)']);
  assert.deepEqual(await client.command('c2', 'CREATE ""'), ['c2 NO [CANNOT] Nom de dossier vide']);
  assert.deepEqual(await client.command('c3', `CREATE ${'x'.repeat(201)}`), ['c3 NO [LIMIT] Nom de dossier trop long : 200 caracteres au plus']);
  assert.deepEqual(await client.command('c4', 'DELETE "Dossiers patients/Leroy"'), ['c4 OK DELETE termine']);
  assert.deepEqual(await client.command('c5', 'DELETE "Dossiers patients"'), ['c5 OK DELETE termine']);
  assert.deepEqual(await client.command('c6', 'LIST "" "*"'), [...SPECIAL_LIST, 'c6 OK LIST termine']);
  client.close();
});

test('APPEND and COPY to a missing folder: TRYCREATE only when CREATE would succeed', async () => {
  server.store.clear();
  storeMessage(server.store, PHARMACY, sampleMessage());
  const client = await loggedInClient(server);
  const raw = 'Subject: x\r\n\r\ny';
  assert.deepEqual(await client.command('a1', `APPEND Classement {${raw.length}+}\r\n${raw}`), [`a1 NO [TRYCREATE] Dossier inconnu : "Classement", creez-le d'abord (CREATE)`]);
  assert.deepEqual(await client.command('a2', `APPEND "Classement/" {${raw.length}+}\r\n${raw}`), ['a2 NO [CANNOT] Nom de dossier invalide : "Classement/" ("/" en debut, en fin ou double)']);
  assert.equal((await client.command('a3', 'SELECT INBOX')).at(-1), 'a3 OK [READ-WRITE] SELECT termine');
  assert.deepEqual(await client.command('a4', 'UID MOVE 1 Classement'), [`a4 NO [TRYCREATE] Dossier inconnu : "Classement", creez-le d'abord (CREATE)`]);
  assert.deepEqual(await client.command('a5', 'COPY 1 "%"'), ['a5 NO [CANNOT] Nom de dossier invalide : "%" ("*" et "%" sont des jokers de LIST)']);
  for (let i = 0; i < MAX_USER_FOLDERS; i += 1) assert.deepEqual(await client.command(`c${i}`, `CREATE Dossier${i}`), [`c${i} OK CREATE termine`]);
  const full = `NO [LIMIT] Trop de dossiers : ${MAX_USER_FOLDERS} dossiers personnels au plus par boite`;
  assert.deepEqual(await client.command('b1', 'CREATE Classement'), [`b1 ${full}`]);
  assert.deepEqual(await client.command('b2', `APPEND Classement {${raw.length}+}\r\n${raw}`), [`b2 ${full}`]);
  assert.deepEqual(await client.command('b3', 'COPY 1 Classement'), [`b3 ${full}`]);
  assert.deepEqual(await client.command('b4', 'COPY 1 Dossier7'), [`b4 OK [COPYUID ${validityOf('Dossier7')} 1 1] COPY termine`]);
  client.close();
});

test('RENAME INBOX moves its messages to the new folder; INBOX stays, empty', async () => {
  server.store.clear();
  storeMessage(server.store, PHARMACY, sampleMessage());
  const client = await loggedInClient(server);
  assert.deepEqual(await client.command('a1', 'RENAME INBOX "Anciens/2024"'), ['a1 OK RENAME termine']);
  assert.deepEqual(await client.command('a2', 'STATUS INBOX (MESSAGES)'), ['* STATUS "INBOX" (MESSAGES 0)', 'a2 OK STATUS termine']);
  assert.deepEqual(await client.command('a3', 'STATUS "Anciens/2024" (MESSAGES UNSEEN)'), ['* STATUS "Anciens/2024" (MESSAGES 1 UNSEEN 1)', 'a3 OK STATUS termine']);
  assert.deepEqual(await client.command('a4', 'LIST "" "Anciens*"'), ['* LIST (\\HasChildren) "/" "Anciens"', '* LIST (\\HasNoChildren) "/" "Anciens/2024"', 'a4 OK LIST termine']);
  client.close();
});

test('a draft saved, then replaced on save: APPEND \\Draft (APPENDUID), UID STORE \\Deleted, UID EXPUNGE', async () => {
  server.store.clear();
  const client = await loggedInClient(server, PHARMACY, 'Drafts');
  const version = (n: number) => `From: ${PHARMACY}\r\nTo: patient@example.test\r\nSubject: Brouillon v${n}\r\n\r\nTexte ${n}\r\n`;
  const validity = validityOf('Drafts');
  assert.deepEqual(await client.command('a1', `APPEND Drafts (\\Draft \\Seen) {${version(1).length}+}\r\n${version(1)}`), ['* 1 EXISTS', '* 1 RECENT', `a1 OK [APPENDUID ${validity} 1] APPEND termine`]);
  assert.deepEqual(await client.command('a2', `APPEND Drafts (\\Draft \\Seen) {${version(2).length}+}\r\n${version(2)}`), ['* 2 EXISTS', '* 2 RECENT', `a2 OK [APPENDUID ${validity} 2] APPEND termine`]);
  assert.deepEqual(await client.command('a3', 'UID STORE 1 +FLAGS.SILENT (\\Deleted)'), ['a3 OK UID STORE termine']);
  assert.deepEqual(await client.command('a4', 'UID EXPUNGE 1'), ['* 1 EXPUNGE', 'a4 OK UID EXPUNGE termine']);
  assert.deepEqual(await client.command('a5', 'UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])'), ['* 1 FETCH (UID 2 FLAGS (\\Draft \\Seen \\Recent) BODY[HEADER.FIELDS (SUBJECT)] {25}\r\nSubject: Brouillon v2\r\n\r\n)', 'a5 OK UID FETCH termine']);
  assert.deepEqual(server.store.all().map((m) => [m.mailbox, m.folder, m.ingress]), [[PHARMACY, 'Drafts', 'simulator'], [PHARMACY, 'Drafts', 'simulator']]);
  client.close();
});

test('IDLE on a user folder: what another session of the mailbox files there is pushed at once', async () => {
  server.store.clear();
  const filer = await loggedInClient(server, PHARMACY);
  assert.deepEqual(await filer.command('a1', 'CREATE Ordonnances'), ['a1 OK CREATE termine']);
  const idler = await loggedInClient(server, PHARMACY, 'Ordonnances');
  idler.write('i1 IDLE\r\n');
  assert.equal(await idler.line(), '+ idling');
  const raw = 'Subject: ordonnance\r\n\r\nx';
  assert.equal((await filer.command('a2', `APPEND Ordonnances {${raw.length}+}\r\n${raw}`)).length, 1);
  assert.deepEqual([await idler.line(), await idler.line()], ['* 1 EXISTS', '* 1 RECENT']);
  idler.write('DONE\r\n');
  assert.equal(await idler.line(), 'i1 OK IDLE termine');
  server.store.clear(); // trust space reset: user folders go too
  assert.equal(await idler.line(), '* BYE Boites aux lettres reinitialisees par le simulateur, reconnectez-vous');
  assert.deepEqual(await filer.command('a3', 'LIST "" "O*"'), ['a3 OK LIST termine']);
  filer.close();
  idler.close();
});

function validityOf(folder: string): number {
  return mailboxRegistryFor(server.store, () => new Date()).folder(PHARMACY, folder)?.uidValidity ?? -1;
}
