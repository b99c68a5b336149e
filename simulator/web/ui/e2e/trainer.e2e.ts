// What a trainer does in Chromium: a démonstration played to the end with its
// narration, and a patient action Mon espace santé refuses, shown with its French reason
// (REG-MES-03: a patient never writes first to a nominative mailbox), and the manual driver's
// console: its instruction and question shown, the question answered with « Oui ».
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capture, holdDown, LOUISE, openUi, sharedSpaceAndBrowser } from './e2e-kit.ts';

// One trust space and one Chromium for the file, reset before each test.
const shared = sharedSpaceAndBrowser();

test('a démonstration runs to the end, narrated step by step, and its messages reach the live flow', async () => {
  const { page, pageErrors } = await openUi(shared.browser, shared.space, '/#demonstrations');
  const card = page.locator('article.demonstration', { hasText: 'Les trois avis de non-remise' });
  await card.waitFor({ timeout: 5000 });
  await card.getByRole('button', { name: /Démarrer/ }).click();
  const stage = page.locator('#demonstration-scene');
  await stage.getByRole('button', { name: 'Étape suivante' }).waitFor({ timeout: 5000 });
  assert.match((await stage.locator('.narration').textContent()) ?? '', /^Étape 1 : /);
  await stage.getByRole('button', { name: 'Étape suivante' }).click();
  await stage.locator('.demonstration-log li').first().waitFor({ timeout: 10_000 });
  await stage.getByRole('button', { name: 'Jusqu\'à la fin' }).click();
  await stage.getByText('La démonstration est terminée.').waitFor({ timeout: 20_000 });
  const steps = await stage.locator('.demonstration-log li').count();
  const outcomes = await stage.locator('.demonstration-log .outcome').allTextContents();
  assert.ok(steps >= 2, `${steps} steps in the log`);
  assert.ok(outcomes.some((o) => /non-remise/i.test(o)), `outcomes: ${outcomes.join(' | ')}`);
  await capture(page, 'demonstration-terminee');
  await page.getByRole('tab', { name: 'Flux en direct' }).click();
  await page.locator('.flow-row.kind-bounced').first().waitFor({ timeout: 5000 });
  assert.ok((await page.locator('.flow-row.kind-bounced').count()) >= 3, 'the three bounces are in the flow');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('F pressed while a step still waits for its answer plays the rest to the end (the live feed showed the result first)', async () => {
  const { page, pageErrors } = await openUi(shared.browser, shared.space, '/#demonstrations');
  // The answer to the first « étape suivante » is held until F has been pressed; the step itself
  // runs on the server and its result reaches the page through the live feed meanwhile.
  let releaseAnswer = () => {};
  const answerHeld = new Promise<void>((resolve) => (releaseAnswer = resolve));
  let held = 0;
  await page.route('**/api/demonstrations/runs/*/next', async (route) => {
    const index = (held += 1);
    const response = await route.fetch();
    if (index === 1) await answerHeld;
    await route.fulfill({ response });
  });
  await page.locator('article.demonstration', { hasText: 'Les trois avis de non-remise' }).getByRole('button', { name: /Démarrer/ }).click();
  const stage = page.locator('#demonstration-scene');
  await stage.getByRole('button', { name: 'Étape suivante' }).waitFor({ timeout: 5000 });
  await page.keyboard.press('n');
  await stage.locator('.last-result .callout-title', { hasText: /^Résultat de l'étape 1/ }).waitFor({ timeout: 10_000 });
  assert.equal(held, 1, 'the answer to the first step is still held');
  await page.keyboard.press('f');
  releaseAnswer();
  await stage.getByText('La démonstration est terminée.').waitFor({ timeout: 20_000 });
  assert.ok(held >= 2, `F played the following steps (${held} requests)`);
  assert.deepEqual(pageErrors, []);
  // The end can show (live feed) while the last answer is still being passed on: let it finish,
  // or closing the page under it rejects outside the test (seen once in a full run).
  await page.unrouteAll({ behavior: 'wait' });
  await page.close();
});

test('Louise writing first to a nominative mailbox is refused, with the French reason shown', async () => {
  const { page, pageErrors } = await openUi(shared.browser, shared.space, '/#actions');
  const form = page.locator('#form-ecrire');
  await form.waitFor({ timeout: 5000 });
  await form.getByLabel('Patient').selectOption(LOUISE.ins);
  await form.getByLabel('Destinataire').fill('camille.dupre@pharmacien.mssante.fr');
  await form.getByLabel('Objet').fill('Question sur mon traitement');
  await form.getByLabel('Texte').fill('Bonjour, puis-je prendre ce médicament le soir ?');
  await form.getByRole('button', { name: 'Envoyer depuis Mon espace santé' }).press('Enter');
  const result = form.locator('output.result.error');
  await result.waitFor({ timeout: 5000 });
  const text = (await result.textContent()) ?? '';
  assert.match(text, /^Refusé par Mon espace santé : /);
  assert.ok(text.length > 'Refusé par Mon espace santé : '.length + 10, text);
  assert.equal(shared.space.store.list('camille.dupre@pharmacien.mssante.fr').length, 0, 'the professional never receives it');
  await capture(page, 'action-patient-refusee');
  await page.getByRole('tab', { name: 'Flux en direct' }).click();
  const refused = page.locator('.flow-row.kind-patient-refused');
  await refused.waitFor({ timeout: 5000 });
  assert.equal(await refused.locator('.badge.meaning-refused').textContent(), 'refus Mon espace santé');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test("the manual driver's instruction and question appear in the console, and « Oui » answers the harness", async () => {
  const { page, pageErrors } = await openUi(shared.browser, shared.space, '/#console');
  const instruction = shared.space.console.instruct('Dans votre logiciel, écrivez à Louise MARCHAND (INS 284034912304586).', ['Objet : Rappel de vaccination'], 120_000);
  const { answer } = shared.space.console.ask("Le logiciel montre-t-il le message « Rappel » comme non remis ?", ['Motif attendu : « n\'existe pas »']);
  const question = page.locator('article.prompt.question.status-open');
  await question.waitFor({ timeout: 5000 });
  assert.match((await page.locator('article.prompt.instruction').textContent()) ?? '', /délai : 120 s/);
  await capture(page, 'console-pilote-manuel');
  await question.getByRole('button', { name: 'Oui' }).click();
  const given = await Promise.race([answer, new Promise<'none'>((resolve) => setTimeout(() => resolve('none'), 5000))]);
  assert.equal(given, true, 'the harness receives the answer given in the web UI');
  await page.locator('article.prompt.question', { hasText: 'Réponse : oui' }).waitFor({ timeout: 5000 });
  shared.space.console.close(instruction.id, 'done');
  assert.deepEqual(pageErrors, []);
});

test('a prompt arriving while « Oui » is pressed or has the keyboard loses neither the press nor the keyboard', async () => {
  const { page, pageErrors } = await openUi(shared.browser, shared.space, '/#console');
  const first = shared.space.console.ask('Le logiciel affiche-t-il le motif de non-remise ?', []);
  const question = page.locator('article.prompt.question.status-open');
  await question.waitFor({ timeout: 5000 });
  // Held down as a person does, while the harness posts an instruction (the console is drawn again).
  const instruction = await holdDown(page, question.getByRole('button', { name: 'Oui' }), () => shared.space.console.instruct('Ouvrez la boîte de réception.', [], 60_000));
  const given = await Promise.race([first.answer, new Promise<'none'>((resolve) => setTimeout(() => resolve('none'), 5000))]);
  assert.equal(given, true, 'the press held while the console changed still answers');
  const opened = page.locator('article.prompt.instruction', { hasText: 'Ouvrez la boîte de réception.' });
  await opened.waitFor({ timeout: 5000 });

  // With the keyboard: on « Non » of a new question when another prompt arrives, Enter still answers it.
  const second = shared.space.console.ask('Le message est-il relié à l\'envoi ?', []);
  await page.locator('article.prompt.question.status-open').waitFor({ timeout: 5000 });
  await page.locator('article.prompt.question.status-open').getByRole('button', { name: 'Non' }).focus();
  assert.ok(instruction);
  shared.space.console.close(instruction.id, 'done');
  await page.locator('article.prompt.instruction.status-done', { hasText: 'Ouvrez la boîte de réception.' }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator('article.prompt.question.status-open').getByRole('button', { name: 'Non' }).evaluate((b) => b === b.ownerDocument.activeElement), true, 'the keyboard is still on « Non »');
  await page.keyboard.press('Enter');
  const secondGiven = await Promise.race([second.answer, new Promise<'none'>((resolve) => setTimeout(() => resolve('none'), 5000))]);
  assert.equal(secondGiven, false);
  assert.deepEqual(pageErrors, []);
});
