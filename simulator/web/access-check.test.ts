// The access rules off loopback, over a real HTTP server (the server listens on 127.0.0.1 and is
// given the check, as start-trust-space.ts does beyond loopback or with --exiger-jeton).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PSC_ENDPOINTS, PSC_REALM_PATH } from '../services/auth/psc/psc-constants.ts';
import { accessCheck, type AccessOptions } from './access-check.ts';
import { json, noContent, text } from './http-response.ts';
import { startHttpServer } from './http-server.ts';
import { uiSessionRoutes } from './routes/ui-session-route.ts';
import { call } from './testing/api-client.ts';

const TOKEN = 'jeton-de-test-0123456789';
const TOKEN_PATH = `${PSC_REALM_PATH}${PSC_ENDPOINTS.token}`;

async function withServer(options: Omit<AccessOptions, 'token'>, run: (baseUrl: string, counts: { resets: number }) => Promise<void>): Promise<void> {
  const counts = { resets: 0 };
  const server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    routes: [
      { method: 'GET', path: '/', handler: () => text('<html></html>', 'text/html; charset=utf-8') },
      { method: 'GET', path: '/ca.crt', handler: () => text('-----BEGIN CERTIFICATE-----') },
      { method: 'GET', path: '/api/journal', handler: () => json([]) },
      { method: 'POST', path: '/api/reset', handler: () => ((counts.resets += 1), noContent()) },
      { method: 'GET', path: `${PSC_REALM_PATH}${PSC_ENDPOINTS.discovery}`, handler: () => json({ issuer: 'x' }) },
      { method: 'POST', path: TOKEN_PATH, handler: () => json({ access_token: 'a' }) },
      ...uiSessionRoutes(TOKEN),
    ],
    authorise: accessCheck({ token: TOKEN, ...options }),
  });
  try {
    await run(server.baseUrl, counts);
  } finally {
    await server.close();
  }
}

const bearer = (token = TOKEN) => ({ authorization: `Bearer ${token}` });

test('off loopback, reads need the token too (401 in French); the UI shell, /ca.crt and the OIDC discovery do not', async () => {
  await withServer({}, async (base) => {
    const missing = await call(base, 'GET', '/api/journal');
    assert.equal(missing.status, 401);
    assert.equal(missing.body.error.code, 'MSS_SIM_API_READ_TOKEN_MISSING');
    assert.match(missing.body.error.message, /^Lecture refusée : jeton absent\. .*Authorization: Bearer <jeton>/);
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer realm="simulateur-mssante"');
    assert.equal((await call(base, 'GET', '/api/journal', undefined, bearer('autre-jeton'))).body.error.code, 'MSS_SIM_API_READ_TOKEN_WRONG');
    assert.equal((await call(base, 'GET', '/api/journal', undefined, bearer())).status, 200);
    for (const open of ['/', '/ca.crt', `${PSC_REALM_PATH}${PSC_ENDPOINTS.discovery}`]) assert.equal((await call(base, 'GET', open)).status, 200, open);
    assert.equal((await call(base, 'OPTIONS', '/api/journal')).status, 204);
  });
});

test('off loopback, an action needs the bearer token, checked before the handler runs', async () => {
  await withServer({}, async (base, counts) => {
    assert.equal((await call(base, 'POST', '/api/reset')).body.error.code, 'MSS_SIM_API_ACTION_TOKEN_MISSING');
    assert.equal((await call(base, 'POST', '/api/reset', undefined, bearer('autre-jeton'))).body.error.code, 'MSS_SIM_API_ACTION_TOKEN_WRONG');
    assert.equal(counts.resets, 0);
    assert.equal((await call(base, 'POST', '/api/reset', undefined, bearer())).status, 204);
    assert.equal(counts.resets, 1);
  });
});

test('the UI trades the token for an HttpOnly read cookie: it opens reads (EventSource, iframe), never actions', async () => {
  await withServer({}, async (base) => {
    assert.equal((await call(base, 'POST', '/api/ui-session')).status, 401, 'no cookie without the token');
    const session = await call(base, 'POST', '/api/ui-session', undefined, bearer());
    assert.equal(session.status, 204);
    const setCookie = session.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^mss-sim-lecture=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    assert.doesNotMatch(setCookie, new RegExp(TOKEN), 'the cookie is not the token');
    const cookie = { cookie: setCookie.split(';')[0] ?? '' };
    assert.equal((await call(base, 'GET', '/api/journal', undefined, cookie)).status, 200);
    assert.equal((await call(base, 'POST', '/api/reset', undefined, cookie)).body.error.code, 'MSS_SIM_API_ACTION_TOKEN_MISSING');
    assert.equal((await call(base, 'GET', '/api/journal', undefined, { cookie: 'mss-sim-lecture=ancien' })).body.error.code, 'MSS_SIM_API_READ_TOKEN_WRONG');
  });
});

test('the Pro Santé Connect token endpoint takes the token as bearer or as the OAuth client secret', async () => {
  await withServer({}, async (base) => {
    const form = (body: string, headers: Record<string, string> = {}) => call(base, 'POST', TOKEN_PATH, body, { 'content-type': 'application/x-www-form-urlencoded', ...headers });
    const missing = await form('grant_type=urn%3Asimulateur%3Amailbox&mailbox=a%40b.fr');
    assert.equal(missing.status, 401);
    assert.equal(missing.body.error, 'invalid_client');
    assert.match(missing.body.error_description, /^secret client absent : .*client_secret/);
    assert.equal((await form(`grant_type=password&client_secret=mauvais`)).body.error_description.startsWith('secret client incorrect'), true);
    assert.equal((await form(`grant_type=password&client_secret=${TOKEN}`)).status, 200);
    const basic = `Basic ${Buffer.from(`client-mssante:${TOKEN}`).toString('base64')}`;
    assert.equal((await form('grant_type=password', { authorization: basic })).status, 200);
    assert.equal((await form('grant_type=password', bearer())).status, 200);
  });
});

test('--lecture-publique opens GET without the token, actions still need it', async () => {
  await withServer({ publicReads: true }, async (base) => {
    assert.equal((await call(base, 'GET', '/api/journal')).status, 200);
    assert.equal((await call(base, 'POST', '/api/reset')).status, 401);
    assert.equal((await call(base, 'POST', TOKEN_PATH, 'grant_type=password', { 'content-type': 'application/x-www-form-urlencoded' })).status, 401);
  });
});
