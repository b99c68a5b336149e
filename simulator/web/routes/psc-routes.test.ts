// The simulated Pro Santé Connect over real HTTP (simulator/web/http-server.ts on 127.0.0.1:0):
// discovery, JWKS checked by jose's remote key set, the token endpoint's grants and RFC 6749
// §5.2 errors, logout and revocation, the control API over sessions and client certificates.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { createMailboxAuthenticator } from '../../services/auth/create-mailbox-authenticator.ts';
import { createPsc, type Psc } from '../../services/auth/psc/create-psc.ts';
import { PSC_REALM_PATH, PSC_TEST_PASSWORD } from '../../services/auth/psc/psc-constants.ts';
import { defaultView, FIXTURE, testSigningKey } from '../../services/auth/testing/default-view.ts';
import { createClientCertificateStore } from '../../services/pki/client-certificates.ts';
import { generateCa } from '../../services/pki/generate-certificates.ts';
import { startHttpServer, type RunningHttpServer } from '../http-server.ts';
import { clientCertificateRoutes } from './client-certificate-routes.ts';
import { pscRoutes } from './psc-routes.ts';
import { pscSessionRoutes } from './psc-session-routes.ts';

let server: RunningHttpServer;
let psc: Psc;
let dir: string;
const ended: string[] = [];
let issuer = '';

before(async () => {
  const view = await defaultView();
  psc = createPsc({ view: () => view, issuer: () => issuer, signingKey: testSigningKey() });
  const ca = await generateCa(new Date());
  const authenticator = createMailboxAuthenticator({ view: () => view, psc, settings: { passwordAuth: true }, clientCertificateCa: ca.certPem });
  authenticator.onSessionRevoked((sessionId) => ended.push(sessionId));
  dir = await mkdtemp(join(tmpdir(), 'mss-psc-routes-'));
  const clientCertificates = createClientCertificateStore({ dir, ca, now: () => new Date() });
  const routes = [...pscRoutes(psc), ...pscSessionRoutes({ psc, authenticator }), ...clientCertificateRoutes({ view: () => view, clientCertificates, caCertPem: ca.certPem })];
  server = await startHttpServer({ host: '127.0.0.1', port: 0, routes });
  issuer = `${server.baseUrl}${PSC_REALM_PATH}`;
});

after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const realm = (path: string) => `${issuer}${path}`;
const jsonOf = (response: Response): Promise<any> => response.json();

async function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(realm(path), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

test('discovery names the endpoints; a password-grant token verifies with jose against the published JWKS', async () => {
  const discovery = await jsonOf(await fetch(realm('/.well-known/openid-configuration')));
  assert.equal(discovery.issuer, issuer);
  assert.equal(discovery.token_endpoint, realm('/protocol/openid-connect/token'));
  assert.deepEqual(discovery.grant_types_supported, ['password', 'refresh_token', 'urn:simulateur:mailbox']);
  const answer = await post('/protocol/openid-connect/token', { grant_type: 'password', username: FIXTURE.rousseau.idNat, password: PSC_TEST_PASSWORD, client_id: 'logiciel-de-cabinet' });
  assert.equal(answer.status, 200);
  assert.deepEqual([answer.headers.get('cache-control'), answer.headers.get('pragma')], ['no-store', 'no-cache']);
  assert.deepEqual(Object.keys(answer.body).sort(), ['access_token', 'expires_in', 'refresh_expires_in', 'refresh_token', 'scope', 'session_state', 'token_type']);
  assert.deepEqual([answer.body.token_type, answer.body.expires_in, answer.body.refresh_expires_in, answer.body.scope], ['Bearer', 300, 1800, 'openid']);
  const { payload } = await jwtVerify(answer.body.access_token, createRemoteJWKSet(new URL(discovery.jwks_uri)), { issuer, audience: 'mssante-api-lps' });
  assert.deepEqual([payload.preferred_username, payload.azp, payload.sid], [FIXTURE.rousseau.idNat, 'logiciel-de-cabinet', answer.body.session_state]);
});

test('refresh rotation over HTTP; reuse, bad password, unknown grant and non-form bodies get RFC 6749 §5.2 errors', async () => {
  const basic = `Basic ${Buffer.from('logiciel:secret').toString('base64')}`;
  const first = (await post('/protocol/openid-connect/token', { grant_type: 'password', username: 'sophie', password: PSC_TEST_PASSWORD }, { authorization: basic })).body;
  const second = await post('/protocol/openid-connect/token', { grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: 'logiciel' });
  assert.equal(second.status, 200);
  assert.notEqual(second.body.refresh_token, first.refresh_token);
  const reuse = await post('/protocol/openid-connect/token', { grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: 'logiciel' });
  assert.deepEqual([reuse.status, reuse.body.error], [400, 'invalid_grant']);
  assert.match(reuse.body.error_description, /^Jeton de rafraîchissement déjà utilisé/);
  const wrong = await post('/protocol/openid-connect/token', { grant_type: 'password', username: 'sophie', password: 'faux' });
  assert.deepEqual([wrong.status, wrong.body.error, wrong.headers.get('pragma')], [400, 'invalid_grant', 'no-cache']);
  const grant = await post('/protocol/openid-connect/token', { grant_type: 'client_credentials' });
  assert.deepEqual(grant.body, { error: 'unsupported_grant_type', error_description: "Type d'autorisation « client_credentials » non pris en charge : password, refresh_token, urn:simulateur:mailbox." });
  const missing = await post('/protocol/openid-connect/token', { grant_type: 'password', password: PSC_TEST_PASSWORD });
  assert.deepEqual(missing.body, { error: 'invalid_request', error_description: 'Paramètre « username » manquant : voir le document de découverte OpenID Connect.' });
  const jsonBody = await fetch(realm('/protocol/openid-connect/token'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.deepEqual([jsonBody.status, (await jsonOf(jsonBody)).error], [400, 'invalid_request']);
  const app = await post('/protocol/openid-connect/token', { grant_type: 'urn:simulateur:mailbox', mailbox: FIXTURE.dpi.address });
  assert.deepEqual([app.status, app.body.error], [400, 'invalid_grant']);
  const browser = await fetch(realm('/protocol/openid-connect/auth'));
  assert.deepEqual([browser.status, (await jsonOf(browser)).error], [400, 'unsupported_response_type']);
});

test('logout and revocation end the session; the control API lists, revokes and ends the connections of sessions', async () => {
  const login = async () => (await post('/protocol/openid-connect/token', { grant_type: 'urn:simulateur:mailbox', mailbox: FIXTURE.cpts, ttl_seconds: '120' })).body;
  const a = await login();
  assert.equal(a.expires_in, 120);
  assert.equal((await post('/protocol/openid-connect/logout', { refresh_token: a.refresh_token })).status, 204);
  const after = await post('/protocol/openid-connect/token', { grant_type: 'refresh_token', refresh_token: a.refresh_token });
  assert.deepEqual([after.status, after.body.error], [400, 'invalid_grant']);
  const b = await login();
  assert.equal((await post('/protocol/openid-connect/revoke', { token: b.access_token })).status, 200);
  assert.equal((await post('/protocol/openid-connect/revoke', { token: 'inconnu' })).status, 200);
  const c = await login();
  const listed = await jsonOf(await fetch(`${server.baseUrl}/api/psc/sessions`));
  assert.deepEqual(listed.find((s: { sessionId: string }) => s.sessionId === c.session_state)?.revokedAt, null);
  assert.equal((await fetch(`${server.baseUrl}/api/psc/sessions/${c.session_state}/end-connections`, { method: 'POST' })).status, 204);
  assert.equal(psc.verifyAccessToken(c.access_token).ok, true, 'CONF.11: ending connections keeps the tokens valid');
  assert.equal((await fetch(`${server.baseUrl}/api/psc/sessions/${c.session_state}`, { method: 'DELETE' })).status, 204);
  assert.deepEqual(psc.verifyAccessToken(c.access_token), { ok: false, reason: 'token-revoked', detail: 'session Pro Santé Connect terminée' });
  assert.deepEqual(ended.slice(-4), [a.session_state, b.session_state, c.session_state, c.session_state]);
  const unknown = await fetch(`${server.baseUrl}/api/psc/sessions/inconnue`, { method: 'DELETE' });
  assert.deepEqual([unknown.status, (await jsonOf(unknown)).error.code], [404, 'MSS_SIM_API_UNKNOWN_PSC_SESSION']);
});

test('GET /api/pki/client-certificates/{mailbox}: certificate and key of an APP mailbox; 409 for others, 404 unknown', async () => {
  const answer = await fetch(`${server.baseUrl}/api/pki/client-certificates/${encodeURIComponent(FIXTURE.dpi.address.toUpperCase())}`);
  assert.equal(answer.status, 200);
  const body = await jsonOf(answer);
  assert.deepEqual(Object.keys(body), ['mailbox', 'certificatePem', 'privateKeyPem', 'caCertificatePem', 'notAfter', 'files']);
  assert.equal(body.mailbox, FIXTURE.dpi.address);
  assert.equal(new X509Certificate(body.certificatePem).subject, `C=FR\nO=Centre hospitalier de Valbrume\nOU=499900033\nCN=${FIXTURE.dpi.address}`);
  assert.match(body.privateKeyPem, /^-----BEGIN PRIVATE KEY-----/);
  assert.equal(body.files.certificate, join(dir, 'clients', `${FIXTURE.dpi.address}.crt.pem`));
  const org = await fetch(`${server.baseUrl}/api/pki/client-certificates/${FIXTURE.secretariat}`);
  assert.deepEqual([org.status, (await jsonOf(org)).error.code], [409, 'MSS_SIM_API_NOT_APP_MAILBOX']);
  const unknown = await fetch(`${server.baseUrl}/api/pki/client-certificates/personne@ch-valbrume.mssante.fr`);
  assert.deepEqual([unknown.status, (await jsonOf(unknown)).error.code], [404, 'MSS_SIM_API_UNKNOWN_MAILBOX']);
});
