import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { apiErrors } from './api-errors.ts';
import { json, text } from './http-response.ts';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { DEFAULT_MAX_BODY_BYTES, startHttpServer, type HttpServerOptions, type ResponseStream, type StreamingResponse } from './http-server.ts';
import type { Route } from './route.ts';
import { call } from './testing/api-client.ts';

const routes: Route[] = [
  { method: 'GET', path: '/api/echo/{word}', handler: (c) => json({ word: c.params['word'], q: c.query.get('q') }) },
  { method: 'POST', path: '/api/echo/{word}', handler: (c) => json({ bytes: c.body.length }, 201) },
  { method: 'PUT', path: '/api/size', handler: (c) => json({ bytes: c.body.length }) },
  { method: 'GET', path: '/api/boom', handler: () => { throw new TypeError('kaboom'); } },
  { method: 'GET', path: '/api/missing', handler: () => { throw apiErrors.unknownMessage('m-9'); } },
  { method: 'GET', path: '/api/bad-header', handler: () => ({ status: 200, bytes: Buffer.from('x'), contentType: 'tëxt/h\u200ftml' }) },
  { method: 'GET', path: '/page', handler: () => text('<p>ok</p>', 'text/html; charset=utf-8', { 'Content-Security-Policy': "default-src 'self'" }) },
];

async function withServer(run: (baseUrl: string, logged: string[]) => Promise<void>, options: Partial<HttpServerOptions> = {}): Promise<void> {
  const logged: string[] = [];
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes, log: (line) => logged.push(line), ...options });
  try {
    await run(server.baseUrl, logged);
  } finally {
    await server.close();
  }
}

test('JSON answers carry the JSON media type and the security headers; parameters and query are decoded', async () => {
  await withServer(async (baseUrl) => {
    const answer = await call(baseUrl, 'GET', '/api/echo/caf%C3%A9?q=a%20b');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { word: 'café', q: 'a b' });
    assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.equal(answer.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(answer.headers.get('referrer-policy'), 'no-referrer');
    const head = await call(baseUrl, 'HEAD', '/api/echo/x');
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
  });
});

test('a route may override a default header, the others stay', async () => {
  await withServer(async (baseUrl) => {
    const answer = await call(baseUrl, 'GET', '/page');
    assert.equal(answer.headers.get('content-security-policy'), "default-src 'self'");
    assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(answer.text, '<p>ok</p>');
  });
});

test('unknown route: 404; known path with another method: 405 with Allow; OPTIONS lists the methods', async () => {
  await withServer(async (baseUrl) => {
    const missing = await call(baseUrl, 'GET', '/api/nothing');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'MSS_SIM_API_ROUTE_NOT_FOUND');
    assert.equal(missing.body.error.message, 'Aucune route ne correspond à GET /api/nothing : la liste des routes est dans /api/openapi.json.');
    assert.equal(missing.headers.get('x-content-type-options'), 'nosniff');
    const wrong = await call(baseUrl, 'DELETE', '/api/echo/x');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET, POST');
    assert.deepEqual(wrong.body.error, { code: 'MSS_SIM_API_METHOD_NOT_ALLOWED', message: "La méthode DELETE n'est pas acceptée sur /api/echo/x : utilisez GET, POST.", allowed: ['GET', 'POST'] });
    const options = await call(baseUrl, 'OPTIONS', '/api/echo/x');
    assert.equal(options.status, 204);
    assert.equal(options.headers.get('allow'), 'GET, POST');
  });
});

test('an answer with a header value Node refuses is a 500 JSON answer, not a crash of the simulator', async () => {
  await withServer(async (baseUrl, logged) => {
    const answer = await call(baseUrl, 'GET', '/api/bad-header');
    assert.equal(answer.status, 500);
    assert.equal(answer.body.error.code, 'MSS_SIM_INTERNAL');
    assert.match(logged[0] ?? '', /^\[api\] GET \/api\/bad-header: erreur interne\nTypeError \[ERR_INVALID_CHAR\]: Invalid character in header content \["Content-Type"\]/);
    assert.equal((await call(baseUrl, 'GET', '/api/echo/x')).status, 200);
  });
});

test('a handler exception is a 500 JSON answer with the stack logged, and the server keeps serving', async () => {
  await withServer(async (baseUrl, logged) => {
    const answer = await call(baseUrl, 'GET', '/api/boom');
    assert.equal(answer.status, 500);
    assert.deepEqual(answer.body, { error: { code: 'MSS_SIM_INTERNAL', message: 'Erreur interne du simulateur : le détail est dans la console du simulateur ; merci de signaler ce bogue.' } });
    assert.equal(logged.length, 1);
    assert.match(logged[0] ?? '', /^\[api\] GET \/api\/boom: erreur interne\nTypeError: kaboom\n {4}at /);
    assert.equal((await call(baseUrl, 'GET', '/api/echo/x')).status, 200);
  });
});

test('API errors thrown by handlers keep their status and code; a bad percent-encoding is a 400', async () => {
  await withServer(async (baseUrl, logged) => {
    const missing = await call(baseUrl, 'GET', '/api/missing');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'MSS_SIM_API_UNKNOWN_MESSAGE');
    const bad = await call(baseUrl, 'GET', '/api/echo/%E0%A4%A');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'MSS_SIM_API_BAD_PATH_ENCODING');
    assert.deepEqual(logged, []);
  });
});

test('bodies up to 1 MiB are read; one byte more is a 413 the client can read', async () => {
  await withServer(async (baseUrl) => {
    const atLimit = await call(baseUrl, 'PUT', '/api/size', Buffer.alloc(DEFAULT_MAX_BODY_BYTES, 0x61), { 'content-type': 'application/octet-stream' });
    assert.deepEqual(atLimit.body, { bytes: 1048576 });
    const over = await call(baseUrl, 'PUT', '/api/size', Buffer.alloc(DEFAULT_MAX_BODY_BYTES + 1, 0x61), { 'content-type': 'application/octet-stream' });
    assert.equal(over.status, 413);
    assert.deepEqual(over.body.error, { code: 'MSS_SIM_API_BODY_TOO_LARGE', message: 'Corps de requête trop volumineux : la limite est de 1048576 octets.', limitBytes: 1048576 });
    assert.equal((await call(baseUrl, 'GET', '/api/echo/after')).status, 200);
  });
});

test('a Content-Length over the limit is answered 413 at once, and the connection closed', async () => {
  await withServer(async (baseUrl) => {
    const { status, connection, body } = await new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      const req = request(`${baseUrl}/api/size`, { method: 'PUT', headers: { 'content-length': String(50 * 1024 * 1024) } }, (res) => {
        let data = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (data += chunk)).on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: data });
        });
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    assert.equal(status, 413);
    assert.equal(connection, 'close');
    assert.equal(JSON.parse(body).error.code, 'MSS_SIM_API_BODY_TOO_LARGE');
  }, { maxBodyBytes: 4096 });
});

test('close() ends idle keep-alive connections at once and stops listening', async () => {
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes, closeGraceMs: 30_000 });
  const answer = await call(server.baseUrl, 'GET', '/api/echo/keep', undefined, { connection: 'keep-alive' });
  assert.equal(answer.status, 200);
  const started = Date.now();
  await server.close();
  assert.ok(Date.now() - started < 2000, 'close did not wait for the idle socket');
  await assert.rejects(fetch(`${server.baseUrl}/api/echo/x`));
  await server.close(); // idempotent
});

test('a state-changing request from another origin is refused; same origin and no Origin are served', async () => {
  await withServer(async (baseUrl) => {
    const foreign = await call(baseUrl, 'POST', '/api/echo/x', {}, { origin: 'https://evil.example' });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body.error.code, 'MSS_SIM_API_CROSS_ORIGIN');
    assert.equal((await call(baseUrl, 'POST', '/api/echo/x', {}, { origin: 'null' })).status, 403);
    assert.equal((await call(baseUrl, 'POST', '/api/echo/x', {}, { origin: baseUrl })).status, 201);
    assert.equal((await call(baseUrl, 'POST', '/api/echo/x', {})).status, 201);
    assert.equal((await call(baseUrl, 'GET', '/api/echo/x', undefined, { origin: 'https://evil.example' })).status, 200);
  });
});

test('the fallback answers paths no route matches: WHATWG Request in, Response out, routes first', async () => {
  const seen: { method: string; url: string; body: string; header: string | null }[] = [];
  const fallback = async (request: Request): Promise<Response | undefined> => {
    const url = new URL(request.url);
    if (url.pathname === '/fallback/throw') throw new TypeError('fallback kaboom');
    if (!url.pathname.startsWith('/fallback/')) return undefined;
    seen.push({ method: request.method, url: request.url, body: await request.text(), header: request.headers.get('x-test') });
    return new Response(new Uint8Array([1, 2, 3]), { status: 207, headers: { 'Content-Type': 'application/x-test', 'X-From': 'fallback' } });
  };
  await withServer(async (baseUrl, logged) => {
    const answer = await fetch(`${baseUrl}/fallback/x?q=1`, { method: 'POST', body: 'corps', headers: { 'X-Test': 'oui' } });
    assert.equal(answer.status, 207);
    assert.equal(answer.headers.get('content-type'), 'application/x-test');
    assert.equal(answer.headers.get('x-from'), 'fallback');
    assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual([...new Uint8Array(await answer.arrayBuffer())], [1, 2, 3]);
    assert.deepEqual(seen, [{ method: 'POST', url: `${baseUrl}/fallback/x?q=1`, body: 'corps', header: 'oui' }]);
    const head = await call(baseUrl, 'HEAD', '/fallback/y');
    assert.equal(head.status, 207);
    assert.equal(seen[1]?.method, 'GET');
    assert.equal((await call(baseUrl, 'GET', '/api/echo/x')).status, 200, 'routes come first');
    const missing = await call(baseUrl, 'GET', '/ailleurs');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'MSS_SIM_API_ROUTE_NOT_FOUND');
    const boom = await call(baseUrl, 'GET', '/fallback/throw');
    assert.equal(boom.status, 500);
    assert.match(logged[0] ?? '', /TypeError: fallback kaboom/);
  }, { fallback });
});

/** A GET with the given `Host` header (fetch would set its own). */
function getWithHost(baseUrl: string, path: string, host: string): Promise<number> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: url.hostname, port: url.port, path, headers: { host } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

test('a Host the server does not answer to is 421 before any route or the fallback runs (DNS rebinding)', async () => {
  let fallbackCalls = 0;
  const fallback = async (): Promise<Response | undefined> => ((fallbackCalls += 1), new Response('publication'));
  await withServer(async (baseUrl) => {
    assert.equal(await getWithHost(baseUrl, '/api/echo/x', 'evil.example'), 421);
    assert.equal(await getWithHost(baseUrl, '/publication', 'evil.example:8025'), 421);
    assert.equal(fallbackCalls, 0);
    assert.equal(await getWithHost(baseUrl, '/api/echo/x', 'simulateur.formation.test:18025'), 200, 'a name given by the caller, any port');
    assert.equal(await getWithHost(baseUrl, '/api/echo/x', 'autoconfig.accepte.test'), 200, 'a name accepted at run time');
    assert.equal(await getWithHost(baseUrl, '/api/echo/x', '[::1]'), 200);
    assert.equal(await getWithHost(baseUrl, '/publication', 'localhost'), 200);
  }, { fallback, hostNames: ['simulateur.formation.test'], acceptHost: (name) => name === 'autoconfig.accepte.test' });
});

test('an event stream whose client stops reading is cut past its backlog bound; a reading client keeps its stream', async () => {
  const BOUND = 64 * 1024;
  const event = `data: ${'x'.repeat(1000)}\n\n`;
  const writers = new Set<ResponseStream>();
  const closed: string[] = [];
  const streaming: Route = {
    method: 'GET',
    path: '/api/stream/{who}',
    handler: (context): StreamingResponse => ({ status: 200, contentType: 'text/event-stream', stream: (stream) => (writers.add(stream), stream.onClose(() => (writers.delete(stream), closed.push(context.params['who'] ?? '')))) }),
  };
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [streaming], maxStreamBacklogBytes: BOUND });
  const stalled = connect(server.port, '127.0.0.1');
  try {
    // The stalled client: a receive buffer of 4 KiB, never read. The reader reads everything.
    stalled.setNoDelay(true);
    stalled.pause();
    stalled.write('GET /api/stream/lent HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    let received = 0;
    const reader = await fetch(`${server.baseUrl}/api/stream/lecteur`);
    const body = reader.body!.getReader();
    void (async () => {
      for (let chunk = await body.read(); !chunk.done; chunk = await body.read()) received += chunk.value.length;
    })().catch(() => undefined);
    for (let waited = 0; writers.size < 2 && waited < 100; waited += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(writers.size, 2, 'both streams open');
    // Far more than the kernel's loopback buffers and the bound: 40 MB, in bursts the reader drains.
    let written = 0;
    for (let burst = 0; burst < 400 && closed.length === 0; burst += 1) {
      for (let i = 0; i < 100; i += 1) for (const writer of writers) writer.write(event);
      written += 100 * event.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (let waited = 0; closed.length === 0 && waited < 100; waited += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(closed, ['lent'], 'the stalled stream is cut, its listeners told');
    const cut = written;
    for (let i = 0; i < 100; i += 1) for (const writer of writers) assert.equal(writer.write(event), true, 'the reading stream goes on');
    for (let waited = 0; received < cut && waited < 200; waited += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(received >= cut, `the reader got everything written before the cut (${received} of ${cut} bytes)`);
    await body.cancel();
  } finally {
    stalled.destroy();
    await server.close();
  }
});

test('a connection that sends nothing is closed once idle; past the connection bound a new one is closed at once, and a freed place serves again', async () => {
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes, idleSocketTimeoutMs: 300, maxConnections: 2 });
  const opened: Socket[] = [];
  /** Milliseconds until the server closes `socket`; Infinity when it is still open after 3 s. */
  const closedAfter = (socket: Socket) =>
    new Promise<number>((resolve) => {
      const started = Date.now();
      const timer = setTimeout(() => resolve(Number.POSITIVE_INFINITY), 3000);
      socket.once('close', () => (clearTimeout(timer), resolve(Date.now() - started)));
    });
  try {
    const silent = connect(server.port, '127.0.0.1');
    opened.push(silent);
    await once(silent, 'connect');
    const second = connect(server.port, '127.0.0.1');
    opened.push(second);
    await once(second, 'connect');
    const third = connect(server.port, '127.0.0.1');
    opened.push(third);
    third.on('error', () => undefined);
    assert.ok((await closedAfter(third)) < 250, 'the third connection is closed at once');
    assert.ok((await closedAfter(silent)) < 2000, 'the silent connection is closed after its idle time');
    second.destroy();
    const answer = await call(server.baseUrl, 'GET', '/api/echo/libre');
    assert.deepEqual(answer.body, { word: 'libre', q: null });
  } finally {
    for (const socket of opened) socket.destroy();
    await server.close();
  }
});
