// The live flow in Chromium: a message sent while the page is open appears as a row
// without reloading; a message to an opposed patient comes back as an avis de non-remise whose
// French reason is shown in the row and in the message detail (REG-ANR-03, SC.MSS/UX.30); and
// the pages keep their feed: back after a cut they read again what they missed, and a feed the
// server refused is asked for again; a load that fails once does not leave the status line
// saying the page is disconnected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openAppPage } from './app-page-kit.ts';
import type { RunningTrustSpace } from '../../../trust-space/trust-space.ts';
import { capture, DR_MARTIN, GERARD_OPPOSED, holdDown, LOUISE, openUi, PHARMACY, sendMail, sharedSpaceAndBrowser, startSpace } from './e2e-kit.ts';

// One trust space and one Chromium for the file, reset before each test.
const shared = sharedSpaceAndBrowser();

test('a message sent while the page is open appears in the live flow as « remis »', async () => {
  const { page, pageErrors } = await openUi(shared.browser, shared.space);
  await page.getByText('Aucun message pour l\'instant.').waitFor({ timeout: 5000 });
  await sendMail(shared.space, DR_MARTIN, { to: LOUISE.address, subject: 'Livret médical de Louise', text: 'Bonjour, voici le livret médical.' });
  const row = page.locator('.flow-row', { hasText: 'Livret médical de Louise' });
  await row.waitFor({ timeout: 5000 });
  assert.equal(await row.locator('.badge.meaning-delivered').first().textContent(), 'remis');
  assert.equal(await row.locator('.flow-route').textContent(), 'Dr Paul Martin, médecin → Louise Marchand, patiente');
  assert.equal(await row.locator('.flow-route').getAttribute('title'), `${DR_MARTIN.address} → ${LOUISE.address}`, 'the addresses on demand');
  assert.equal(await page.locator('#flux-compte').textContent(), '1 message');
  await capture(page, 'flux-en-direct');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a row pressed while new messages arrive opens the message pressed, not the one that moved under the pointer', async () => {
  const { page, pageErrors } = await openUi(shared.browser, shared.space);
  await sendMail(shared.space, DR_MARTIN, { to: LOUISE.address, subject: 'Le message choisi', text: 'Bonjour.' });
  const chosen = page.locator('.flow-row', { hasText: 'Le message choisi' });
  await chosen.waitFor({ timeout: 5000 });
  // Pressed as a person does, held while three messages arrive (each would go on top).
  await holdDown(page, chosen, async () => {
    for (const n of [1, 2, 3]) await sendMail(shared.space, DR_MARTIN, { to: LOUISE.address, subject: `Arrivé pendant la pression ${n}`, text: 'Bonjour.' });
  });
  await page.locator('#detail').waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await page.locator('#detail-title').textContent(), 'Le message choisi');
  // Then the three are on top.
  await page.locator('.flow-row', { hasText: 'Arrivé pendant la pression 3' }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator('#flux-compte').textContent(), '4 messages');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a message to an opposed patient shows the avis de non-remise with its French reason, in the row and in the detail', async () => {
  const { page, pageErrors } = await openUi(shared.browser, shared.space);
  await sendMail(shared.space, DR_MARTIN, { to: GERARD_OPPOSED.address, subject: 'Résultats de Gérard', text: 'Bonjour Gérard.' });
  const bounce = page.locator('.flow-row.kind-bounced');
  await bounce.waitFor({ timeout: 5000 });
  assert.equal(await bounce.locator('.badge.meaning-bounced').textContent(), 'avis de non-remise');
  assert.match((await bounce.locator('.flow-reason').textContent()) ?? '', /5\.1\.1.*cette adresse Mon espace santé n'existe pas/);
  assert.match((await bounce.locator('.flow-route').textContent()) ?? '', /^Service de non-remise, CNAM – Mon espace santé → Dr Paul Martin, médecin$/);
  await capture(page, 'avis-de-non-remise');

  await page.locator('#flux').focus();
  await page.keyboard.press('Home');
  const selected = page.locator('.flow-row[aria-selected="true"]');
  if (!(await selected.evaluate((row) => row.classList.contains('kind-bounced')))) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const detail = page.locator('#detail');
  await detail.waitFor({ state: 'visible', timeout: 5000 });
  await detail.getByText('Rapport de remise (RFC 3464)').waitFor({ timeout: 5000 });
  assert.match((await detail.locator('.detail-overview').textContent()) ?? '', /Motif.*n'existe pas/);
  assert.match((await detail.locator('.delivery-status').textContent()) ?? '', /status5\.1\.1/i);
  await capture(page, 'avis-de-non-remise-detail');
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'hidden', timeout: 2000 });
  assert.deepEqual(pageErrors, []);
  await page.close();
});

/**
 * A trust space of the test's own, which `restart` stops and starts again on the same HTTP port
 * (the pages open on it lose their live feed, then find it again); both stopped at the end.
 */
async function acrossRestart(run: (first: RunningTrustSpace, restart: () => Promise<RunningTrustSpace>) => Promise<void>): Promise<void> {
  const first = await startSpace();
  let second: RunningTrustSpace | undefined;
  try {
    await run(first, async () => {
      await first.stop();
      second = await startSpace({ httpPort: first.endpoints.http.port });
      return second;
    });
  } finally {
    await first.stop();
    await second?.stop();
  }
}

test('back after a cut of the live feed (here the simulator started again on the same port), the page shows what happened meanwhile', async () => {
  await acrossRestart(async (first, restart) => {
    await sendMail(first, DR_MARTIN, { to: LOUISE.address, subject: 'Avant le redémarrage', text: 'Bonjour.' });
    const { page, pageErrors } = await openUi(shared.browser, first);
    await page.locator('.flow-row', { hasText: 'Avant le redémarrage' }).waitFor({ timeout: 5000 });
    const second = await restart();
    // Sent before the page is back (the browser waits 3 s before reconnecting): no event brings it.
    await sendMail(second, DR_MARTIN, { to: LOUISE.address, subject: 'Pendant la coupure', text: 'Bonjour.' });
    await page.locator('#etat-direct.connected').waitFor({ timeout: 15_000 });
    await page.locator('.flow-row', { hasText: 'Pendant la coupure' }).waitFor({ timeout: 5000 });
    assert.equal(await page.locator('.flow-row', { hasText: 'Avant le redémarrage' }).count(), 0, 'the flow of the simulator that stopped is gone');
    assert.equal(await page.locator('#flux-compte').textContent(), '1 message');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

test('the webmail and the side by side page too read again what came during a cut: the mailbox, the last lines of the flow', async () => {
  await acrossRestart(async (first, restart) => {
    await sendMail(first, PHARMACY, { to: DR_MARTIN.address, subject: 'Avant le redémarrage', text: 'Bonjour.' });
    const webmail = await openAppPage(shared.browser, first, `/messagerie?bal=${DR_MARTIN.address}`);
    const side = await openAppPage(shared.browser, first, `/cote-a-cote?bal=${DR_MARTIN.address}`);
    await side.page.locator('.side-flow-line', { hasText: 'Avant le redémarrage' }).waitFor({ timeout: 5000 }); // read when the page opens
    const second = await restart();
    await sendMail(second, PHARMACY, { to: DR_MARTIN.address, subject: 'Arrivé pendant la coupure', text: 'Bonjour.' });
    for (const { page } of [webmail, side]) {
      await page.locator('body[data-live="connected"]').waitFor({ timeout: 15_000 });
      await page.locator('.wm-row', { hasText: 'Arrivé pendant la coupure' }).waitFor({ timeout: 5000 });
    }
    await side.page.locator('.side-flow-line', { hasText: 'Arrivé pendant la coupure' }).waitFor({ timeout: 5000 });
    assert.equal(await side.page.locator('.side-flow-line', { hasText: 'Avant le redémarrage' }).count(), 0, 'the flow of the simulator that stopped is gone');
    assert.deepEqual([...webmail.pageErrors, ...side.pageErrors], []);
    await webmail.page.close();
    await side.page.close();
  });
});

test('a live feed refused (503, too many feeds open) is asked for again: the page does not stay without live updates', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  let refusals = 0;
  // The first request is refused as the simulator does past its limit; the browser alone would never ask again.
  await context.route('**/api/events', (route) =>
    refusals < 1 ? ((refusals += 1), route.fulfill({ status: 503, contentType: 'application/json; charset=utf-8', headers: { 'Retry-After': '5' }, body: '{"error":{"code":"MSS_SIM_API_TOO_MANY_EVENT_STREAMS"}}' })) : route.continue(),
  );
  const page = await context.newPage();
  await page.goto(`${shared.space.endpoints.http.baseUrl}/`);
  await page.locator('#etat-direct', { hasText: 'reconnexion' }).waitFor({ timeout: 5000 });
  await page.locator('#etat-direct.connected').waitFor({ timeout: 15_000 });
  assert.equal(refusals, 1);
  await sendMail(shared.space, DR_MARTIN, { to: LOUISE.address, subject: 'Après le refus du flux', text: 'Bonjour.' });
  await page.locator('.flow-row', { hasText: 'Après le refus du flux' }).waitFor({ timeout: 5000 });
  await context.close();
});

test('a load that fails once while the feed works: its problem shows, then the status line says connected again', async () => {
  const { page, pageErrors } = await openUi(shared.browser, shared.space);
  let failures = 0;
  await page.route('**/api/conversations*', (route) =>
    failures < 1 ? ((failures += 1), route.fulfill({ status: 500, contentType: 'application/json; charset=utf-8', body: '{"error":{"code":"MSS_SIM_API_INTERNAL","message":"Erreur interne (essai)."}}' })) : route.continue(),
  );
  await sendMail(shared.space, DR_MARTIN, { to: LOUISE.address, subject: 'Chargement en échec', text: 'Bonjour.' });
  await page.locator('#etat-direct.disconnected', { hasText: 'Erreur interne (essai).' }).waitFor({ timeout: 5000 });
  await page.locator('#etat-direct.connected', { hasText: 'Flux en direct : connecté' }).waitFor({ timeout: 12_000 });
  assert.equal(failures, 1);
  assert.deepEqual(pageErrors, []);
  await page.close();
});
