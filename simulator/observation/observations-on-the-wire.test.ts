// Every kind of observation, emitted with the right fields by a real trust space driven over the
// wire: SMTP submission (nodemailer: STARTTLS, AUTH), a refused handshake, IMAP (imapflow with a
// Pro Santé Connect token), Mon espace santé actions (two refusals at once, each tied to its own
// action), the Annuaire Santé over HTTP, the token lifecycle, a delivery receipt, an interrupted
// DATA, profile change and reset. The
// ClientHello offer has its own wire test with openssl (client-hello tests).
import assert from 'node:assert/strict';
import { createConnection } from 'node:net';
import tls from 'node:tls';
import { after, before, beforeEach, test } from 'node:test';
import { ImapFlow } from 'imapflow';
import { DEFAULT_DIRECTORY_API_KEY } from '../services/directory/create-directory-service.ts';
import { startTrustSpace } from '../trust-space/start-trust-space.ts';
import { submitAs } from '../trust-space/testing/submit-as.ts';
import type { RunningTrustSpace } from '../trust-space/trust-space.ts';
import type { Observation, ObservationOf, ObservationType, Observed } from './observation.ts';
import { processTempDir } from '../cli/process-temp-dir.ts';

const DR_MARTIN = { address: 'paul.martin@ch-valbrume.mssante.fr', password: 'test-paul-martin' };
const LOUISE = '284034912304586@patient.mssante.fr';
const GERARD_OPPOSED = '152114908701235@patient.mssante.fr';
const OUTSIDE = 'contact@exemple-hors-espace.fr';

let space: RunningTrustSpace;
let seen: Observed[] = [];

before(async () => {
  space = await startTrustSpace({ dataDir: processTempDir('mss-observations-') });
  space.observations.onAny((o) => seen.push(o));
});
beforeEach(() => {
  space.reset();
  seen = [];
});
after(() => space.stop());

function ofType<K extends ObservationType>(type: K): Observed<ObservationOf<K>>[] {
  return seen.filter((o): o is Observed<ObservationOf<K>> => o.type === type);
}

function without<T extends Observation>(o: Observed<T>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([key]) => !['seq', 'at', 'connectionId', ...keys].includes(key)));
}

test('SMTP submission: connection, TLS, AUTH, exchanges, the accepted message, its copies, the bounce with its reason, the RCPT refusal', async () => {
  const sent = await submitAs(space, DR_MARTIN, { to: [LOUISE, GERARD_OPPOSED, OUTSIDE], subject: 'Résultats', text: 'Bonjour.' });
  assert.ok(sent.accepted, sent.response);
  await space.settled();
  const [opened] = ofType('connection-opened');
  assert.deepEqual(without(opened!, 'remoteAddress'), { type: 'connection-opened', protocol: 'smtp', endpoint: 'submission' });
  const connectionId = opened!.connectionId;
  const [established] = ofType('tls-established');
  assert.equal(established?.connectionId, connectionId);
  assert.match(established?.protocol ?? '', /^TLSv1\.[23]$/);
  assert.match(established?.cipherSuite ?? '', /^TLS_/);
  const [hello] = ofType('tls-client-hello');
  assert.equal(hello?.connectionId, connectionId, 'the ClientHello offer is observed before the handshake');
  assert.equal(hello?.offer.kind, 'client-hello');
  assert.deepEqual(ofType('auth').map((o) => without(o, 'sessionId')), [{ type: 'auth', protocol: 'smtp', mechanism: 'PLAIN', identity: DR_MARTIN.address, outcome: 'success', mailbox: DR_MARTIN.address }]);
  const refusal = ofType('smtp-exchange').find((e) => e.verb === 'RCPT' && e.code >= 400);
  assert.deepEqual(refusal && without(refusal, 'argument', 'text', 'detail'), { type: 'smtp-exchange', endpoint: 'submission', verb: 'RCPT', address: OUTSIDE, transactionSender: DR_MARTIN.address, code: 550, enhanced: '5.7.1' });
  assert.match(refusal?.detail ?? '', /n'est pas dans la liste blanche/);
  assert.deepEqual(ofType('smtp-refusal').map((o) => [o.connectionId, o.code, o.enhanced, o.detail]), [[refusal?.connectionId, 550, '5.7.1', refusal?.detail]]);
  const dataEnd = ofType('smtp-exchange').find((e) => e.verb === 'DATA-END');
  assert.equal(dataEnd?.code, 250);
  const [accepted] = ofType('message-accepted');
  assert.equal(accepted?.transmission.connectionId, connectionId);
  assert.deepEqual(accepted?.transmission.outcomes.map((o) => [o.recipient, o.outcome]), [[LOUISE, 'delivered'], [GERARD_OPPOSED, 'bounced']]);
  assert.deepEqual(ofType('message-stored').map((o) => [o.message.mailbox, o.message.kind]), [[LOUISE, 'message'], [DR_MARTIN.address, 'bounce']]);
  const [report] = ofType('report-issued');
  assert.equal(report?.kind, 'bounce');
  assert.equal(report?.transmissionId, accepted?.transmission.id);
  assert.deepEqual(report?.recipients.map((r) => [r.recipient, r.reason, r.status]), [[GERARD_OPPOSED, 'patient-opposed', '5.1.1']]);
  assert.match(report?.recipients[0]?.sentence ?? '', /car cette adresse Mon espace santé n'existe pas\.$/);
  assert.ok(ofType('protocol-line').some((l) => l.connectionId === connectionId && l.direction === 'C' && l.text.startsWith('EHLO')));
  for (let i = 0; i < 200 && !ofType('connection-closed').some((o) => o.connectionId === connectionId); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(ofType('connection-closed').some((o) => o.connectionId === connectionId), 'the closed connection is observed');
});

test('a wrong password: AUTH failure with its reason; a client refusing the certificate: tls-failed', async () => {
  const refused = await submitAs(space, { ...DR_MARTIN, password: 'faux' }, { to: [LOUISE], subject: 'x', text: 'x' });
  assert.equal(refused.accepted, false);
  assert.deepEqual(ofType('auth').map((o) => [o.outcome, o.reason, o.identity]), [['failure', 'bad-credentials', DR_MARTIN.address]]);
  await new Promise<void>((resolve) => {
    const { host, port } = space.endpoints.imaps;
    const socket = tls.connect({ host, port, rejectUnauthorized: true }); // the test CA is not trusted here
    socket.on('error', () => resolve());
  });
  for (let i = 0; i < 100 && ofType('tls-failed').length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(ofType('tls-failed').length, 1, 'the refused handshake is observed');
});

test('IMAP with a Pro Santé Connect token: token issued, IMAP connection, AUTH, each command with its status', async () => {
  const response = await fetch(`${space.endpoints.http.baseUrl}/api/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mailbox: DR_MARTIN.address }) });
  const { access_token: accessToken, session_id: sessionId } = (await response.json()) as { access_token: string; session_id: string };
  assert.deepEqual(ofType('token').map((o) => [o.event, o.sessionId, o.subject]), [['issued', sessionId, DR_MARTIN.address]]);
  const { host, port } = space.endpoints.imaps;
  const client = new ImapFlow({ host, port, secure: true, tls: { ca: [space.caCertPem] }, auth: { user: DR_MARTIN.address, accessToken }, logger: false });
  await client.connect();
  const lock = await client.getMailboxLock('INBOX');
  lock.release();
  await client.logout();
  assert.deepEqual(ofType('connection-opened').map((o) => [o.protocol, o.endpoint]), [['imap', 'imaps']]);
  assert.deepEqual(ofType('auth').map((o) => [o.protocol, o.mechanism, o.outcome, o.mailbox, o.sessionId]), [['imap', 'XOAUTH2', 'success', DR_MARTIN.address, sessionId]]);
  const commands = ofType('imap-command').map((o) => [o.verb, o.status]);
  assert.ok(commands.some(([verb, status]) => verb === 'SELECT' && status === 'OK'), JSON.stringify(commands));
  assert.deepEqual(commands.at(-1), ['LOGOUT', 'OK']);
  const revoked = await fetch(`${space.endpoints.http.baseUrl}/api/psc/sessions/${sessionId}`, { method: 'DELETE' });
  assert.equal(revoked.status, 204);
  assert.deepEqual(ofType('token').at(-1) && [ofType('token').at(-1)?.event, ofType('token').at(-1)?.sessionId], ['revoked', sessionId]);
});

test('two patient actions refused at once: each observation carries its own action, target and reason', async () => {
  const [first, second] = await Promise.all([
    space.mes.write({ ins: '284034912304586', to: DR_MARTIN.address, subject: 'Question', text: 'Bonjour.' }),
    space.mes.write({ ins: '284034912304586', to: 'inconnu@pharmacien.mssante.fr', subject: 'Autre', text: 'Bonjour.' }),
  ]);
  assert.equal(first.accepted, false);
  assert.equal(second.accepted, false);
  const actions = ofType('patient-action');
  assert.equal(new Set(actions.map((a) => a.actionId)).size, 2);
  assert.deepEqual(actions.map((a) => [a.outcome, a.action, a.target, a.subject]), [['refused', 'write', DR_MARTIN.address, 'Question'], ['refused', 'write', 'inconnu@pharmacien.mssante.fr', 'Autre']]);
  assert.deepEqual(actions.map((a) => a.refusal?.message), [first.accepted ? '' : first.refusal.message, second.accepted ? '' : second.refusal.message]);
  const accepted = await space.mes.write({ ins: '284034912304586', to: 'pharmacie.duparc@pharmacien.mssante.fr', subject: 'Ordonnance', text: 'Bonjour.' });
  assert.equal(accepted.accepted, true);
  assert.deepEqual(ofType('patient-action').at(-1) && [ofType('patient-action').at(-1)?.outcome, ofType('patient-action').at(-1)?.storeId], ['accepted', accepted.accepted ? accepted.storeId : '']);
});

test('an Annuaire Santé search, a profile change and a reset are observed', async () => {
  const url = `${space.endpoints.http.baseUrl}/fhir/v2/Organization?address-postalcode=17000&_count=5`;
  const response = await fetch(url, { headers: { 'ESANTE-API-KEY': DEFAULT_DIRECTORY_API_KEY } });
  assert.equal(response.status, 200);
  assert.deepEqual(ofType('directory-request').map((o) => without(o)), [{ type: 'directory-request', method: 'GET', route: '/fhir/v2/Organization', parameters: { 'address-postalcode': '17000', _count: '5' }, status: 200 }]);
  space.setPatientProfile('284034912304586', 'closed');
  assert.deepEqual(ofType('patient-profile-changed').map((o) => without(o)), [{ type: 'patient-profile-changed', ins: '284034912304586', state: 'closed' }]);
  space.reset();
  assert.equal(seen.at(-1)?.type, 'trust-space-reset');
  assert.deepEqual(space.observations.list('directory-request'), [], 'the kept observations are emptied by the reset');
});

test('a delivery receipt, a refreshed token, connections ended by the operator and an interrupted DATA are observed', async () => {
  const sent = await submitAs(space, DR_MARTIN, { to: [LOUISE], subject: 'Avec accusé', text: 'Bonjour.', headers: { 'Return-Receipt-To': DR_MARTIN.address } });
  assert.ok(sent.accepted, sent.response);
  await space.settled();
  const receipt = ofType('report-issued').find((o) => o.kind === 'receipt');
  assert.deepEqual(receipt?.recipients, [{ recipient: LOUISE, status: '2.0.0' }]);

  const base = space.endpoints.http.baseUrl;
  const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  const tokenUrl = `${base}/psc/auth/realms/esante-wallet/protocol/openid-connect/token`;
  const issued = (await (await fetch(tokenUrl, form({ grant_type: 'password', username: 'dr-martin', password: 'psc-test', client_id: 'mon-logiciel' }))).json()) as { refresh_token: string; session_state?: string };
  const refreshed = await fetch(tokenUrl, form({ grant_type: 'refresh_token', refresh_token: issued.refresh_token, client_id: 'mon-logiciel' }));
  assert.equal(refreshed.status, 200);
  const [opened, renewed] = ofType('token');
  assert.deepEqual([opened?.event, opened?.subject, renewed?.event, renewed?.sessionId], ['issued', 'dr-martin', 'refreshed', opened?.sessionId]);
  const ended = await fetch(`${base}/api/psc/sessions/${opened?.sessionId}/end-connections`, { method: 'POST' });
  assert.equal(ended.status, 204);
  assert.deepEqual([ofType('token').at(-1)?.event, ofType('token').at(-1)?.sessionId], ['connections-ended', opened?.sessionId]);

  const { host, port } = space.endpoints.peer;
  const socket = createConnection({ host, port });
  const say = (line: string) => new Promise<void>((resolve) => socket.write(`${line}\r\n`, () => resolve()));
  await new Promise((resolve) => socket.once('data', resolve));
  for (const line of ['EHLO mta.operateur-b.test', 'MAIL FROM:<x@ch-valbrume.mssante.fr>', `RCPT TO:<${LOUISE}>`, 'DATA']) {
    await say(line);
    await new Promise((resolve) => socket.once('data', resolve));
  }
  await say('Subject: interrompu\r\n\r\ndébut');
  socket.destroy();
  for (let i = 0; i < 200 && !ofType('connection-note').some((o) => o.text.startsWith('connexion interrompue pendant DATA')); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(ofType('connection-note').some((o) => o.text.startsWith('connexion interrompue pendant DATA')), 'the interrupted DATA is a connection note');
});
