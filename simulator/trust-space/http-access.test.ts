// The HTTP port's access rules end to end through the composition root: a DNS-rebinding request
// (a page of evil.example whose name resolves to 127.0.0.1) is refused before anything runs, and
// with the token required (the off-loopback rules; here on 127.0.0.1 with requireToken, as
// --exiger-jeton does) every read but the UI shell, /ca.crt, the OIDC discovery and the public
// publications needs it.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { PSC_ENDPOINTS, PSC_REALM_PATH } from '../services/auth/psc/psc-constants.ts';
import { DEFAULT_DIRECTORY_API_KEY } from '../services/directory/create-directory-service.ts';
import { startTrustSpace } from './start-trust-space.ts';
import type { RunningTrustSpace } from './trust-space.ts';
import { processTempDir } from '../cli/process-temp-dir.ts';

const LOUISE = '284034912304586';
const TOKEN = 'jeton-de-formation-0123456789';

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A raw HTTP exchange, so that `Host` is what a rebinding browser sends (fetch sets its own). */
function send(baseUrl: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: url.hostname, port: url.port, method, path, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.setTimeout(10_000, () => outgoing.destroy(new Error(`${method} ${path}: no answer within 10 s`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Bytes as written, for what no HTTP client sends (two Host lines); the whole answer as text. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
    socket.on('error', reject);
  });
}

describe('DNS rebinding: a Host the simulator does not answer to is refused (421)', () => {
  let space: RunningTrustSpace;
  before(async () => {
    space = await startTrustSpace({ dataDir: processTempDir('mss-sim-host-') });
  });
  after(() => space.stop());

  test('reads, login tokens, profile changes and the publications are all refused under evil.example', async () => {
    const base = space.endpoints.http.baseUrl;
    const evil = { host: `evil.example:${new URL(base).port}`, origin: `http://evil.example:${new URL(base).port}` };
    const attempts: [string, string, string?][] = [
      ['GET', `/api/mailboxes/${LOUISE}%40patient.mssante.fr/messages`],
      ['POST', '/api/tokens', JSON.stringify({ mailbox: 'paul.martin@ch-valbrume.mssante.fr' })],
      ['PUT', `/api/patients/${LOUISE}/profile`, JSON.stringify({ state: 'closed' })],
      ['GET', '/'],
      ['GET', '/listeblanchemssante.xml'],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await send(base, method, path, evil, body);
      assert.equal(answer.status, 421, `${method} ${path}`);
      const error = (JSON.parse(answer.body) as { error: { code: string; message: string } }).error;
      assert.equal(error.code, 'MSS_SIM_API_HOST_NOT_ALLOWED');
      assert.match(error.message, /^Nom d'hôte « evil\.example:\d+ » refusé : .*DNS rebinding.*--nom-hote/);
    }
    assert.equal(space.view().patient(LOUISE)?.profile, 'active', 'the profile did not change');
    assert.equal(space.psc.sessions().length, 0, 'no login token was issued');
    for (const host of ['localhost', '127.0.0.1', `127.0.0.1:${new URL(base).port}`, 'mssante.simulateur.test']) {
      assert.equal((await send(base, 'GET', '/api/journal', { host })).status, 200, host);
    }
  });

  test('an absolute-form target is judged by its own name, and a request with two Host lines is refused (400)', async () => {
    const base = space.endpoints.http.baseUrl;
    const port = new URL(base).port;
    const absolute = await send(base, 'GET', `http://evil.example:${port}/api/journal`, { host: `localhost:${port}` });
    assert.equal(absolute.status, 421);
    assert.equal((JSON.parse(absolute.body) as { error: { code: string } }).error.code, 'MSS_SIM_API_HOST_NOT_ALLOWED');
    assert.equal((await send(base, 'GET', `http://localhost:${port}/api/journal`, { host: 'evil.example' })).status, 200);
    const twice = await rawExchange(Number(port), `GET /api/journal HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
    assert.match(twice, /^HTTP\/1\.1 400 /);
    assert.match(twice, /"code":"MSS_SIM_API_HOST_REPEATED".*2 en-têtes Host \(« localhost », « evil\.example »\)/s);
  });

  test('autoconfig.<domain> is accepted for a domain the trust space hosts (Thunderbird), not for another', async () => {
    const base = space.endpoints.http.baseUrl;
    const hosted = await send(base, 'GET', '/mail/config-v1.1.xml', { host: 'autoconfig.pharmacien.mssante.fr' });
    assert.equal(hosted.status, 200);
    assert.match(hosted.body, /<domain>pharmacien\.mssante\.fr<\/domain>/);
    assert.equal((await send(base, 'GET', '/mail/config-v1.1.xml', { host: 'autoconfig.evil.example' })).status, 421);
  });
});

describe('with the token required, reads need it too', () => {
  let space: RunningTrustSpace;
  before(async () => {
    space = await startTrustSpace({ dataDir: processTempDir('mss-sim-token-'), requireToken: true, actionToken: TOKEN });
  });
  after(() => space.stop());

  test('patient messages, journal, transmissions, client-certificate keys, the live flow and PSC tokens are refused without it', async () => {
    const base = space.endpoints.http.baseUrl;
    const reads = [
      `/api/mailboxes/${LOUISE}%40patient.mssante.fr/messages`,
      '/api/journal',
      '/api/transmissions',
      '/api/pki/client-certificates/dpi%40ch-valbrume.mssante.fr',
      '/api/events',
      '/api/flow',
    ];
    for (const path of reads) {
      const refused = await send(base, 'GET', path);
      assert.equal(refused.status, 401, path);
      assert.equal((JSON.parse(refused.body) as { error: { code: string } }).error.code, 'MSS_SIM_API_READ_TOKEN_MISSING', path);
    }
    const tokenPath = `${PSC_REALM_PATH}${PSC_ENDPOINTS.token}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const login = 'grant_type=urn%3Asimulateur%3Amailbox&mailbox=paul.martin%40ch-valbrume.mssante.fr';
    assert.equal((await send(base, 'POST', tokenPath, form, login)).status, 401);
    assert.equal((await send(base, 'POST', '/api/tokens', {}, JSON.stringify({ mailbox: 'paul.martin@ch-valbrume.mssante.fr' }))).status, 401);
    assert.equal((await send(base, 'POST', tokenPath, form, `${login}&client_secret=${TOKEN}`)).status, 200);
    assert.equal((await send(base, 'GET', '/api/journal', { authorization: `Bearer ${TOKEN}` })).status, 200);
    const key = await send(base, 'GET', '/api/pki/client-certificates/dpi%40ch-valbrume.mssante.fr', { authorization: `Bearer ${TOKEN}` });
    assert.equal(key.status, 200);
    assert.match(key.body, /PRIVATE KEY/);
  });

  test('the UI shell, the CA, the OIDC discovery, the liste blanche and autoconfig stay public; the Annuaire keeps its API key', async () => {
    const base = space.endpoints.http.baseUrl;
    for (const path of ['/', '/ui/app.js', '/ca.crt', `${PSC_REALM_PATH}${PSC_ENDPOINTS.discovery}`, `${PSC_REALM_PATH}${PSC_ENDPOINTS.jwks}`, '/listeblanchemssante.xml', '/mail/config-v1.1.xml?emailaddress=paul.martin%40ch-valbrume.mssante.fr']) {
      assert.equal((await send(base, 'GET', path)).status, 200, path);
    }
    assert.equal((await send(base, 'GET', '/fhir/v2/Organization')).status, 401, 'the Annuaire Santé wants its ESANTE-API-KEY');
    assert.equal((await send(base, 'GET', '/fhir/v2/Organization', { 'ESANTE-API-KEY': DEFAULT_DIRECTORY_API_KEY })).status, 200);
  });
});
