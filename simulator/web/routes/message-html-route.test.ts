// GET /api/messages/{id}/html: hostile HTML is served under a sandboxing CSP, without its
// automatic refresh; a text part is escaped. (That nothing runs in a browser is proven by the
// Playwright hostile-message test, simulator/web/ui/e2e.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveApiRoutes } from '../../trust-space/http-routes.ts';
import { call } from '../testing/api-client.ts';
import { fakeTrustSpace, LOUISE_INS, PHARMACY_MAILBOX } from '../testing/fake-trust-space.ts';
import { storeMessage } from '../testing/api-test-kit.ts';
import { startHttpServer } from '../http-server.ts';
import { escapeHtml, MESSAGE_HTML_CSP, messageDocument } from './message-html-route.ts';

const HOSTILE_HTML = [
  '<html><head><meta http-equiv="refresh" content="0;url=https://exemple.invalid/"><META HTTP-EQUIV=Refresh CONTENT="1; URL=javascript:alert(1)"></head>',
  '<body><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">lien</a>',
  '<svg onload="alert(4)"><script>alert(5)</script></svg><p style="color:red">Bonjour</p></body></html>',
].join('');

function multipart(text: string, html: string): Buffer {
  return Buffer.from(
    [
      `From: <${PHARMACY_MAILBOX}>`, `To: <${LOUISE_INS}@patient.mssante.fr>`, 'Subject: Piège', 'Message-ID: <hostile@test>', 'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=utf-8', '', text,
      '--b', 'Content-Type: text/html; charset=utf-8', '', html, '--b--', '',
    ].join('\r\n'),
  );
}

test('the HTML part is served sandboxed: CSP, nosniff, no automatic refresh', async () => {
  const space = fakeTrustSpace();
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: liveApiRoutes(space) });
  try {
    const hostile = storeMessage(space, multipart('Bonjour', HOSTILE_HTML), { mailbox: `${LOUISE_INS}@patient.mssante.fr` });
    const answer = await call(server.baseUrl, 'GET', `/api/messages/${hostile.id}/html`);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(answer.headers.get('content-security-policy'), MESSAGE_HTML_CSP);
    assert.match(MESSAGE_HTML_CSP, /^sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    assert.doesNotMatch(MESSAGE_HTML_CSP, /allow-scripts|allow-forms|allow-same-origin/);
    assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
    assert.doesNotMatch(answer.text, /http-equiv/i, 'no meta refresh left');
    assert.match(answer.text, /<p style="color:red">Bonjour<\/p>/, 'the rest is served as written: the CSP is the guard');
    const missing = await call(server.baseUrl, 'GET', '/api/messages/m-999999/html');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'MSS_SIM_API_UNKNOWN_MESSAGE');
  } finally {
    await server.close();
  }
});

test('a text part is escaped into <pre>; a message with neither part says so in French', () => {
  const document = messageDocument({ text: '<script>alert("x")</script> & « Louise »' });
  assert.match(document, /<pre>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; « Louise »<\/pre>/);
  assert.doesNotMatch(document, /<script>/);
  assert.match(messageDocument({}), /Ce message n'a ni partie HTML ni partie texte/);
  assert.equal(escapeHtml(`'`), '&#39;');
});
