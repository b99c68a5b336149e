// Exact responses of the main commands, pinned against a raw socket (RFC 3501 §6, §7).
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mailboxRegistryFor } from './mailbox/mailbox-registry.ts';
import { startImapTestServer, type ImapTestServer } from './testing/imap-test-server.ts';
import { RawImapClient } from './testing/raw-imap-client.ts';
import { loggedInClient, securedClient } from './testing/raw-session.ts';
import { PHARMACY, sampleBounce, sampleMessage, storeMessage } from './testing/sample-messages.ts';

let server: ImapTestServer;

before(async () => {
  server = await startImapTestServer();
});

beforeEach(() => {
  server.store.clear();
  storeMessage(server.store, PHARMACY, sampleMessage());
  storeMessage(server.store, PHARMACY, sampleBounce(), { kind: 'bounce', receivedAt: new Date(Date.UTC(2025, 2, 20, 10, 0, 6)) });
  storeMessage(server.store, 'autre@pharmacien.mssante.fr', sampleMessage());
});

after(async () => {
  await server.stop();
});

const CAPABILITIES = 'IMAP4rev1 LITERAL+ SASL-IR ID ENABLE IDLE NAMESPACE UIDPLUS MOVE UNSELECT SPECIAL-USE LIST-EXTENDED CHILDREN';

test('greeting and CAPABILITY before TLS: STARTTLS and LOGINDISABLED, no AUTH=', async () => {
  const { client, greeting } = await RawImapClient.connect(server.port);
  assert.equal(greeting, `* OK [CAPABILITY ${CAPABILITIES} STARTTLS LOGINDISABLED] Simulateur MSSante : serveur IMAP4rev1 pret`);
  assert.deepEqual(await client.command('a1', 'CAPABILITY'), [`* CAPABILITY ${CAPABILITIES} STARTTLS LOGINDISABLED`, 'a1 OK CAPABILITY termine']);
  assert.deepEqual(await client.command('a2', 'NOOP'), ['a2 OK NOOP termine']);
  assert.deepEqual(await client.command('a3', 'SELECT INBOX'), ['a3 BAD Commande SELECT impossible avant authentification']);
  assert.deepEqual(await client.command('a4', 'LOGOUT'), ['* BYE Deconnexion, a bientot', 'a4 OK LOGOUT termine']);
  await client.closed();
});

test('after STARTTLS: AUTH=PLAIN and AUTH=XOAUTH2; after login, the capabilities in the tagged OK', async () => {
  const client = await securedClient(server);
  assert.deepEqual(await client.command('a1', 'CAPABILITY'), [`* CAPABILITY ${CAPABILITIES} AUTH=PLAIN AUTH=XOAUTH2`, 'a1 OK CAPABILITY termine']);
  assert.deepEqual(await client.command('a2', 'STARTTLS'), ['a2 BAD TLS deja actif']);
  assert.deepEqual(await client.command('a3', `LOGIN ${PHARMACY} test-pharmacie-du-parc`), [`a3 OK [CAPABILITY ${CAPABILITIES}] Authentification reussie`]);
  assert.deepEqual(await client.command('a4', 'LOGIN x y'), ['a4 BAD Commande LOGIN impossible apres authentification']);
  client.close();
});

test('LIST, LSUB, STATUS, NAMESPACE, ENABLE, ID', async () => {
  const client = await loggedInClient(server);
  assert.deepEqual(await client.command('a1', 'LIST "" "*"'), [
    '* LIST (\\HasNoChildren) "/" "INBOX"',
    '* LIST (\\HasNoChildren \\Drafts) "/" "Drafts"',
    '* LIST (\\HasNoChildren \\Sent) "/" "Sent"',
    '* LIST (\\HasNoChildren \\Trash) "/" "Trash"',
    '* LIST (\\HasNoChildren \\Junk) "/" "Junk"',
    'a1 OK LIST termine',
  ]);
  assert.deepEqual(await client.command('a2', 'LIST "" ""'), ['* LIST (\\Noselect) "/" ""', 'a2 OK LIST termine']);
  assert.deepEqual(await client.command('a3', 'LIST "" "S%"'), ['* LIST (\\HasNoChildren \\Sent) "/" "Sent"', 'a3 OK LIST termine']);
  assert.deepEqual(await client.command('a4', 'LSUB "" "*"'), ['* LSUB () "/" "INBOX"', '* LSUB () "/" "Drafts"', '* LSUB () "/" "Sent"', '* LSUB () "/" "Trash"', '* LSUB () "/" "Junk"', 'a4 OK LSUB termine']);
  assert.deepEqual(await client.command('a5', 'STATUS INBOX (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)'), [
    `* STATUS "INBOX" (MESSAGES 2 RECENT 2 UIDNEXT 3 UIDVALIDITY ${uidValidity()} UNSEEN 2)`,
    'a5 OK STATUS termine',
  ]);
  assert.deepEqual(await client.command('a6', 'STATUS Trash (MESSAGES UIDNEXT)'), ['* STATUS "Trash" (MESSAGES 0 UIDNEXT 1)', 'a6 OK STATUS termine']);
  assert.deepEqual(await client.command('a7', 'STATUS Brouillons (MESSAGES)'), ['a7 NO [NONEXISTENT] Dossier inconnu : "Brouillons"']);
  assert.deepEqual(await client.command('a8', 'NAMESPACE'), ['* NAMESPACE (("" "/")) NIL NIL', 'a8 OK NAMESPACE termine']);
  assert.deepEqual(await client.command('a9', 'ENABLE CONDSTORE'), ['* ENABLED', 'a9 OK ENABLE termine']);
  assert.deepEqual(await client.command('b1', 'ID ("name" "Logiciel de test" "version" "1.0")'), ['* ID ("name" "Simulateur MSSante" "vendor" "mssante-simulateur")', 'b1 OK ID termine']);
  assert.deepEqual(await client.command('b2', 'CREATE Classement'), ['b2 OK CREATE termine']);
  assert.deepEqual(await client.command('b3', 'DELETE Classement'), ['b3 OK DELETE termine']);
  const transcript = server.journal.format(server.journal.connections().at(-1)?.id ?? '');
  assert.match(transcript, /\*: ID du client : name=Logiciel de test, version=1\.0/);
  client.close();
});

test('SELECT and EXAMINE: the untagged data of RFC 3501 §6.3.1, then READ-WRITE or READ-ONLY', async () => {
  const client = await loggedInClient(server);
  const validity = uidValidity();
  assert.deepEqual(await client.command('a1', 'SELECT inbox'), [
    '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
    '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Drapeaux permanents',
    '* 2 EXISTS',
    '* 2 RECENT',
    '* OK [UNSEEN 1] Message 1 : premier non lu',
    `* OK [UIDVALIDITY ${validity}] UID valides`,
    '* OK [UIDNEXT 3] UID suivant prevu',
    'a1 OK [READ-WRITE] SELECT termine',
  ]);
  assert.deepEqual((await client.command('a2', 'EXAMINE Sent')).slice(1), [
    '* OK [PERMANENTFLAGS ()] Drapeaux permanents',
    '* 0 EXISTS',
    '* 0 RECENT',
    `* OK [UIDVALIDITY ${validity}] UID valides`,
    '* OK [UIDNEXT 1] UID suivant prevu',
    'a2 OK [READ-ONLY] EXAMINE termine',
  ]);
  assert.deepEqual(await client.command('a3', 'SELECT "Other Users/autre"'), ['a3 NO [NONEXISTENT] Dossier inconnu : "Other Users/autre"']);
  assert.deepEqual(await client.command('a4', 'FETCH 1 FLAGS'), ['a4 BAD Commande FETCH impossible sans dossier selectionne (SELECT ou EXAMINE d\'abord)']);
  client.close();
});

test('FETCH: flags, dates, sizes, envelope, structure, sections and partial; \\Seen set by BODY[]', async () => {
  const client = await loggedInClient(server, PHARMACY, 'INBOX');
  const bounceSize = server.store.list(PHARMACY)[1]?.raw.length;
  assert.deepEqual(await client.command('a1', 'FETCH 1:2 FAST'), [
    '* 1 FETCH (FLAGS (\\Recent) INTERNALDATE "20-Mar-2025 09:00:00 +0000" RFC822.SIZE 394)',
    `* 2 FETCH (FLAGS (\\Recent) INTERNALDATE "20-Mar-2025 10:00:06 +0000" RFC822.SIZE ${bounceSize})`,
    'a1 OK FETCH termine',
  ]);
  assert.deepEqual(await client.command('a2', 'FETCH 1 (ENVELOPE BODY)'), [
    '* 1 FETCH (ENVELOPE ("Thu, 20 Mar 2025 10:00:00 +0100" "Ordonnance de Mme Leroy" (("Dr Paul Martin" NIL "paul.martin" "ch-valbrume.mssante.fr")) ' +
      '(("Dr Paul Martin" NIL "paul.martin" "ch-valbrume.mssante.fr")) (("Dr Paul Martin" NIL "paul.martin" "ch-valbrume.mssante.fr")) ' +
      '(("Pharmacie du Parc" NIL "pharmacie.duparc" "pharmacien.mssante.fr")) NIL NIL NIL "<msg-1@ch-valbrume.mssante.fr>") ' +
      'BODY ("text" "plain" ("charset" "utf-8") NIL NIL "8BIT" 59 3))',
    'a2 OK FETCH termine',
  ]);
  assert.deepEqual(await client.command('a3', 'UID FETCH 1 (BODY.PEEK[HEADER.FIELDS (Subject)] BODY.PEEK[TEXT]<0.7>)'), [
    '* 1 FETCH (UID 1 BODY[HEADER.FIELDS (Subject)] {36}\r\nSubject: Ordonnance de Mme Leroy\r\n\r\n BODY[TEXT]<0> {7}\r\nBonjour)',
    'a3 OK UID FETCH termine',
  ]);
  assert.deepEqual(await client.command('a4', 'FETCH 2 (BODY[2.MIME] BODY[9])'), [
    '* 2 FETCH (BODY[2.MIME] {41}\r\nContent-Type: message/delivery-status\r\n\r\n BODY[9] NIL FLAGS (\\Seen \\Recent))',
    'a4 OK FETCH termine',
  ]);
  assert.deepEqual(await client.command('a5', 'FETCH 2 (FLAGS)'), ['* 2 FETCH (FLAGS (\\Seen \\Recent))', 'a5 OK FETCH termine']);
  assert.deepEqual(await client.command('a6', 'FETCH 1 BODY[HEADER.MIME]'), ['a6 BAD Section inconnue : "HEADER.MIME"']);
  client.close();
});

test('SEARCH and UID SEARCH: flags, headers, text, dates, sizes, sets, NOT and OR', async () => {
  const client = await loggedInClient(server, PHARMACY, 'INBOX');
  const search = async (criteria: string) => (await client.command('s', `SEARCH ${criteria}`))[0];
  assert.equal(await search('ALL'), '* SEARCH 1 2');
  assert.equal(await search('FROM "paul.martin"'), '* SEARCH 1');
  assert.equal(await search('CHARSET UTF-8 SUBJECT "non distribué"'), '* SEARCH 2');
  assert.equal(await search('BODY "préparer"'), '* SEARCH 1');
  assert.equal(await search('TEXT "5.1.1"'), '* SEARCH 2');
  assert.equal(await search('HEADER Message-ID "dsn-1"'), '* SEARCH 2');
  assert.equal(await search('OR FROM paul NOT ALL'), '* SEARCH 1');
  assert.equal(await search('SINCE 20-Mar-2025 BEFORE 21-Mar-2025'), '* SEARCH 1 2');
  assert.equal(await search('ON 19-Mar-2025'), '* SEARCH');
  assert.equal(await search('LARGER 1000'), '* SEARCH 2');
  assert.equal(await search('2:* UNSEEN'), '* SEARCH 2');
  assert.deepEqual(await client.command('u', 'UID SEARCH UID 2:*'), ['* SEARCH 2', 'u OK UID SEARCH termine']);
  assert.deepEqual(await client.command('c', 'SEARCH CHARSET KOI8-R ALL'), ['c NO [BADCHARSET (UTF-8 US-ASCII)] Jeu de caracteres non pris en charge (UTF-8, US-ASCII)']);
  assert.deepEqual(await client.command('b', 'SEARCH FROMAGE x'), ['b BAD Critere de recherche inconnu : "FROMAGE"']);
  client.close();
});

test('STORE, COPY with COPYUID, MOVE, EXPUNGE, CLOSE', async () => {
  const client = await loggedInClient(server, PHARMACY, 'INBOX');
  assert.deepEqual(await client.command('a1', 'STORE 1 +FLAGS (\\Flagged \\SEEN)'), ['* 1 FETCH (FLAGS (\\Flagged \\Seen \\Recent))', 'a1 OK STORE termine']);
  assert.deepEqual(await client.command('a2', 'UID STORE 1 -FLAGS.SILENT (\\Flagged)'), ['a2 OK UID STORE termine']);
  assert.deepEqual(await client.command('a3', 'STORE 1 FLAGS \\Bidon'), ['a3 BAD Drapeau invalide : "\\Bidon"']);
  assert.deepEqual(await client.command('a4', 'COPY 1:2 Trash'), [`a4 OK [COPYUID ${uidValidity()} 1:2 1:2] COPY termine`]);
  assert.deepEqual(await client.command('a5', 'COPY 1 Archives'), [`a5 NO [TRYCREATE] Dossier inconnu : "Archives", creez-le d'abord (CREATE)`]);
  assert.deepEqual(await client.command('a5b', 'COPY 1 "Archives/*"'), ['a5b NO [CANNOT] Nom de dossier invalide : "Archives/*" ("*" et "%" sont des jokers de LIST)']);
  assert.deepEqual(await client.command('a6', 'UID MOVE 2 Sent'), [`* OK [COPYUID ${uidValidity()} 2 1] Messages deplaces`, '* 2 EXPUNGE', 'a6 OK UID MOVE termine']);
  assert.deepEqual(await client.command('a7', 'STORE 1 +FLAGS.SILENT (\\Deleted)'), ['a7 OK STORE termine']);
  assert.deepEqual(await client.command('a8', 'EXPUNGE'), ['* 1 EXPUNGE', 'a8 OK EXPUNGE termine']);
  assert.deepEqual((await client.command('a9', 'SELECT Trash')).slice(2, 5), ['* 2 EXISTS', '* 2 RECENT', '* OK [UNSEEN 2] Message 2 : premier non lu']);
  assert.deepEqual(await client.command('b1', 'STORE 1 +FLAGS.SILENT (\\Deleted)'), ['b1 OK STORE termine']);
  assert.deepEqual(await client.command('b2', 'CLOSE'), ['b2 OK CLOSE termine']);
  assert.deepEqual(await client.command('b3', 'STATUS Trash (MESSAGES UNSEEN)'), ['* STATUS "Trash" (MESSAGES 1 UNSEEN 1)', 'b3 OK STATUS termine']);
  assert.equal(server.store.list(PHARMACY).length, 2); // expunged from IMAP only
  client.close();
});

function uidValidity(): number {
  return mailboxRegistryFor(server.store, () => new Date()).uidValidity;
}
