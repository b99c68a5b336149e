// End to end through the composition root: a real SMTP client (nodemailer) over STARTTLS and
// AUTH, the control API over HTTP, as a person following the README would do.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import nodemailer from 'nodemailer';
import { startTrustSpace } from './start-trust-space.ts';
import type { RunningTrustSpace } from './trust-space.ts';
import { processTempDir } from '../cli/process-temp-dir.ts';

const DR_MARTIN = { user: 'paul.martin@ch-valbrume.mssante.fr', pass: 'test-paul-martin' };
const GERARD_OPPOSED = '152114908701235@patient.mssante.fr';
const LOUISE_ACTIVE = '284034912304586@patient.mssante.fr';

let space: RunningTrustSpace;
let api: string;

before(async () => {
  space = await startTrustSpace({ dataDir: processTempDir('mss-sim-e2e-'), maxMessageBytes: 27 * 1024 * 1024 });
  api = `${space.endpoints.http.baseUrl}/api`;
});
beforeEach(() => space.reset());
after(() => space.stop());

function transport(auth: { user: string; pass?: string; accessToken?: string }) {
  const { host, port } = space.endpoints.submission;
  const credentials = auth.accessToken ? { type: 'OAuth2' as const, user: auth.user, accessToken: auth.accessToken } : auth;
  return nodemailer.createTransport({ host, port, secure: false, requireTLS: true, auth: credentials, tls: { ca: space.caCertPem } });
}

async function getJson(path: string): Promise<unknown> {
  const response = await fetch(`${api}${path}`);
  assert.equal(response.status, 200, `${path}: HTTP ${response.status}`);
  return response.json();
}

test('a message to an opposed patient is accepted, then the French bounce reaches the sender (REG-ANR-01)', async () => {
  const info = await transport(DR_MARTIN).sendMail({ from: DR_MARTIN.user, to: GERARD_OPPOSED, subject: 'Résultats', text: 'Bonjour' });
  const accepted = /^250 2\.0\.0 Message accepté, identifiant (t-\d{6})$/.exec(info.response);
  assert.ok(accepted, info.response);
  const transmitted = await fetch(`${api}/transmissions/${accepted[1]}/raw`);
  assert.equal(transmitted.status, 200, 'the id of the 250 reply names the message as received');
  assert.match(await transmitted.text(), /^Subject: =\?UTF-8\?Q\?R=C3=A9sultats\?=$/m);
  await space.settled();
  const list = (await getJson(`/mailboxes/${DR_MARTIN.user}/messages`)) as { id: string; kind: string; subject: string; from: string }[];
  assert.equal(list.length, 1);
  assert.equal(list[0]!.kind, 'bounce');
  assert.equal(list[0]!.subject, 'Message non distribué');
  assert.equal(list[0]!.from, 'mailer-daemon@patient.mssante.fr');
  const raw = await (await fetch(`${api}/messages/${list[0]!.id}/raw`)).text();
  assert.match(raw, /^Status: 5\.1\.1$/m);
  assert.match(raw, /^Final-Recipient: rfc822;152114908701235@patient\.mssante\.fr$/m);
  const detail = (await getJson(`/messages/${list[0]!.id}`)) as { parsed: { text: string } };
  assert.ok(detail.parsed.text.includes(`car cette adresse Mon espace santé n'existe pas.`), detail.parsed.text);
});

test('XOAUTH2 with a token issued by the control API authenticates the mailbox (SC.MSS/CONF.07)', async () => {
  const issued = await fetch(`${api}/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mailbox: DR_MARTIN.user }) });
  assert.equal(issued.status, 201);
  const { access_token: accessToken } = (await issued.json()) as { access_token: string };
  const info = await transport({ user: DR_MARTIN.user, accessToken }).sendMail({ from: DR_MARTIN.user, to: LOUISE_ACTIVE, subject: 'Rappel', text: 'Bonjour Louise' });
  assert.match(info.response, /^250 /);
  assert.equal(space.store.list(LOUISE_ACTIVE).length, 1);
});

test('over 25 Mo, Mon espace santé returns « Undelivered Mail Returned to Sender » with only the headers (REG-ANR-04)', async () => {
  const big = 'A'.repeat(76).concat('\r\n').repeat(Math.ceil((25 * 1024 * 1024 + 1000) / 78));
  await transport(DR_MARTIN).sendMail({ from: DR_MARTIN.user, to: LOUISE_ACTIVE, subject: 'Imagerie', text: big });
  await space.settled();
  const bounce = space.store.list(DR_MARTIN.user, { kind: 'bounce' })[0];
  assert.ok(bounce);
  assert.equal(bounce.index.subject, 'Undelivered Mail Returned to Sender');
  assert.ok(bounce.raw.length < 100_000, `bounce of ${bounce.raw.length} bytes: the original body must not be returned`);
  assert.match(bounce.raw.toString('latin1'), /^Status: 5\.3\.4$/m);
  assert.equal(space.store.list(LOUISE_ACTIVE).length, 0);
});

test('the patient reply reaches the professional; after [FIN] the control API refuses it with the French reason (REG-FIN-01, REG-MES-04)', async () => {
  await transport(DR_MARTIN).sendMail({ from: DR_MARTIN.user, to: LOUISE_ACTIVE, subject: 'Votre traitement', text: 'Bonjour' });
  const first = space.store.list(LOUISE_ACTIVE)[0]!;
  const reply = await fetch(`${api}/patients/284034912304586/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messageId: first.id, text: 'Merci docteur' }) });
  assert.equal(reply.status, 201);
  const received = space.store.list(DR_MARTIN.user, { kind: 'message' });
  assert.equal(received.length, 1);
  assert.equal(received[0]!.index.inReplyTo, first.index.messageId);
  await transport(DR_MARTIN).sendMail({ from: DR_MARTIN.user, to: LOUISE_ACTIVE, subject: '[FIN]', text: 'Fin de notre échange' });
  const refused = await fetch(`${api}/patients/284034912304586/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messageId: first.id, text: 'Encore une question' }) });
  assert.equal(refused.status, 403);
  const body = (await refused.json()) as { error: { message: string; refusal: { code: string } } };
  assert.equal(body.error.refusal.code, 'conversation-closed');
  assert.match(body.error.message, /a mis fin à vos échanges/);
  assert.equal(space.store.list(DR_MARTIN.user, { kind: 'message' }).length, 1, 'a refused reply never reaches the professional');
});

test('the auto-reply test mailbox answers, and the answer is tied to the message (REG-MES-06)', async () => {
  const info = await transport(DR_MARTIN).sendMail({ from: DR_MARTIN.user, to: 'reponse.automatique-test@patient.mssante.fr', subject: 'Essai', text: 'Bonjour' });
  await space.settled();
  const answer = space.store.list(DR_MARTIN.user)[0];
  assert.ok(answer, 'no auto-reply');
  assert.equal(answer.index.inReplyTo, String(info.messageId).replace(/[<>]/g, ''));
  assert.equal(answer.envelope.mailFrom, '', 'auto-replies use the null reverse path (RFC 3834 §3.1.5)');
});

test('changing a patient profile through the control API changes routing; reset restores the fixtures', async () => {
  const put = await fetch(`${api}/patients/284034912304586/profile`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ state: 'closed' }) });
  assert.equal(put.status, 200);
  await transport(DR_MARTIN).sendMail({ from: DR_MARTIN.user, to: LOUISE_ACTIVE, subject: 'Rappel', text: 'Bonjour' });
  await space.settled();
  assert.match(space.store.list(DR_MARTIN.user, { kind: 'bounce' })[0]!.raw.toString('latin1'), /^Status: 5\.2\.1$/m);
  space.reset();
  assert.equal(space.view().patient('284034912304586')?.profile, 'active');
  assert.equal(space.store.count(), 0);
});
