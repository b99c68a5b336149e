// The app pages on a real HTTP server (port 0): each shell under the strict CSP, linking the
// design system then apps.css, and its bundle built by esbuild, with no innerHTML; the shells,
// bundles and stylesheets are public (they hold no data), the API they call is not.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { accessCheck } from '../access-check.ts';
import { startHttpServer, type RunningHttpServer } from '../http-server.ts';
import { appPageRoutes } from './app-pages.ts';
import { UI_CONTENT_SECURITY_POLICY } from './ui-routes.ts';

let server: RunningHttpServer;

before(async () => {
  server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: appPageRoutes() });
});
after(() => server.close());

for (const [path, script, marker] of [
  ['/mon-espace-sante', '/ui/patient-page.js', '/api/patient-app/'],
  ['/messagerie', '/ui/webmail-page.js', '/api/webmail/'],
  ['/cote-a-cote', '/ui/side-by-side-page.js', 'flux-direct'],
] as const) {
  test(`GET ${path} serves its shell under the strict CSP and ${script} its bundle`, async () => {
    const page = await fetch(`${server.baseUrl}${path}`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-security-policy'), UI_CONTENT_SECURITY_POLICY);
    const html = await page.text();
    assert.match(html, /<html lang="fr">/);
    assert.ok(html.indexOf('/ui/design/tokens.css') < html.indexOf('/ui/design/components.css') && html.indexOf('/ui/design/components.css') < html.indexOf('/ui/apps.css'));
    assert.ok(html.includes(`<script type="module" src="${script}"></script>`));
    assert.doesNotMatch(html, /<script>|\sstyle="|\son[a-z]+="/i);
    const bundle = await fetch(`${server.baseUrl}${script}`);
    assert.equal(bundle.headers.get('content-type'), 'text/javascript; charset=utf-8');
    const code = await bundle.text();
    assert.ok(code.includes(marker), `${script} contains ${marker}`);
    assert.doesNotMatch(code, /^import /m);
    assert.doesNotMatch(code, /\.innerHTML\s*=/, 'message data must never go through innerHTML');
  });
}

test('GET /ui/apps.css serves the layout; pages and assets are public when a token is required, the app API is not', async () => {
  const css = await fetch(`${server.baseUrl}/ui/apps.css`);
  assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  assert.match(await css.text(), /@container \(max-width: 48rem\)/);
  const check = accessCheck({ token: 'jeton-de-test' });
  const request = (path: string) => ({ method: 'GET', path, headers: {}, body: Buffer.alloc(0) });
  for (const path of ['/mon-espace-sante', '/ui/patient-page.js', '/messagerie', '/ui/webmail-page.js', '/cote-a-cote', '/ui/apps.css', '/ui/design/tokens.css']) assert.equal(check(request(path)), undefined, path);
  assert.equal(check(request('/api/patient-app/284034912304586'))?.status, 401);
  assert.equal(check(request('/api/webmail/pharmacie.duparc@pharmacien.mssante.fr'))?.status, 401);
});
