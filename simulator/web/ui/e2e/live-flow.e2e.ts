// The live flow in Chromium: a message sent while the page is open appears as a row
// without reloading; a message to an opposed patient comes back as an avis de non-remise whose
// French reason is shown in the row and in the message detail (REG-ANR-03, SC.MSS/UX.30).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capture, DR_MARTIN, GERARD_OPPOSED, LOUISE, openUi, sendMail, sharedSpaceAndBrowser } from './e2e-kit.ts';

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
