// The authenticator over the default fixtures: each method, each failure reason, its French
// message, and the revocation callbacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import { generateCa } from '../pki/generate-certificates.ts';
import { issueClientCertificate } from '../pki/generate-client-certificate.ts';
import { createMailboxAuthenticator } from './create-mailbox-authenticator.ts';
import type { AuthRequest } from './mailbox-authenticator.ts';
import { createPsc } from './psc/create-psc.ts';
import { PSC_TEST_PASSWORD } from './psc/psc-constants.ts';
import { defaultView, FIXTURE, ISSUER, testClock, testSigningKey } from './testing/default-view.ts';

const START = new Date('2026-03-02T09:00:00Z');

async function setup() {
  const view = await defaultView();
  const clock = testClock(START.getTime());
  const psc = createPsc({ view: () => view, issuer: ISSUER, now: clock.now, signingKey: testSigningKey() });
  const settings = { passwordAuth: true };
  const ca = await generateCa(START);
  const authenticator = createMailboxAuthenticator({ view: () => view, psc, settings, clientCertificateCa: ca.certPem, now: clock.now });
  return { psc, settings, ca, authenticator, clock };
}

const peer = (pem: string) => ({ raw: new X509Certificate(pem).raw }) as PeerCertificate;
const token = (mailbox: string, accessToken: string): AuthRequest => ({ method: 'XOAUTH2', mailbox, token: accessToken, secure: true, protocol: 'imap' });
const plain = (mailbox: string, password: string, extra: Partial<AuthRequest> = {}): AuthRequest => ({ method: 'PLAIN', mailbox, password, secure: true, protocol: 'smtp', ...extra });
const outcome = (result: ReturnType<ReturnType<typeof createMailboxAuthenticator>['authenticate']>) => (result.ok ? `ok ${result.mailbox}` : `${result.reason}: ${result.message}`);

test('XOAUTH2: entitled professional, then each refusal with its reason and French message', async () => {
  const { psc, authenticator, clock } = await setup();
  const martin = psc.passwordGrant(FIXTURE.martin.idNat, PSC_TEST_PASSWORD);
  assert.deepEqual(authenticator.authenticate(token(FIXTURE.martin.per.toUpperCase(), martin.accessToken)), { ok: true, mailbox: FIXTURE.martin.per, sessionId: martin.sessionId });
  assert.equal(outcome(authenticator.authenticate(token(FIXTURE.secretariat, martin.accessToken))), `ok ${FIXTURE.secretariat}`);
  assert.equal(
    outcome(authenticator.authenticate(token(FIXTURE.camille.org, martin.accessToken))),
    `not-entitled: Paul Martin (${FIXTURE.martin.idNat}) n'est pas autorisé à utiliser la boîte « ${FIXTURE.camille.org} » : ni titulaire de la boîte, ni membre de la structure qui la détient`,
  );
  const bound = psc.mailboxGrant(FIXTURE.cpts).accessToken;
  assert.equal(outcome(authenticator.authenticate(token(FIXTURE.rousseau.per, bound))), `token-wrong-mailbox: Jeton délivré pour la boîte « ${FIXTURE.cpts} », pas pour « ${FIXTURE.rousseau.per} »`);
  assert.equal(outcome(authenticator.authenticate(token('personne@pharmacien.mssante.fr', bound))), "bad-credentials: Boîte aux lettres « personne@pharmacien.mssante.fr » inconnue de l'opérateur simulé");
  assert.equal(
    outcome(authenticator.authenticate(token(FIXTURE.dpi.address, martin.accessToken))),
    `client-certificate-required: Boîte applicative « ${FIXTURE.dpi.address} » : pas de jeton Pro Santé Connect, présentez le certificat client ORG AUTH_CLI de la boîte puis AUTH PLAIN (SC.MSS/CONF.12)`,
  );
  assert.equal(outcome(authenticator.authenticate(token(FIXTURE.martin.per, 'opaque'))), "token-invalid: Jeton Pro Santé Connect invalide (ce n'est pas un JWT (trois parties base64url)) : obtenez un nouveau jeton");
  assert.equal(outcome(authenticator.authenticate({ ...token(FIXTURE.martin.per, martin.accessToken), secure: false })), "tls-required: Authentification refusée hors TLS : passez d'abord en TLS (STARTTLS), SC.MSS/CONF.05 et CONF.06");
  clock.advance(300_000);
  assert.equal(
    outcome(authenticator.authenticate(token(FIXTURE.martin.per, martin.accessToken))),
    'token-expired: Jeton Pro Santé Connect expiré (expiré depuis 2026-03-02T09:05:00.000Z) : renouvelez-le avec le jeton de rafraîchissement',
  );
  const refreshed = psc.refreshGrant(martin.refreshToken);
  psc.revokeSession(refreshed.sessionId);
  assert.equal(
    outcome(authenticator.authenticate(token(FIXTURE.martin.per, refreshed.accessToken))),
    "token-revoked: Session Pro Santé Connect révoquée : reconnectez l'utilisateur et fermez les sessions IMAP et SMTP (SC.MSS/CONF.10)",
  );
});

test('PLAIN/LOGIN with fixture passwords while password AUTH is on; off, a strict operator refuses them', async () => {
  const { authenticator, settings } = await setup();
  const ok = authenticator.authenticate({ ...plain(FIXTURE.martin.per.toUpperCase(), FIXTURE.martin.password), method: 'LOGIN' });
  assert.equal(ok.ok && ok.mailbox, FIXTURE.martin.per);
  assert.match(ok.ok ? ok.sessionId : '', /^mot-de-passe-[0-9a-f-]{36}$/);
  assert.equal(outcome(authenticator.authenticate(plain(FIXTURE.martin.per, 'faux'))), `bad-credentials: Mot de passe incorrect pour « ${FIXTURE.martin.per} »`);
  assert.equal(outcome(authenticator.authenticate(plain('x@y.fr', 'faux'))), "bad-credentials: Boîte aux lettres « x@y.fr » inconnue de l'opérateur simulé");
  settings.passwordAuth = false;
  assert.equal(
    outcome(authenticator.authenticate(plain(FIXTURE.martin.per, FIXTURE.martin.password))),
    `password-auth-disabled: Authentification par mot de passe désactivée pour « ${FIXTURE.martin.per} » : utilisez XOAUTH2 avec un jeton Pro Santé Connect (SC.MSS/CONF.07)`,
  );
});

test('APP mailbox: client certificate naming it, then PLAIN with its password, even with password AUTH off', async () => {
  const { authenticator, settings, ca, clock } = await setup();
  const dpi = await issueClientCertificate({ mailbox: { address: FIXTURE.dpi.address } }, ca, START);
  const other = await issueClientCertificate({ mailbox: { address: FIXTURE.secretariat } }, ca, START);
  const foreign = await issueClientCertificate({ mailbox: { address: FIXTURE.dpi.address } }, await generateCa(START), START);
  const app = (certificate?: string, password: string = FIXTURE.dpi.password) => outcome(authenticator.authenticate(plain(FIXTURE.dpi.address, password, certificate ? { clientCertificate: peer(certificate) } : {})));
  settings.passwordAuth = false;
  assert.equal(app(dpi.certPem), `ok ${FIXTURE.dpi.address}`);
  assert.equal(app(dpi.certPem, 'faux'), `bad-credentials: Mot de passe incorrect pour « ${FIXTURE.dpi.address} »`);
  assert.equal(
    app(),
    `client-certificate-required: Boîte applicative « ${FIXTURE.dpi.address} » : présentez le certificat client ORG AUTH_CLI délivré pour cette boîte, puis AUTH PLAIN avec l'adresse de la boîte (SC.MSS/CONF.12)`,
  );
  const refused = `client-certificate-mismatch: Certificat client refusé pour la boîte applicative « ${FIXTURE.dpi.address} » : `;
  assert.equal(app(other.certPem), `${refused}il désigne ${FIXTURE.secretariat}, pas ${FIXTURE.dpi.address}`);
  assert.equal(app(foreign.certPem), `${refused}il n'est pas délivré par l'autorité de certification de test (IGC-Santé simulée)`);
  assert.equal(app(ca.certPem), `${refused}il n'a pas l'usage authentification client (clientAuth)`);
  clock.advance(731 * 24 * 3600 * 1000);
  assert.equal(app(dpi.certPem), `${refused}il a expiré le ${new Date(new X509Certificate(dpi.certPem).validTo).toISOString()}`);
});

test('listeners hear PSC revocations (CONF.10) and sessions the operator ends (CONF.11)', async () => {
  const { psc, authenticator } = await setup();
  const heard: string[] = [];
  authenticator.onSessionRevoked((sessionId) => heard.push(sessionId));
  const issued = psc.passwordGrant('camille', PSC_TEST_PASSWORD);
  authenticator.endSession(issued.sessionId);
  assert.equal(outcome(authenticator.authenticate(token(FIXTURE.camille.org, issued.accessToken))), `ok ${FIXTURE.camille.org}`, 'CONF.11: the token stays valid');
  psc.logout(issued.refreshToken);
  assert.deepEqual(heard, [issued.sessionId, issued.sessionId]);
});
