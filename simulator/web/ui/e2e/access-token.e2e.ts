// The web UI when the simulator requires its token (beyond loopback; here on 127.0.0.1 with
// requireToken, the same rules): without the token the page says in French what to do; opened
// by the banner's link `/#jeton=…`, it trades the token for the HttpOnly read cookie, so that
// the live feed (EventSource) and the sandboxed message view (iframe) work without a header.
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import { startTrustSpace } from '../../../trust-space/start-trust-space.ts';
import type { RunningTrustSpace } from '../../../trust-space/trust-space.ts';
import { capture, captureFailures, DR_MARTIN, launchChromium, LOUISE, sendMail } from './e2e-kit.ts';

const TOKEN = 'jeton-de-formation-e2e-0123456789';

let space: RunningTrustSpace;
let browser: Browser;

before(async () => {
  const started = startTrustSpace({ host: '127.0.0.1', submissionPort: 0, peerPort: 0, imapPort: 0, imapsPort: 0, httpPort: 0, dataDir: join(tmpdir(), 'mss-ui-e2e'), requireToken: true, actionToken: TOKEN });
  [space, browser] = await Promise.all([started, launchChromium()]);
});
captureFailures(() => browser);

after(async () => {
  await browser?.close();
  await space?.stop();
});

test('without the token the page says what to do; with the banner link the live flow and the message view work', async () => {
  const refused = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // The live feed's refusal is held until the page has shown the reason, then let through: the
  // reason must stay, whichever refusal the browser reports last (the feed's used to replace it).
  let releaseFeed = () => {};
  const feedHeld = new Promise<void>((resolve) => (releaseFeed = resolve));
  await refused.route('**/api/events', async (route) => {
    await feedHeld;
    await route.continue();
  });
  const reason = refused.locator('#etat-direct', { hasText: /Lecture refusée : jeton absent/ });
  await refused.goto(`${space.endpoints.http.baseUrl}/`);
  await reason.waitFor({ timeout: 5000 });
  // The response's head is enough: a 401 makes the EventSource fail (Chromium may then abort the body).
  const feedRefused = refused.waitForResponse((response) => response.url().endsWith('/api/events'), { timeout: 5000 });
  releaseFeed();
  await feedRefused;
  // Its error event is dispatched in the page's next tasks: by then the reason must still be there.
  await refused.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  assert.match((await refused.locator('#etat-direct').textContent()) ?? '', /Lecture refusée : jeton absent/, 'the feed refusal does not hide the reason');
  // The whole reason (what to do) is on screen, wrapped in the header, and the token field beside it.
  const box = await reason.boundingBox();
  assert.ok(box && box.x + box.width <= 1280, `the reason ends within the 1280 px window (ends at ${box ? box.x + box.width : '?'} px)`);
  assert.ok(await refused.locator('#jeton').isVisible(), 'the token field stays visible');
  await capture(refused, 'jeton-absent');
  await refused.close();

  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${space.endpoints.http.baseUrl}/#jeton=${TOKEN}`);
  await page.locator('#etat-direct.connected').waitFor({ timeout: 5000 });
  assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
  assert.equal(await page.evaluate('document.cookie'), '', 'the read cookie is HttpOnly');
  await sendMail(space, DR_MARTIN, { to: LOUISE.address, subject: 'Compte rendu en HTML', text: 'Bonjour', html: '<p>Bonjour <b>Louise</b></p>' });
  const row = page.locator('.flow-row', { hasText: 'Compte rendu en HTML' });
  await row.waitFor({ timeout: 5000 });
  await row.click();
  const frame = page.frameLocator('#detail iframe.html-body');
  await frame.locator('b', { hasText: 'Louise' }).waitFor({ timeout: 5000 });
  assert.deepEqual(pageErrors, []);
  await page.close();
});
