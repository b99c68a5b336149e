// The web UI's static routes on a real HTTP server (port 0): the page, the bundled script and the
// stylesheet, each under the strict CSP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startHttpServer, type RunningHttpServer } from '../http-server.ts';
import { UI_CONTENT_SECURITY_POLICY, uiRoutes } from './ui-routes.ts';

let server: RunningHttpServer;

before(async () => {
  server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: uiRoutes() });
});
after(() => server.close());

test('GET / serves the French page with the strict CSP and no inline script or style', async () => {
  const response = await fetch(`${server.baseUrl}/`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(response.headers.get('content-security-policy'), UI_CONTENT_SECURITY_POLICY);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  const html = await response.text();
  assert.match(html, /<html lang="fr">/);
  assert.match(html, /<script type="module" src="\/ui\/app\.js"><\/script>/);
  assert.doesNotMatch(html, /<script>|<script type="module">|\sstyle="|\son[a-z]+="/i, 'inline script, style or handler would be blocked by the CSP');
});

test('GET /ui/app.js is the esbuild bundle of src/main.ts, an ES module with no import left', async () => {
  const response = await fetch(`${server.baseUrl}/ui/app.js`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
  const script = await response.text();
  assert.match(script, /new EventSource\("\/api\/events"\)/);
  assert.doesNotMatch(script, /^import /m, 'everything must be bundled');
  assert.doesNotMatch(script, /\.innerHTML\s*=/, 'message data must never go through innerHTML');
  const again = await (await fetch(`${server.baseUrl}/ui/app.js`)).text();
  assert.equal(again, script);
});

test('GET /ui/style.css serves the stylesheet', async () => {
  const response = await fetch(`${server.baseUrl}/ui/style.css`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/css; charset=utf-8');
  assert.match(await response.text(), /\.flow-row/);
});

test('GET /ui/design/*.css serves the design system, tokens before components', async () => {
  const tokens = await fetch(`${server.baseUrl}/ui/design/tokens.css`);
  assert.equal(tokens.status, 200);
  assert.equal(tokens.headers.get('content-type'), 'text/css; charset=utf-8');
  assert.match(await tokens.text(), /--color-bounced:/);
  const components = await fetch(`${server.baseUrl}/ui/design/components.css`);
  assert.equal(components.status, 200);
  assert.match(await components.text(), /\.meaning-bounced/);
  const html = await (await fetch(`${server.baseUrl}/`)).text();
  assert.ok(html.indexOf('/ui/design/tokens.css') < html.indexOf('/ui/design/components.css') && html.indexOf('/ui/design/components.css') < html.indexOf('/ui/style.css'));
});
