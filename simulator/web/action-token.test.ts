import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionTokenCheck, generateActionToken, isLoopbackHost, resolveActionToken } from './action-token.ts';
import { json, noContent } from './http-response.ts';
import { startHttpServer } from './http-server.ts';
import { call } from './testing/api-client.ts';

test('loopback needs no token; another interface gets the given one or a fresh one', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) assert.equal(resolveActionToken(host, 'ignored'), undefined, host);
  for (const host of ['0.0.0.0', '::', '192.168.1.20']) assert.equal(isLoopbackHost(host), false, host);
  assert.equal(resolveActionToken('0.0.0.0', 'mon-jeton'), 'mon-jeton');
  const generated = resolveActionToken('0.0.0.0', undefined);
  assert.match(generated ?? '', /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(generated, generateActionToken());
});

test('off loopback, an action under /api needs the bearer token (401 in French); reading does not', async () => {
  let resets = 0;
  const server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    routes: [
      { method: 'GET', path: '/api/health', handler: () => json({ status: 'ok' }) },
      { method: 'POST', path: '/api/reset', handler: () => ((resets += 1), noContent()) },
      { method: 'POST', path: '/psc/token', handler: () => json({}) },
    ],
    authorise: actionTokenCheck('jeton-de-test'),
  });
  try {
    const missing = await call(server.baseUrl, 'POST', '/api/reset');
    assert.equal(missing.status, 401);
    assert.equal(missing.body.error.code, 'MSS_SIM_API_ACTION_TOKEN_MISSING');
    assert.match(missing.body.error.message, /Authorization: Bearer <jeton>/);
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer realm="simulateur-mssante"');
    const wrong = await call(server.baseUrl, 'POST', '/api/reset', undefined, { authorization: 'Bearer autre-jeton' });
    assert.equal(wrong.body.error.code, 'MSS_SIM_API_ACTION_TOKEN_WRONG');
    assert.equal(resets, 0, 'refused before the handler ran');
    assert.equal((await call(server.baseUrl, 'POST', '/api/reset', undefined, { authorization: 'Bearer jeton-de-test' })).status, 204);
    assert.equal(resets, 1);
    assert.equal((await call(server.baseUrl, 'GET', '/api/health')).status, 200);
    assert.equal((await call(server.baseUrl, 'POST', '/psc/token')).status, 200, 'outside /api (OpenID Connect) is not an action of the UI');
  } finally {
    await server.close();
  }
});

test('on loopback the server is started without a check: actions pass without a token', async () => {
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [{ method: 'POST', path: '/api/reset', handler: () => noContent() }] });
  try {
    assert.equal((await call(server.baseUrl, 'POST', '/api/reset')).status, 204);
  } finally {
    await server.close();
  }
});
