// The web UI as a teaching tool, at 1280×720 in Chromium, in the normal and the presentation
// theme: every démonstration played with the keyboard on one screen (narration beside its live
// flow, the current result in view, persona names, whole reasons, no internal id), a bounce
// read in the flow and in the message view, every main view opening at its top, axe-core
// reporting no serious or critical violation anywhere, and a screenshot of each state under
// reports/captures/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright';
import { seriousViolations } from './axe-check.ts';
import { capture, DR_MARTIN, GERARD_OPPOSED, LOUISE, openUi, PHARMACY, sendMail, sharedSpaceAndBrowser } from './e2e-kit.ts';

const MODES = [
  { presentation: false, suffix: '' },
  { presentation: true, suffix: '-presentation' },
] as const;
/** Who each démonstration shows by name (fixtures/personas.json). */
const PERSONAS: Readonly<Record<string, readonly string[]>> = {
  'livret-medical': ['Dr Paul Martin, médecin', 'Pharmacie du Parc'],
  'ordonnance-patiente': ['Louise Marchand, patiente', 'Pharmacie du Parc'],
  'trois-avis-de-non-remise': ['Gérard Lambert, patient', 'Yvette Caron, patiente', 'Thomas Petit, patient', 'Pharmacie du Parc', 'Service de non-remise'],
  'cloture-fin-reengagement': ['Louise Marchand, patiente', 'Pharmacie du Parc'],
};
const INTERNAL_ID = /\b[a-z]{1,2}-\d{4,}\b/;

// One trust space and one Chromium for the file, not reset between tests (each resets itself when it needs to).
const shared = sharedSpaceAndBrowser({ resetBeforeEachTest: false });

/** Every element of `locator` shows its whole text: nothing cut sideways, nothing hidden below its row. */
async function assertWhole(locator: Locator, what: string): Promise<string[]> {
  const boxes = await locator.evaluateAll((elements) =>
    elements.map((element) => {
      const row = element.closest('.flow-row');
      const box = element.getBoundingClientRect();
      return { text: element.textContent ?? '', scrollWidth: element.scrollWidth, clientWidth: element.clientWidth, bottom: box.bottom, rowBottom: row ? row.getBoundingClientRect().bottom : box.bottom };
    }),
  );
  for (const box of boxes) {
    // scrollWidth ≤ clientWidth, give or take the one pixel of rounding of a fractional width (a cut text overflows by far more).
    assert.ok(box.scrollWidth <= box.clientWidth + 1, `${what} cut sideways (${box.scrollWidth} > ${box.clientWidth}): ${box.text}`);
    assert.ok(box.bottom <= box.rowBottom + 0.5, `${what} hidden below its row: ${box.text}`);
    assert.match(box.text, /[.!?»)]$/, `${what} is a whole sentence: ${box.text}`);
    assert.doesNotMatch(box.text, /…$/, `${what} is not shortened: ${box.text}`);
  }
  return boxes.map((b) => b.text);
}

async function fontSize(locator: Locator): Promise<number> {
  return Number.parseFloat(await locator.evaluate((element) => (element.ownerDocument.defaultView?.getComputedStyle(element).fontSize ?? '0')));
}

async function assertAccessible(page: Page, state: string): Promise<void> {
  assert.deepEqual(await seriousViolations(page), [], `axe-core, ${state}`);
}

for (const mode of MODES) {
  test(`every démonstration on one screen, played with the keyboard${mode.presentation ? ', presentation theme' : ''}`, async () => {
    const demonstrations = (await (await fetch(`${shared.space.endpoints.http.baseUrl}/api/demonstrations`)).json()) as { id: string; title: string; steps: unknown[] }[];
    for (const demonstration of demonstrations) {
      await shared.space.reset();
      const { page, pageErrors } = await openUi(shared.browser, shared.space, '/#demonstrations', mode);
      if (mode.presentation) assert.equal(await page.evaluate('getComputedStyle(document.body).fontSize'), '22px', 'large type in the presentation theme');
      const card = page.locator('article.demonstration', { hasText: demonstration.title });
      await card.getByRole('button', { name: /Démarrer/ }).click();
      const stage = page.locator('#demonstration-scene');
      await stage.getByRole('button', { name: 'Étape suivante' }).waitFor({ timeout: 5000 });
      await page.keyboard.press('n'); // next step
      await stage.locator('.last-result .callout-title', { hasText: /^Résultat de l'étape 1/ }).waitFor({ timeout: 20_000 });
      await page.keyboard.press('f'); // to the end
      await stage.getByText('La démonstration est terminée.').waitFor({ timeout: 60_000 });
      const result = stage.locator('.last-result .callout');
      await result.locator('.callout-title', { hasText: `Résultat de l'étape ${demonstration.steps.length}` }).waitFor({ timeout: 5000 });
      await capture(page, `demonstration-${demonstration.id}-fin${mode.suffix}`);

      const box = await result.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 720, `the last result is in view without scrolling: ${JSON.stringify(box)}`);
      await assertWhole(stage.locator('.outcome-text'), 'the last result');
      await assertWhole(stage.locator('.stage-flow .flow-reason'), 'a reason in the démonstration flow');
      const narration = await stage.locator('.stage-narration').innerText();
      assert.doesNotMatch(narration, INTERNAL_ID, 'no internal id in the narration');
      const flowText = await stage.locator('.stage-flow').innerText();
      for (const name of PERSONAS[demonstration.id] ?? []) assert.ok(flowText.includes(name), `${name} in the flow of ${demonstration.id}`);
      const routes = await stage.locator('.stage-flow .flow-route').allInnerTexts();
      assert.ok(routes.length > 0, 'the démonstration drew its messages');
      for (const route of routes) assert.doesNotMatch(route, /\d{15}|mailer-daemon/, `names, not addresses: ${route}`);
      const outcomes = await stage.locator('.demonstration-log .step-done').count();
      assert.equal(outcomes, demonstration.steps.length);
      await assertAccessible(page, `fin de ${demonstration.id}${mode.suffix}`);

      if (demonstration === demonstrations[0]) {
        await page.keyboard.press('r'); // replay
        await stage.locator('.run-status', { hasText: `Étape 1 sur ${demonstration.steps.length}` }).waitFor({ timeout: 5000 });
        assert.equal(await stage.locator('.stage-flow .flow-row').count(), 0, 'a replay starts with an empty flow');
      }
      assert.deepEqual(pageErrors, []);
      await page.close();
    }
  });

  test(`a bounce in the flow and in the message view: names, the reason whole${mode.presentation ? ', presentation theme' : ''}`, async () => {
    await shared.space.reset();
    const { page, pageErrors } = await openUi(shared.browser, shared.space, '/', mode);
    await sendMail(shared.space, PHARMACY, { to: GERARD_OPPOSED.address, subject: 'Rappel : deuxième dose du vaccin', text: 'Bonjour Gérard.' });
    const bounce = page.locator('.flow-row.kind-bounced');
    await bounce.waitFor({ timeout: 5000 });
    await capture(page, `avis-de-non-remise-flux${mode.suffix}`);
    const [reason] = await assertWhole(bounce.locator('.flow-reason'), 'the reason in the row');
    assert.equal(reason, '5.1.1Non distribué à Gérard Lambert, patient, car cette adresse Mon espace santé n\'existe pas.');
    assert.equal(await bounce.locator('.flow-route').innerText(), 'Service de non-remise, CNAM – Mon espace santé → Pharmacie du Parc');
    assert.equal(await page.locator('.flow-time').first().isVisible(), !mode.presentation, 'technical fields hidden in the presentation theme');
    await assertAccessible(page, `flux avec un avis de non-remise${mode.suffix}`);

    await bounce.click();
    const detail = page.locator('#detail');
    await detail.locator('details.raw').waitFor({ timeout: 5000 });
    const [lead] = await assertWhole(detail.locator('.detail-overview .lead'), 'the reason in the message view');
    assert.equal(lead, '5.1.1 Non distribué à Gérard Lambert, patient, car cette adresse Mon espace santé n\'existe pas.');
    assert.ok(await fontSize(detail.locator('.lead')) >= 24, 'the reason in large type');
    assert.match(await detail.locator('.story').innerText(), /Service de non-remise, CNAM – Mon espace santé prévient Pharmacie du Parc : son message à Gérard Lambert, patient, n'a pas été remis\./);
    assert.equal(await detail.locator('details.fold[open]').count(), 0, 'technical details folded');
    await capture(page, `avis-de-non-remise-message${mode.suffix}`);
    await assertAccessible(page, `vue du message${mode.suffix}`);
    await detail.locator('details.headers-fold > summary').click();
    await detail.locator('table.headers').waitFor({ timeout: 2000 });
    await assertAccessible(page, `en-têtes dépliés${mode.suffix}`);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden', timeout: 2000 });
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test(`every main view opens at its top, accessible, captured${mode.presentation ? ', presentation theme' : ''}`, async () => {
    await shared.space.reset();
    await sendMail(shared.space, DR_MARTIN, { to: LOUISE.address, subject: 'Livret médical de Louise', text: 'Bonjour.' });
    await sendMail(shared.space, PHARMACY, { to: LOUISE.address, subject: 'Votre commande est prête', text: 'Bonjour Louise.', headers: { 'X-MSS-MES': 'FIN' } });
    await sendMail(shared.space, DR_MARTIN, { to: GERARD_OPPOSED.address, subject: 'Résultats de Gérard', text: 'Bonjour.' });
    await shared.space.mes.write({ ins: LOUISE.ins, to: 'camille.dupre@pharmacien.mssante.fr', subject: 'Question sur mon traitement', text: 'Bonjour.' });
    await sendMail(shared.space, PHARMACY, { to: LOUISE.address, subject: '[FIN]', text: 'Fin de nos échanges.' });
    const { page, pageErrors } = await openUi(shared.browser, shared.space, '/', mode);
    await page.locator('.flow-row.kind-patient-refused').waitFor({ timeout: 5000 });
    await capture(page, `flux-plusieurs-messages${mode.suffix}`);
    await assertWhole(page.locator('.flow-reason'), 'a reason in the flow');
    for (const [tab, name] of [
      ['Flux en direct', 'flux-en-direct'],
      ['Espace de confiance', 'espace-de-confiance'],
      ['Conversations', 'conversations'],
      ['Actions du formateur', 'actions-du-formateur'],
      ['Démonstrations', 'demonstrations'],
      ['Console', 'console'],
    ] as const) {
      await page.locator('main').evaluate((main) => main.scrollTo({ top: main.scrollHeight })); // the previous view scrolled down
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      assert.equal(await page.locator('main').evaluate((main) => main.scrollTop), 0, `${tab} opens at its top`);
      await page.locator('[role="tabpanel"]:not([hidden])').waitFor({ timeout: 2000 });
      await capture(page, `vue-${name}${mode.suffix}`);
      await assertAccessible(page, `${tab}${mode.suffix}`);
    }
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
}

test('the presentation toggle is remembered', async () => {
  const { page } = await openUi(shared.browser, shared.space, '/');
  const toggle = page.getByRole('button', { name: 'Mode présentation' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await page.evaluate('document.documentElement.dataset.theme'), 'presentation');
  await page.reload();
  await page.locator('#etat-direct.connected').waitFor({ timeout: 5000 });
  assert.equal(await page.getByRole('button', { name: 'Mode présentation' }).getAttribute('aria-pressed'), 'true');
  assert.ok(Number.parseFloat(await page.evaluate('getComputedStyle(document.body).fontSize')) >= 20);
  await page.close();
});
