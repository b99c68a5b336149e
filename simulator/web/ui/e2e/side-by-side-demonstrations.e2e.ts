// The guided demonstrations played in the side by side page, in Chromium: each step is typed and
// sent in the real screens of the webmail or the Mon espace santé app (animation off for speed),
// arrives on the other side, and its outcome line is the trust space's own (the live flow's entry:
// delivery, Mon espace santé's refusal, the bounce sentence). Captures at 1280×720 and at a phone
// size under reports/captures/; axe-core finds nothing serious; no page error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import type { FlowEntry } from '../../../observation/live-flow/flow-entry.ts';
import { captureBothThemes, noSeriousViolation, openAppPage, PHONE, type AppPage } from './app-page-kit.ts';
import { capture, GERARD_OPPOSED, LOUISE, PHARMACY, sharedSpaceAndBrowser } from './e2e-kit.ts';

const shared = sharedSpaceAndBrowser();

/** The side by side page with a demonstration chosen; animation off (« Sans animation » checked) unless `animated`. */
async function openSideBySide(demonstration: string, options: { animated?: boolean; reducedMotion?: boolean } = {}): Promise<AppPage> {
  const opened = await openAppPage(shared.browser, shared.space, '/cote-a-cote', { ready: '.wm-app .wm-header', reducedMotion: options.reducedMotion === true });
  const { page } = opened;
  await page.locator('.mes-app .mes-header').waitFor({ timeout: 10_000 });
  if (options.reducedMotion) assert.equal(await page.getByLabel('Sans animation').isChecked(), true, 'prefers-reduced-motion: no typing animation');
  await page.getByLabel('Sans animation').setChecked(!options.animated);
  await page.locator('#demo-choix').selectOption({ label: demonstration });
  return opened;
}

/** In the page (the CSP forbids eval, not DevTools evaluation): resolves once the webmail's message field holds more than 20 characters. */
const TEXT_BEING_TYPED = `new Promise((resolve, reject) => {
  const seen = (event) => {
    if (event.target.name !== 'texte' || event.target.value.length <= 20) return;
    document.removeEventListener('input', seen, true);
    resolve(true);
  };
  document.addEventListener('input', seen, true);
  setTimeout(() => reject(new Error('no text typed in the webmail within 10 s')), 10000);
})`;

/** Plays step `number` (by the button, or by the N key) and answers its outcome line. */
async function step(page: Page, number: number, by: 'button' | 'key' = 'button', whilePlaying?: () => Promise<void>): Promise<string> {
  if (by === 'key') await page.keyboard.press('n');
  else await page.getByRole('button', { name: 'Étape suivante' }).click();
  await whilePlaying?.();
  const result = page.locator('.side-demo-result .callout', { hasText: `Résultat de l'étape ${number}` });
  const failed = page.locator('.side-demo-result', { hasText: "Échec de l'étape" });
  await Promise.race([result.waitFor({ timeout: 30_000 }), failed.waitFor({ timeout: 30_000 })]);
  assert.equal(await failed.count(), 0, `step ${number}: ${await page.locator('.side-demo-result').textContent()}`);
  return (await result.locator('.side-demo-outcome').textContent()) ?? '';
}

function lastFlow(matches: (entry: FlowEntry) => boolean): FlowEntry {
  const entry = shared.space.flow.list({}).entries.filter(matches).at(-1);
  assert.ok(entry, 'the trust space recorded the step');
  return entry;
}

test('the prescription journey plays in the two screens: typed in the app, received in the webmail, refused and answered', async () => {
  const { page, pageErrors } = await openSideBySide('Ordonnance de la patiente à sa pharmacie');
  assert.equal(await page.locator('.side-demo-narration h3').textContent(), 'Prochaine étape (1 sur 4) : À qui Louise peut-elle écrire ?');
  await capture(page, 'cote-a-cote-demonstration-debut');
  await noSeriousViolation(page, 'côte à côte, démonstration choisie');

  assert.match(await step(page, 1, 'key'), /^Mon espace santé propose à Louise MARCHAND : contacts, .* ; pharmacies fréquentées, Pharmacie du Parc\./);

  const sent = await step(page, 2);
  const delivered = lastFlow((e) => e.kind === 'delivered' && e.subject === 'Mon ordonnance');
  assert.equal(delivered.from, LOUISE.address);
  assert.deepEqual(delivered.to, [PHARMACY.address]);
  assert.equal(sent, '« Mon ordonnance » remis à Pharmacie du Parc (écrit par le patient).');
  await page.locator('.wm-row', { hasText: 'Mon ordonnance' }).waitFor({ timeout: 10_000 });
  await capture(page, 'cote-a-cote-demonstration-ordonnance');

  const refused = await step(page, 3, 'key');
  const refusal = lastFlow((e) => e.kind === 'patient-refused');
  assert.equal(refused, `Refusé par Mon espace santé, le message ne part pas : « ${refusal.reason} »`);
  assert.match(refused, /Pharmacie des Tilleuls n'en fait pas partie/);
  await page.locator('.mes-journey .callout.meaning-refused').waitFor();

  const answered = await step(page, 4);
  assert.equal(lastFlow((e) => e.kind === 'delivered' && e.from === PHARMACY.address).to[0], LOUISE.address);
  assert.equal(answered, '« RE: Mon ordonnance » remis à Louise Marchand, patiente.');
  await page.locator('.mes-conversation', { hasText: 'RE: Mon ordonnance' }).waitFor({ timeout: 10_000 });
  assert.equal(await page.getByRole('button', { name: 'Étape suivante' }).isDisabled(), true);
  await capture(page, 'cote-a-cote-demonstration-reponse');
  await noSeriousViolation(page, 'côte à côte, démonstration jouée');
  await page.setViewportSize(PHONE);
  await page.evaluate('window.scrollTo(0, 0)');
  await capture(page, 'cote-a-cote-demonstration-telephone-ecrans');
  await page.locator('.side-demo').scrollIntoViewIfNeeded();
  await capture(page, 'cote-a-cote-demonstration-telephone');
  await noSeriousViolation(page, 'côte à côte, téléphone');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('closure and re-engagement play in the two screens: « [FIN] » closes the conversation in the app, a new one starts', async () => {
  const { page, pageErrors } = await openSideBySide('Clôture par [FIN] et réengagement', { reducedMotion: true });
  assert.equal(await step(page, 1), '« Votre traitement est prêt » remis à Louise Marchand, patiente.');
  await page.locator('.mes-conversation', { hasText: 'Votre traitement est prêt' }).waitFor({ timeout: 10_000 });
  assert.match(await step(page, 2), /^« .*Votre traitement est prêt » remis à Pharmacie du Parc \(écrit par le patient\)\.$/);
  const closed = await step(page, 3);
  assert.equal(lastFlow((e) => e.closesConversation === true).subject, '[FIN]');
  assert.equal(closed, '« [FIN] » remis à Louise Marchand, patiente (échange clos par « [FIN] »).');
  const shown = await step(page, 4);
  assert.match(shown, /^Mon espace santé affiche « Pharmacie du Parc a mis fin à vos échanges : vous ne pouvez plus lui répondre\. » et le bouton « Répondre » est désactivé\.$/);
  assert.equal(await page.locator('form.mes-reply textarea').isDisabled(), true);
  await captureBothThemes(page, 'cote-a-cote-demonstration-cloture', 'côte à côte, échange clos');
  assert.equal(await step(page, 5), '« Nouvelle ordonnance » remis à Pharmacie du Parc (écrit par le patient).');
  await page.locator('.wm-row', { hasText: 'Nouvelle ordonnance' }).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('.side-demo-narration h3').textContent(), 'La démonstration est terminée');
  await page.getByRole('button', { name: 'Recommencer' }).click();
  assert.equal(await page.locator('.side-demo-narration h3').textContent(), 'Prochaine étape (1 sur 5) : La pharmacie écrit à Louise');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a bounce to an opposed patient: sent from the webmail, the app shows no messaging, the outcome is the bounce sentence', async () => {
  const { page, pageErrors } = await openSideBySide('Les trois avis de non-remise', { animated: true });
  await page.locator('.mes-screen .callout-title', { hasText: 'Vous vous êtes opposé(e)' }).waitFor({ timeout: 10_000 }); // the demonstration's patient, once chosen
  await page.evaluate("window.typed = []; document.addEventListener('input', (e) => window.typed.push(e.target.value), true)");
  const outcome = await step(page, 1, 'button', async () => {
    await page.evaluate(TEXT_BEING_TYPED); // the body half typed: the capture shows the typing
    await capture(page, 'cote-a-cote-demonstration-frappe');
  });
  const typed = (await page.evaluate('window.typed')) as string[];
  assert.ok(typed.includes('Rappel : d') && typed.includes('Rappel : deuxième dose du vaccin'), 'the subject is typed character by character');
  const bounce = lastFlow((e) => e.kind === 'bounced');
  assert.equal(bounce.originalRecipient, GERARD_OPPOSED.address);
  assert.equal(outcome, `Avis de non-remise reçu (${bounce.status}) : Non distribué à Gérard Lambert, patient, car cette adresse Mon espace santé n'existe pas.`);
  await page.locator('.mes-screen .callout-title', { hasText: 'Vous vous êtes opposé(e)' }).waitFor();
  await capture(page, 'cote-a-cote-demonstration-non-remise');
  await page.getByLabel('Sans animation').check();
  assert.match(await step(page, 2), /^Avis de non-remise reçu \(5\.\d\.\d\) : Non distribué à Yvette Caron, patiente, car .*clôturée/);
  await page.locator('.mes-screen .callout-title', { hasText: 'Votre messagerie est clôturée' }).waitFor();
  assert.match(await step(page, 3), /^Avis de non-remise reçu \(5\.1\.1\) : Non distribué à Thomas Petit, patient, car cette adresse Mon espace santé n'existe pas\.$/);
  const shown = await step(page, 4);
  assert.match(shown, /^La messagerie affiche l'avis rattaché au message envoyé \(Message concerné : « Rappel : deuxième dose du vaccin » \(.*\)\) avec son motif : « Le message que vous avez envoyé à l'adresse « 101097505607845@patient\.mssante\.fr » n'a pas pu être distribué/);
  await capture(page, 'cote-a-cote-demonstration-avis-rattache');
  assert.deepEqual(pageErrors, []);
  await page.close();
});
