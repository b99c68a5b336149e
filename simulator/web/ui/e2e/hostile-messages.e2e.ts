// Hostile messages in Chromium (safety): script tags, event handlers, javascript:
// links, SVG payloads, <meta http-equiv=refresh>, remote images, frames and forms, in the body,
// the subject and a header. Each message is opened in the UI; the test proves that nothing
// executes and nothing remote loads: a loopback canary server receives no request, no dialog
// opens, no console line carries the marker the payloads would print, the page's title and
// window name stay unchanged. A control request shows that the canary would have seen one.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import type { RunningTrustSpace } from '../../../trust-space/trust-space.ts';
import { UI_CONTENT_SECURITY_POLICY } from '../ui-routes.ts';
import { capture, captureFailures, DR_MARTIN, launchChromium, openUi, PHARMACY, sendMail, startSpace } from './e2e-kit.ts';

const PAGE_TITLE = 'Simulateur MSSanté — espace de confiance en direct';
/** Printed only if a payload runs: the source text never contains it in one piece. */
const MARKER = 'EXEC-MARQUEUR';

let space: RunningTrustSpace;
let browser: Browser;
let canary: Server;
let canaryUrl: string;
const canaryRequests: string[] = [];

before(async () => {
  canary = createServer((request, response) => {
    // The browser's own favicon request after the control navigation is not a payload's.
    if (request.url !== '/favicon.ico') canaryRequests.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'text/plain' }).end('canari');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
  [space, browser] = await Promise.all([startSpace(), launchChromium()]);
});
captureFailures(() => browser);

after(async () => {
  await browser?.close();
  await space?.stop();
  await new Promise((resolve) => canary?.close(resolve));
});

/** What a payload does if it ever runs: call the canary, rename the top window, retitle it, print the marker, open a dialog. */
function run(tag: string): string {
  return `fetch('${canaryUrl}/${tag}');top.name='${tag}';top.document.title='${tag}';console.log('EXEC'+'-MARQUEUR');alert('${tag}')`;
}

function payloads(): { subject: string; html: string; headers?: Record<string, string>; click?: string }[] {
  return [
    { subject: 'Piège 1 : balise script', html: `<p>Bonjour</p><script>${run('script')}</script>` },
    { subject: 'Piège 2 : gestionnaires', html: `<img src="x" onerror="${run('onerror')}"><body onload="${run('onload')}"><details open ontoggle="${run('ontoggle')}"><summary>s</summary></details>` },
    { subject: 'Piège 3 : lien javascript:', html: `<a id="piege" href="javascript:${run('javascript')}">Cliquez ici</a>`, click: '#piege' },
    { subject: 'Piège 4 : SVG', html: `<svg xmlns="http://www.w3.org/2000/svg" onload="${run('svg-onload')}"><script>${run('svg-script')}</script><image href="${canaryUrl}/svg-image"/></svg>` },
    { subject: 'Piège 5 : meta refresh', html: `<meta http-equiv="refresh" content="0;url=${canaryUrl}/refresh"><p>Redirection…</p>` },
    {
      subject: 'Piège 6 : contenus distants',
      html: `<img src="${canaryUrl}/image.png"><div style="background:url(${canaryUrl}/css-bg)">x</div><link rel="stylesheet" href="${canaryUrl}/style.css"><iframe src="${canaryUrl}/frame"></iframe><object data="${canaryUrl}/object"></object>`,
    },
    { subject: 'Piège 7 : formulaire', html: `<form action="${canaryUrl}/form" method="get"><button id="envoyer">Envoyer</button></form>`, click: '#envoyer' },
    { subject: `<img src=x onerror="${run('subject')}"> Objet piégé`, html: '<p>Objet et en-tête piégés</p>', headers: { 'X-Piege': `<script>${run('header')}</script>` } },
  ];
}

test('the canary sees a request the browser makes (control: the test can fail)', async () => {
  const page = await browser.newPage();
  await page.goto(`${canaryUrl}/controle`);
  await page.close();
  assert.deepEqual(canaryRequests.splice(0), ['GET /controle']);
});

test('the UI page and the message document carry their Content-Security-Policy', async () => {
  const page = await fetch(`${space.endpoints.http.baseUrl}/`);
  assert.equal(page.headers.get('content-security-policy'), UI_CONTENT_SECURITY_POLICY);
  await sendMail(space, DR_MARTIN, { to: PHARMACY.address, subject: 'CSP', text: 'texte', html: '<p>html</p>' });
  const stored = space.store.list(PHARMACY.address)[0];
  assert.ok(stored);
  const document = await fetch(`${space.endpoints.http.baseUrl}/api/messages/${stored.id}/html`);
  assert.match(document.headers.get('content-security-policy') ?? '', /^sandbox; default-src 'none'/);
  assert.equal(document.headers.get('x-content-type-options'), 'nosniff');
});

test('hostile messages opened in the UI execute nothing and load nothing remote', async () => {
  space.reset();
  const { page, dialogs, consoleLines, pageErrors } = await openUi(browser, space);
  const hostile = payloads();
  for (const mail of hostile) await sendMail(space, DR_MARTIN, { to: PHARMACY.address, subject: mail.subject, text: 'Version texte.', html: mail.html, ...(mail.headers ? { headers: mail.headers } : {}) });
  await page.locator('.flow-row').nth(hostile.length - 1).waitFor({ timeout: 5000 });
  assert.equal(await page.locator('.flow-row', { hasText: 'Objet piégé' }).locator('.flow-subject').textContent(), hostile[7]?.subject, 'the subject is shown as text');

  for (const mail of hostile) {
    await page.locator('.flow-row', { hasText: mail.subject }).click({ timeout: 5000 });
    const frameElement = page.locator('#detail iframe.html-body');
    await frameElement.waitFor({ timeout: 5000 });
    assert.equal(await frameElement.getAttribute('sandbox'), '', 'sandbox with no allowance');
    const frame = await (await frameElement.elementHandle())?.contentFrame();
    assert.ok(frame, 'the message frame exists');
    await frame.waitForLoadState('load');
    if (mail.click) await page.frameLocator('#detail iframe.html-body').locator(mail.click).click({ timeout: 3000 });
    if (mail.headers) {
      const header = page.locator('#detail table.headers tr', { hasText: 'X-Piege' }).locator('td').first();
      assert.equal(await header.textContent(), mail.headers['X-Piege'], 'the header is shown as text');
    }
    await page.locator('#detail details.raw').waitFor({ timeout: 5000 });
    if (mail === hostile[0]) await capture(page, 'message-hostile-detail');
    await page.locator('#detail-close').click(); // a click inside the frame took the focus: Escape would go to the frame
    await page.locator('#detail').waitFor({ state: 'hidden', timeout: 2000 });
  }
  // A window in which a meta refresh or a late handler would fire. Not `networkidle`: the page
  // keeps its live feed open, and Chromium's headless shell sometimes never reports the state.
  await page.waitForTimeout(1000);

  assert.deepEqual(canaryRequests, [], 'no request reached the canary');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.deepEqual(consoleLines.filter((line) => line.includes(MARKER)), [], 'no payload printed its marker');
  assert.equal(await page.title(), PAGE_TITLE);
  // The payloads did reach the browser, which blocked them (not merely never loaded):
  for (const blocked of [/Blocked script execution in .*\/html' because the document's frame is sandboxed/, /Running the JavaScript URL violates/, /Blocked form submission/, /Loading the image '.*\/image\.png' violates/]) {
    assert.ok(consoleLines.some((line) => blocked.test(line)), `Chromium reports: ${blocked}`);
  }
  assert.equal(await page.evaluate('window.name'), '');
  assert.deepEqual(pageErrors, []);
  await capture(page, 'messages-hostiles');
  await page.close();
});
