// The webmail as a real client over loopback: its routes log in to the simulator's own SMTP
// submission and IMAP (STARTTLS, then XOAUTH2 with a Pro Santé Connect token or PLAIN), send,
// keep a copy in Sent, list the inbox with the bounce's French sentence tied to the sent message,
// write to a patient only from a qualified identity, end an exchange with « [FIN] », and search
// the Annuaire Santé.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import { startTrustSpace } from '../../trust-space/start-trust-space.ts';
import type { RunningTrustSpace } from '../../trust-space/trust-space.ts';
import { documentFile } from '../../services/patient-documents/document-file.ts';
import type { WebmailItem } from './webmail-types.ts';
import { documentedCaller, type DocumentedCall } from '../testing/documented-call.ts';
import { processTempDir } from '../../cli/process-temp-dir.ts';

const LOUISE = '284034912304586';
const GERARD_OPPOSED = '152114908701235';
const INES_UNQUALIFIED = '295019935002112';
const DR_MARTIN = 'paul.martin@ch-valbrume.mssante.fr';
const PHARMACY = 'pharmacie.duparc@pharmacien.mssante.fr';

let space: RunningTrustSpace;
before(async () => {
  space = (await startTrustSpace({ dataDir: processTempDir('mss-webmail-') })) as RunningTrustSpace;
});
beforeEach(() => space.reset());
after(() => space?.stop());

/** Every JSON answer is checked against openapi.json. */
let documented: DocumentedCall;
const call: DocumentedCall = async (method, path, body) => (documented ??= await documentedCaller(space.endpoints.http.baseUrl))(method, path, body);

const items = async (address: string, query = '') => (await call('GET', `/api/webmail/${address}${query}`)).body.items as WebmailItem[];

test('writing to an opposed patient: sent over XOAUTH2, kept in Sent, and the bounce shows its French sentence tied to the sent message', async () => {
  const sent = await call('POST', `/api/webmail/${DR_MARTIN}/messages`, { patientIns: GERARD_OPPOSED, subject: 'Vos résultats', text: 'Bonjour Monsieur Lambert.' });
  assert.equal(sent.status, 201);
  assert.equal(sent.body.status, 'sent');
  assert.deepEqual(sent.body.to, [`${GERARD_OPPOSED}@patient.mssante.fr`]);
  assert.equal(space.transmissions.all().at(-1)?.envelope.envid, sent.body.messageId.split('@')[0], 'DSN envelope id = local part of the Message-ID');
  await space.settled();
  const listed = await items(DR_MARTIN);
  const bounce = listed.find((i) => i.kind === 'bounce');
  const original = listed.find((i) => i.folder === 'sent' && i.subject === 'Vos résultats');
  assert.equal(bounce?.report?.reason, `Le message que vous avez envoyé à l'adresse « ${GERARD_OPPOSED}@patient.mssante.fr » n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.`);
  assert.equal(bounce?.report?.aboutUid, original?.uid);
  assert.equal(original?.messageId, sent.body.messageId);
  assert.deepEqual(original?.delivery, { status: 'undelivered', reason: bounce?.report?.reason, reportUid: bounce?.uid });
  assert.ok(space.psc.sessions().some((s) => s.clientId === 'simulateur-webmail' && s.mailbox === DR_MARTIN), 'logged in with a Pro Santé Connect token');
});

test('an unqualified identity is refused before anything is sent; an unknown INS too', async () => {
  const refused = await call('POST', `/api/webmail/${DR_MARTIN}/messages`, { patientIns: INES_UNQUALIFIED, subject: 'Résultats', text: 'Bonjour.' });
  assert.equal(refused.body.status, 'refused');
  assert.match(refused.body.reason, /n'est pas qualifiée/);
  assert.equal((await call('POST', `/api/webmail/${DR_MARTIN}/messages`, { patientIns: '146026322000196', subject: 'x', text: 'y' })).body.status, 'refused');
  assert.equal(space.transmissions.all().length, 0);
});

test('an attachment whose type is not a MIME type or whose name holds a line break is refused in French, all problems at once; nothing is sent', async () => {
  const attachment = { filename: 'ordonnance.pdf\r\nX: y', contentType: 'application/pdf\r\nX-Evil: 1', contentBase64: 'JVBERi0=' };
  const refused = await call('POST', `/api/webmail/${DR_MARTIN}/messages`, { to: [PHARMACY], subject: 'Ordonnance', text: 'Bonjour.', attachments: [attachment] });
  assert.equal(refused.status, 400);
  assert.deepEqual(
    refused.body.error.problems.map((p: { path: string; fix: string }) => [p.path, p.fix]),
    [
      ['/attachments/0/filename', 'attendu : nom du fichier, sans caractère de contrôle (ni retour à la ligne)'],
      ['/attachments/0/contentType', 'attendu : type MIME, ex. application/pdf'],
    ],
  );
  assert.equal(space.transmissions.all().length, 0);
});

test('a professional writes to Louise, she replies, he ends the exchange with « [FIN] », then sends a message that allows no reply', async () => {
  const first = await call('POST', `/api/webmail/${DR_MARTIN}/messages`, { patientIns: LOUISE, subject: 'Contrôle', text: 'Bonjour, tout va bien ?' });
  assert.equal(first.body.status, 'sent');
  const delivered = await space.store.waitFor((m) => m.mailbox === `${LOUISE}@patient.mssante.fr` && m.index.subject === 'Contrôle', 5000);
  const reply = await space.mes.reply({ ins: LOUISE, messageId: delivered.id, text: 'Oui, merci Docteur.' });
  assert.ok(reply.accepted);
  await space.settled();
  const fromLouise = (await items(DR_MARTIN)).find((i) => i.kind === 'patient-message');
  assert.deepEqual(fromLouise?.patient, { birthName: 'MARCHAND', firstName: 'Louise', ins: LOUISE });
  const detail = (await call('GET', `/api/webmail/${DR_MARTIN}/messages/inbox/${fromLouise?.uid}`)).body;
  assert.match(detail.text, /Oui, merci Docteur/);

  const end = await call('POST', `/api/webmail/${DR_MARTIN}/messages`, { inReplyToUid: fromLouise?.uid, end: 'subject', text: 'Bonne journée.' });
  assert.deepEqual([end.body.status, end.body.subject, end.body.to], ['sent', '[FIN]', [`${LOUISE}@patient.mssante.fr`]]);
  const closing = await space.store.waitFor((m) => m.mailbox === `${LOUISE}@patient.mssante.fr` && m.index.subject === '[FIN]', 5000);
  assert.match(closing.raw.toString('utf8'), /^In-Reply-To: <[^>]+>/m);
  assert.equal(space.mes.conversations(LOUISE)[0]?.state, 'closed');

  const noReply = await call('POST', `/api/webmail/${DR_MARTIN}/messages`, { patientIns: LOUISE, subject: 'Information', text: 'Sans réponse.', noReply: true });
  assert.equal(noReply.body.status, 'sent');
  const marked = await space.store.waitFor((m) => m.mailbox === `${LOUISE}@patient.mssante.fr` && m.index.subject === 'Information', 5000);
  assert.equal(marked.index.xMss['x-mss-mes'], 'FIN');
});

test("the prescription Louise sends from her profile reaches the pharmacy's mailbox with the document intact (PLAIN login)", async () => {
  const prescription = space.view().patient(LOUISE)?.documents?.[0];
  assert.ok(prescription);
  const file = documentFile(prescription);
  const written = await space.mes.write({ ins: LOUISE, to: PHARMACY, subject: 'Mon ordonnance', text: 'Bonjour, voici mon ordonnance.', attachments: [file] });
  assert.ok(written.accepted);
  const received = (await items(PHARMACY, '?auth=password')).find((i) => i.subject === 'Mon ordonnance');
  assert.equal(received?.kind, 'patient-message');
  assert.deepEqual(received?.attachments.map((a) => [a.filename, a.contentType, a.sha256]), [[file.filename, 'application/pdf', createHash('sha256').update(file.content).digest('hex')]]);
  const download = await fetch(`${space.endpoints.http.baseUrl}/api/webmail/${PHARMACY}/messages/inbox/${received?.uid}/attachments/0`);
  assert.ok(Buffer.from(await download.arrayBuffer()).equals(file.content));
});

test('an attachment whose media type and name were written to harm downloads as application/octet-stream with a plain name; the simulator answers on', async () => {
  const raw = Buffer.from(
    `From: ${PHARMACY}\r\nTo: ${DR_MARTIN}\r\nSubject: Pièce bizarre\r\nMessage-ID: <piece-bizarre@pharmacien.mssante.fr>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n` +
      `--XX\r\nContent-Type: text/plain\r\n\r\nBonjour.\r\n--XX\r\nContent-Type: t\u00ebxt/h\u200ftml; name="a.html"\r\nContent-Disposition: attachment; filename="../../\u202eevil.html"\r\nContent-Transfer-Encoding: base64\r\n\r\nPGI+aGk8L2I+\r\n--XX--\r\n`,
    'utf8',
  );
  space.store.deliver({ mailbox: DR_MARTIN, kind: 'message', envelope: { mailFrom: PHARMACY, rcptTo: [DR_MARTIN] }, raw, receivedAt: new Date(), ingress: 'peer' });
  const received = (await items(DR_MARTIN)).find((i) => i.subject === 'Pièce bizarre');
  const download = await fetch(`${space.endpoints.http.baseUrl}/api/webmail/${DR_MARTIN}/messages/inbox/${received?.uid}/attachments/0`);
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('content-type'), 'application/octet-stream');
  assert.equal(download.headers.get('content-disposition'), 'attachment; filename=".._..__evil.html"');
  assert.equal(await download.text(), '<b>hi</b>');
  assert.equal((await fetch(`${space.endpoints.http.baseUrl}/api/health`)).status, 200);
});

test('recipient search in the Annuaire Santé, unknown mailbox, applicative mailbox, unknown message', async () => {
  assert.deepEqual((await call('GET', `/api/webmail/${DR_MARTIN}/recipients?q=49990&kind=pharmacy`)).body, [{ displayName: 'Pharmacie du Parc', address: PHARMACY, mailboxType: 'ORG' }]);
  assert.equal((await call('GET', '/api/webmail/personne@ch-valbrume.mssante.fr')).status, 404);
  const software = await call('GET', '/api/webmail/dpi@ch-valbrume.mssante.fr');
  assert.deepEqual([software.status, software.body.error.code], [409, 'MSS_SIM_API_WEBMAIL_APPLICATIVE_MAILBOX']);
  assert.equal((await call('GET', `/api/webmail/${DR_MARTIN}/messages/inbox/99`)).status, 404);
});

test('a folder holding more than the listing: the newest 200 are listed, the totals say how many there are', async () => {
  const receivedAt = new Date();
  for (let i = 1; i <= 205; i += 1) {
    const raw = Buffer.from(`From: ${PHARMACY}\r\nTo: ${DR_MARTIN}\r\nSubject: Message ${i}\r\nMessage-ID: <liste-${i}@pharmacien.mssante.fr>\r\nDate: ${receivedAt.toUTCString()}\r\n\r\nBonjour.\r\n`);
    space.store.deliver({ mailbox: DR_MARTIN, kind: 'message', envelope: { mailFrom: PHARMACY, rcptTo: [DR_MARTIN] }, raw, receivedAt, ingress: 'peer' });
  }
  const mailbox = (await call('GET', `/api/webmail/${DR_MARTIN}`)).body as { items: WebmailItem[]; totals: { inbox: number; sent: number }; listedAtMost: number };
  assert.deepEqual(mailbox.totals, { inbox: 205, sent: 0 });
  assert.equal(mailbox.listedAtMost, 200);
  const inbox = mailbox.items.filter((item) => item.folder === 'inbox');
  assert.equal(inbox.length, 200);
  assert.deepEqual([inbox[0]?.subject, inbox.at(-1)?.subject], ['Message 205', 'Message 6'], 'the newest first, the 5 oldest left out');
});
