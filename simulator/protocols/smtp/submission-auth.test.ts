// Wire tests of AUTH on the submission endpoint (SC.MSS/CONF.07, CONF.10, CONF.12): PLAIN,
// LOGIN, XOAUTH2 with simulated Pro Santé Connect JWTs (expired, revoked, another
// professional's), APP mailboxes with and without their client certificate, password AUTH off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_AUTH_FAILURES } from '../../services/auth/auth-failure-limit.ts';
import { PSC_TEST_PASSWORD } from '../../services/auth/psc/psc-constants.ts';
import { issueClientCertificate } from '../../services/pki/generate-client-certificate.ts';
import { LIBRARY_REPLIES, xoauth2Challenge, xoauth2ChallengeLine } from './library-replies.ts';
import { REPLIES } from './replies.ts';
import { formatReply } from './smtp-reply.ts';
import { HOSTNAME, startSubmission, type TestEndpoint } from './testing/endpoint-fixture.ts';
import { APP_MAILBOX, APP_PASSWORD, CAMILLE, CAMILLE_PASSWORD, DR_MARTIN, MARTIN_IDNAT } from './testing/fake-trust-space.ts';
import { plainPayload, secureClient, xoauth2Payload } from './testing/dialogue.ts';
import { RawSmtpClient } from './testing/raw-smtp-client.ts';

/** The AUTH facts of every transcript, in order. */
function authFacts(endpoint: TestEndpoint): string[] {
  return endpoint.journal
    .connections()
    .flatMap(({ id }) => endpoint.journal.transcript(id)?.lines ?? [])
    .filter((line) => line.direction === '*' && line.text.startsWith('AUTH'))
    .map((line) => line.text);
}

const REJECTED_401 = xoauth2ChallengeLine(xoauth2Challenge('401'));
const REJECTED_400 = xoauth2ChallengeLine(xoauth2Challenge('400'));

test('AUTH PLAIN and LOGIN: good and bad credentials; password AUTH off offers PLAIN (for APP mailboxes) and XOAUTH2', async () => {
  const endpoint = await startSubmission();
  try {
    const client = await secureClient(endpoint);
    assert.deepEqual(await client.command(`AUTH PLAIN ${plainPayload(CAMILLE, 'mauvais')}`), [formatReply(REPLIES.invalidCredentials)]);
    assert.deepEqual(await client.command(`AUTH PLAIN ${plainPayload(CAMILLE, CAMILLE_PASSWORD, DR_MARTIN)}`), [formatReply(REPLIES.invalidCredentials)]);
    assert.deepEqual(await client.command('AUTH LOGIN'), ['334 VXNlcm5hbWU6']);
    assert.deepEqual(await client.command(Buffer.from(CAMILLE).toString('base64')), ['334 UGFzc3dvcmQ6']);
    assert.deepEqual(await client.command(Buffer.from('mauvais').toString('base64')), [formatReply(REPLIES.invalidCredentials)]);
    assert.deepEqual(await client.command(`AUTH LOGIN ${Buffer.from(CAMILLE).toString('base64')}`), ['334 UGFzc3dvcmQ6']);
    assert.deepEqual(await client.command(Buffer.from(CAMILLE_PASSWORD).toString('base64')), [LIBRARY_REPLIES.authSucceeded]);
    client.close();
    endpoint.settings.passwordAuth = false; // read at each new connection
    const strict = await secureClient(endpoint);
    assert.deepEqual(await strict.command('EHLO client.example').then((lines) => lines.filter((line) => line.includes('AUTH'))), ['250-AUTH PLAIN XOAUTH2']);
    assert.deepEqual(await strict.command(`AUTH PLAIN ${plainPayload(CAMILLE, CAMILLE_PASSWORD)}`), [formatReply(REPLIES.passwordAuthDisabled)]);
    assert.deepEqual(await strict.command(`AUTH LOGIN ${Buffer.from(CAMILLE).toString('base64')}`), [LIBRARY_REPLIES.authMechanismNotOffered]);
    strict.close();
    assert.deepEqual(authFacts(endpoint), [
      `AUTH PLAIN refusée pour ${CAMILLE} : Mot de passe incorrect pour « ${CAMILLE} » (bad-credentials)`,
      `AUTH PLAIN refusée pour ${CAMILLE} : identité d'autorisation différente de l'identifiant (bad-credentials)`,
      `AUTH LOGIN refusée pour ${CAMILLE} : Mot de passe incorrect pour « ${CAMILLE} » (bad-credentials)`,
      `AUTH LOGIN réussie : ${CAMILLE}`,
      `AUTH PLAIN refusée pour ${CAMILLE} : Authentification par mot de passe désactivée pour « ${CAMILLE} » : utilisez XOAUTH2 avec un jeton Pro Santé Connect (SC.MSS/CONF.07) (password-auth-disabled)`,
    ]);
  } finally {
    await endpoint.stop();
  }
});

test('the 5th failed AUTH of a connection is answered 421 and the connection closes; a new connection may try again (REG-AUTH-07)', async () => {
  const endpoint = await startSubmission();
  try {
    const client = await secureClient(endpoint);
    for (let attempt = 1; attempt < MAX_AUTH_FAILURES; attempt += 1) assert.deepEqual(await client.command(`AUTH PLAIN ${plainPayload(CAMILLE, `mauvais-${attempt}`)}`), [formatReply(REPLIES.invalidCredentials)]);
    assert.deepEqual(await client.command(`AUTH PLAIN ${plainPayload(CAMILLE, CAMILLE_PASSWORD, DR_MARTIN)}`), [formatReply(REPLIES.tooManyAuthFailures(MAX_AUTH_FAILURES))]);
    await client.waitClosed();
    const again = await secureClient(endpoint);
    assert.deepEqual(await again.command(`AUTH PLAIN ${plainPayload(CAMILLE, CAMILLE_PASSWORD)}`), [LIBRARY_REPLIES.authSucceeded]);
    again.close();
  } finally {
    await endpoint.stop();
  }
});

test('AUTH XOAUTH2: good JWT; expired JWT and a token bound to another mailbox get the JSON challenge then 535', async () => {
  let now = Date.parse('2026-03-01T10:00:00Z');
  const endpoint = await startSubmission({ now: () => new Date(now), settings: { passwordAuth: false } });
  try {
    const good = endpoint.psc.mailboxGrant(CAMILLE, { ttlSeconds: 60 });
    const client = await secureClient(endpoint);
    assert.deepEqual(await client.command(`AUTH XOAUTH2 ${xoauth2Payload(DR_MARTIN, good.accessToken)}`), [REJECTED_400]);
    assert.deepEqual(await client.command(''), [LIBRARY_REPLIES.xoauth2Rejected]);
    assert.deepEqual(await client.command(`AUTH XOAUTH2 ${xoauth2Payload(CAMILLE, good.accessToken)}`), [LIBRARY_REPLIES.authSucceeded]);
    client.close();
    now += 60_000;
    const late = await secureClient(endpoint);
    assert.deepEqual(await late.command(`AUTH XOAUTH2 ${xoauth2Payload(CAMILLE, good.accessToken)}`), [REJECTED_401]);
    assert.equal(REJECTED_401, `334 ${Buffer.from('{"status":"401","schemes":"bearer","scope":"openid"}').toString('base64')}`);
    assert.deepEqual(await late.command(''), [LIBRARY_REPLIES.xoauth2Rejected]);
    late.close();
    assert.deepEqual(authFacts(endpoint), [
      `AUTH XOAUTH2 refusée pour ${DR_MARTIN} : Jeton délivré pour la boîte « ${CAMILLE} », pas pour « ${DR_MARTIN} » (token-wrong-mailbox)`,
      `AUTH XOAUTH2 réussie : ${CAMILLE} (session Pro Santé Connect ${good.sessionId})`,
      `AUTH XOAUTH2 refusée pour ${CAMILLE} : Jeton Pro Santé Connect expiré (expiré depuis 2026-03-01T10:01:00.000Z) : renouvelez-le avec le jeton de rafraîchissement (token-expired)`,
    ]);
  } finally {
    await endpoint.stop();
  }
});

test('XOAUTH2 with another professional’s token is refused (400); his own mailbox is accepted', async () => {
  const endpoint = await startSubmission();
  try {
    const martin = endpoint.psc.passwordGrant(MARTIN_IDNAT, PSC_TEST_PASSWORD);
    const client = await secureClient(endpoint);
    assert.deepEqual(await client.command(`AUTH XOAUTH2 ${xoauth2Payload(CAMILLE, martin.accessToken)}`), [REJECTED_400]);
    assert.deepEqual(await client.command(''), [LIBRARY_REPLIES.xoauth2Rejected]);
    assert.deepEqual(await client.command(`AUTH XOAUTH2 ${xoauth2Payload(DR_MARTIN, martin.accessToken)}`), [LIBRARY_REPLIES.authSucceeded]);
    client.close();
    assert.equal(
      authFacts(endpoint)[0],
      `AUTH XOAUTH2 refusée pour ${CAMILLE} : Jean Martin (${MARTIN_IDNAT}) n'est pas autorisé à utiliser la boîte « ${CAMILLE} » : ni titulaire de la boîte, ni membre de la structure qui la détient (not-entitled)`,
    );
  } finally {
    await endpoint.stop();
  }
});

test('a revoked PSC session: the connection it opened can no longer send, and its tokens are refused (SC.MSS/CONF.10)', async () => {
  const endpoint = await startSubmission();
  try {
    const issued = endpoint.psc.mailboxGrant(CAMILLE);
    const client = await secureClient(endpoint);
    assert.deepEqual(await client.command(`AUTH XOAUTH2 ${xoauth2Payload(CAMILLE, issued.accessToken)}`), [LIBRARY_REPLIES.authSucceeded]);
    endpoint.psc.revokeSession(issued.sessionId);
    assert.deepEqual(await client.command(`MAIL FROM:<${CAMILLE}>`), [formatReply(REPLIES.sessionRevoked(CAMILLE))]);
    client.close();
    const again = await secureClient(endpoint);
    assert.deepEqual(await again.command(`AUTH XOAUTH2 ${xoauth2Payload(CAMILLE, issued.accessToken)}`), [REJECTED_401]);
    assert.deepEqual(await again.command(''), [LIBRARY_REPLIES.xoauth2Rejected]);
    again.close();
    assert.equal(
      authFacts(endpoint)[1],
      `AUTH XOAUTH2 refusée pour ${CAMILLE} : Session Pro Santé Connect révoquée : reconnectez l'utilisateur et fermez les sessions IMAP et SMTP (SC.MSS/CONF.10) (token-revoked)`,
    );
  } finally {
    await endpoint.stop();
  }
});

test('the operator ends a session whose tokens stay valid: the cut connection cannot send, a new one authenticated since can (SC.MSS/CONF.11)', async () => {
  const endpoint = await startSubmission();
  try {
    const issued = endpoint.psc.mailboxGrant(CAMILLE);
    const client = await secureClient(endpoint);
    assert.deepEqual(await client.command(`AUTH XOAUTH2 ${xoauth2Payload(CAMILLE, issued.accessToken)}`), [LIBRARY_REPLIES.authSucceeded]);
    endpoint.authenticator.endSession(issued.sessionId);
    assert.deepEqual(await client.command(`MAIL FROM:<${CAMILLE}>`), [formatReply(REPLIES.sessionRevoked(CAMILLE))]);
    client.close();
    const again = await secureClient(endpoint);
    assert.deepEqual(await again.command(`AUTH XOAUTH2 ${xoauth2Payload(CAMILLE, issued.accessToken)}`), [LIBRARY_REPLIES.authSucceeded]);
    assert.match((await again.command(`MAIL FROM:<${CAMILLE}>`))[0] ?? '', /^250 /);
    again.close();
  } finally {
    await endpoint.stop();
  }
});

/** Connected with the APP mailbox's (or another) client certificate presented during STARTTLS. */
async function clientWithCertificate(endpoint: TestEndpoint, certificate?: { certPem: string; keyPem: string }): Promise<RawSmtpClient> {
  const { client } = await RawSmtpClient.connect(endpoint.port);
  await client.command('EHLO client.example');
  await client.startTls(endpoint.caPem, HOSTNAME, certificate ? { cert: certificate.certPem, key: certificate.keyPem } : {});
  await client.command('EHLO client.example');
  return client;
}

test('APP mailbox: PLAIN only with its client certificate, even with password AUTH off (SC.MSS/CONF.12)', async () => {
  const endpoint = await startSubmission({ settings: { passwordAuth: false } });
  try {
    const withoutCertificate = await clientWithCertificate(endpoint);
    assert.deepEqual(await withoutCertificate.command(`AUTH PLAIN ${plainPayload(APP_MAILBOX, APP_PASSWORD)}`), [formatReply(REPLIES.clientCertificateRequired)]);
    withoutCertificate.close();
    const camilleCertificate = await issueClientCertificate({ mailbox: { address: CAMILLE } }, endpoint.pki.ca, new Date());
    const wrongCertificate = await clientWithCertificate(endpoint, camilleCertificate);
    assert.deepEqual(await wrongCertificate.command(`AUTH PLAIN ${plainPayload(APP_MAILBOX, APP_PASSWORD)}`), [formatReply(REPLIES.clientCertificateMismatch)]);
    wrongCertificate.close();
    const app = await clientWithCertificate(endpoint, endpoint.pki.appClient);
    assert.deepEqual(await app.command(`AUTH PLAIN ${plainPayload(APP_MAILBOX, APP_PASSWORD)}`), [LIBRARY_REPLIES.authSucceeded]);
    assert.deepEqual(await app.command(`MAIL FROM:<${APP_MAILBOX}>`), [LIBRARY_REPLIES.accepted]);
    app.close();
    assert.deepEqual(authFacts(endpoint), [
      `AUTH PLAIN refusée pour ${APP_MAILBOX} : Boîte applicative « ${APP_MAILBOX} » : présentez le certificat client ORG AUTH_CLI délivré pour cette boîte, puis AUTH PLAIN avec l'adresse de la boîte (SC.MSS/CONF.12) (client-certificate-required)`,
      `AUTH PLAIN refusée pour ${APP_MAILBOX} : Certificat client refusé pour la boîte applicative « ${APP_MAILBOX} » : il désigne ${CAMILLE}, pas ${APP_MAILBOX} (client-certificate-mismatch)`,
      `AUTH PLAIN réussie : ${APP_MAILBOX}`,
    ]);
  } finally {
    await endpoint.stop();
  }
});
