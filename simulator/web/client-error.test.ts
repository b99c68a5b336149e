// Requests Node's HTTP parser refuses get the simulator's French JSON error, not a bare status
// line, and the connection closes (raw sockets: no HTTP client would send these).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { maxHeaderSize } from 'node:http';
import { startHttpServer } from './http-server.ts';

/** Sends `bytes`, returns everything the server wrote until it closed the connection. */
function exchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.setTimeout(5000, () => socket.destroy(new Error(`no close after 5 s: ${answer}`)));
  });
}

function parse(answer: string): { status: string; headers: string; body: { error: { code: string; message: string; [key: string]: unknown } } } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: head.split('\r\n')[0] ?? '', headers: head, body: JSON.parse(body) as never };
}

test('headers over the limit, a malformed header, Content-Length with Transfer-Encoding: French JSON errors, security headers, connection closed', async () => {
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [], log: () => {} });
  try {
    const big = parse(await exchange(server.port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(maxHeaderSize)}\r\n\r\n`));
    assert.equal(big.status, 'HTTP/1.1 431 Request Header Fields Too Large');
    assert.deepEqual(big.body.error, { code: 'MSS_SIM_API_HEADERS_TOO_LARGE', message: `Ligne de requête et en-têtes trop volumineux : ${maxHeaderSize} octets au plus à eux tous. Raccourcissez l'URL (ses paramètres de recherche) ou les en-têtes.`, limitBytes: maxHeaderSize });
    assert.match(big.headers, /\r\nConnection: close\r\n/);
    assert.match(big.headers, /\r\nX-Content-Type-Options: nosniff\r\n/);

    const colonless = parse(await exchange(server.port, 'GET /api/health HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n'));
    assert.equal(colonless.status, 'HTTP/1.1 400 Bad Request');
    assert.equal(colonless.body.error.code, 'MSS_SIM_API_MALFORMED_REQUEST');
    assert.match(colonless.body.error.message, /^Requête HTTP mal formée, refusée avant toute route \(HPE_[A-Z_]+ : .+\) : vérifiez/);

    const smuggling = parse(await exchange(server.port, 'POST /api/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'));
    assert.equal(smuggling.status, 'HTTP/1.1 400 Bad Request');
    assert.equal(smuggling.body.error.code, 'MSS_SIM_API_MALFORMED_REQUEST');
    assert.match(String(smuggling.body.error['parserCode']), /^HPE_/);
  } finally {
    await server.close();
  }
});
