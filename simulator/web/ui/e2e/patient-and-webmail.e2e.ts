// Both ends of the lesson in Chromium: the guide's prescription journey in the simulated Mon
// espace santé app (document, proposed pharmacy, search by postal code, send) arrives in the
// pharmacy's ORG mailbox in the webmail with the document intact; a professional writes from the
// webmail, the patient replies in the app, the professional ends the exchange with « [FIN] » and
// the app shows it closed with no reply possible; a message to an opposed patient shows its
// bounce, with its exact French sentence, tied to the sent message. Screens at 1280×720 and
// at a phone size are captured under reports/captures/; axe-core finds nothing serious.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { documentFile } from '../../../services/patient-documents/document-file.ts';
import { captureBothThemes, DESKTOP, noSeriousViolation, openAppPage, PHONE, type AppPage } from './app-page-kit.ts';
import { capture, DR_MARTIN, GERARD_OPPOSED, holdDown, LOUISE, PHARMACY, sendMail, sharedSpaceAndBrowser } from './e2e-kit.ts';

const shared = sharedSpaceAndBrowser();

/** A page of the apps; `ready`: a selector shown once it is drawn. */
function open(path: string, viewport = DESKTOP, ready?: string): Promise<AppPage> {
  return openAppPage(shared.browser, shared.space, path, { viewport, ...(ready ? { ready } : {}) });
}

test("the prescription journey in the app reaches the pharmacy's ORG mailbox in the webmail with the document intact", async () => {
  const { page, pageErrors } = await open(`/mon-espace-sante?ins=${LOUISE.ins}`, PHONE);
  await page.getByRole('heading', { name: 'Messagerie' }).waitFor();
  await capture(page, 'mes-liste-telephone');
  await noSeriousViolation(page, 'liste des messages (téléphone)');
  await page.getByRole('button', { name: 'Nouveau message' }).click();
  const journey = page.getByRole('form', { name: 'Nouveau message' });
  await journey.getByLabel(/Ordonnance : Ordonnance du Dr Hélène Rousseau/).check();
  const proposed = journey.locator('.mes-step', { hasText: 'Pharmacies proposées' });
  assert.match((await proposed.textContent()) ?? '', /Pharmacie du Parc.*49990 Valbrume/);
  await journey.getByLabel('Nom ou code postal').fill('49990');
  await journey.getByRole('button', { name: 'Rechercher' }).click();
  const found = journey.locator('.mes-found');
  await found.getByText('Fréquentée').waitFor({ timeout: 5000 });
  await found.getByLabel(/Pharmacie du Parc/).check();
  assert.equal(await journey.getByLabel('Objet').inputValue(), 'Ordonnance du Dr Hélène Rousseau du 28/11/2026');
  assert.match(await journey.getByLabel('Message', { exact: true }).inputValue(), /^Bonjour,\n\nVeuillez trouver ci-joint/);
  await capture(page, 'mes-nouveau-message-telephone');
  await noSeriousViolation(page, 'parcours vers la pharmacie (téléphone)');
  await page.setViewportSize(DESKTOP);
  await journey.getByRole('button', { name: 'Envoyer' }).scrollIntoViewIfNeeded();
  await capture(page, 'mes-nouveau-message');
  await noSeriousViolation(page, 'parcours vers la pharmacie (bureau)');
  await page.setViewportSize(PHONE);
  await journey.getByRole('button', { name: 'Envoyer' }).click();
  await page.locator('.mes-message.from-patient').getByRole('link', { name: /20261128_ordonnance_MARCHAND_Louise\.pdf/ }).waitFor({ timeout: 5000 });
  await capture(page, 'mes-ordonnance-envoyee-telephone');
  await page.getByRole('button', { name: 'Retour à mes messages' }).click();
  assert.match((await page.locator('.mes-conversation', { hasText: 'Pharmacie du Parc' }).textContent()) ?? '', /1 document/);

  const webmail = await open(`/messagerie?bal=${PHARMACY.address}`, DESKTOP);
  const row = webmail.page.locator('.wm-row', { hasText: 'Ordonnance du Dr Hélène Rousseau' });
  await row.waitFor({ timeout: 5000 });
  await row.click();
  const reader = webmail.page.locator('.wm-reader');
  await reader.getByText("Message d'un patient, depuis Mon espace santé").waitFor({ timeout: 5000 });
  assert.match((await reader.textContent()) ?? '', /MARCHAND Louise, matricule INS 284034912304586/);
  const link = reader.getByRole('link', { name: /20261128_ordonnance_MARCHAND_Louise\.pdf/ });
  await link.waitFor({ timeout: 5000 });
  const download = await webmail.page.request.get(`${shared.space.endpoints.http.baseUrl}${await link.getAttribute('href')}`);
  const expected = documentFile(shared.space.view().patient(LOUISE.ins)?.documents?.[0] ?? assert.fail('no document'));
  assert.equal(createHash('sha256').update(await download.body()).digest('hex'), createHash('sha256').update(expected.content).digest('hex'), 'the PDF arrives byte for byte');
  await capture(webmail.page, 'webmail-ordonnance-recue');
  await noSeriousViolation(webmail.page, 'messagerie web, message du patient');
  assert.deepEqual([...pageErrors, ...webmail.pageErrors], []);
  await Promise.all([page.close(), webmail.page.close()]);
});

test('a professional writes from the webmail, the patient replies in the app, « [FIN] » closes the exchange in the app', async () => {
  const doctor = await open(`/messagerie?bal=${DR_MARTIN.address}`, DESKTOP);
  await doctor.page.getByRole('button', { name: 'Nouveau message' }).click();
  const compose = doctor.page.getByRole('form', { name: 'Nouveau message' });
  await compose.getByLabel(/Ou un patient du dossier/).selectOption(LOUISE.ins);
  await compose.getByLabel('Objet').fill('Résultats de votre bilan');
  await compose.getByLabel('Message', { exact: true }).fill('Bonjour Madame Marchand,\nvotre bilan est normal.');
  await capture(doctor.page, 'webmail-redaction');
  await noSeriousViolation(doctor.page, 'messagerie web, rédaction');
  await compose.getByRole('button', { name: 'Envoyer' }).click();
  await compose.getByText('Envoyé').waitFor({ timeout: 10_000 });

  const app = await open(`/mon-espace-sante?ins=${LOUISE.ins}`, DESKTOP);
  await app.page.locator('.mes-conversation', { hasText: 'Dr Paul Martin' }).click();
  await app.page.getByText('votre bilan est normal.').waitFor({ timeout: 5000 });
  await app.page.getByLabel('Votre réponse').fill('Merci Docteur, bonne journée.');
  await app.page.getByRole('button', { name: 'Répondre' }).click();
  await app.page.locator('.mes-message.from-patient').waitFor({ timeout: 5000 });
  await capture(app.page, 'mes-conversation-ouverte');

  await doctor.page.reload();
  const fromLouise = doctor.page.locator('.wm-row', { hasText: 'MARCHAND Louise' });
  await fromLouise.waitFor({ timeout: 5000 });
  await fromLouise.click();
  await doctor.page.getByRole('button', { name: "Terminer l'échange ([FIN])" }).click();
  const end = doctor.page.getByRole('form', { name: 'Nouveau message' });
  assert.equal(await end.getByLabel('Objet').inputValue(), '[FIN]');
  await end.getByLabel('Message', { exact: true }).fill('Au revoir.');
  await end.getByRole('button', { name: "Envoyer et terminer l'échange ([FIN])" }).click();
  await end.getByText('Envoyé').waitFor({ timeout: 10_000 });

  const banner = app.page.locator('.callout.meaning-closed');
  await banner.waitFor({ timeout: 10_000 });
  assert.match((await banner.textContent()) ?? '', /Dr Paul Martin a mis fin à vos échanges : vous ne pouvez plus lui répondre\./);
  assert.equal(await app.page.getByLabel('Votre réponse').isDisabled(), true);
  assert.equal(await app.page.getByRole('button', { name: 'Répondre' }).isDisabled(), true);
  await capture(app.page, 'mes-conversation-close');
  await app.page.setViewportSize(PHONE);
  await capture(app.page, 'mes-conversation-close-telephone');
  await noSeriousViolation(app.page, 'conversation close');

  // The patient can no longer choose him; the non-frequented pharmacy found by name is refused with the service's own sentence.
  await app.page.getByRole('button', { name: 'Retour à mes messages' }).click();
  await app.page.getByRole('button', { name: 'Nouveau message' }).click();
  const journey = app.page.getByRole('form', { name: 'Nouveau message' });
  assert.doesNotMatch((await journey.locator('.mes-step', { hasText: 'Mes contacts' }).textContent()) ?? '', /Paul Martin/);
  const direct = await app.page.request.post(`${shared.space.endpoints.http.baseUrl}/api/patient-app/${LOUISE.ins}/messages`, { data: { to: DR_MARTIN.address, subject: 'Question', text: 'Bonjour.' } });
  assert.equal(direct.status(), 403);
  assert.equal(((await direct.json()) as { error: { message: string } }).error.message, "Dr Paul Martin ne vous a pas écrit, ou a mis fin à vos échanges : vous pouvez uniquement écrire aux professionnels qui vous ont déjà écrit et qui n'ont pas mis fin aux échanges, ou aux pharmacies que vous fréquentez.");
  await journey.getByLabel('Nom ou code postal').fill('Pharmacie des');
  await journey.getByRole('button', { name: 'Rechercher' }).click();
  await journey.locator('.mes-found').getByLabel(/Pharmacie des Tilleuls.*49991/).check();
  await journey.getByRole('button', { name: 'Envoyer' }).click();
  const refusal = journey.locator('.callout.meaning-refused');
  await refusal.waitFor({ timeout: 5000 });
  assert.match((await refusal.textContent()) ?? '', /Vous ne pouvez écrire qu'aux pharmacies que vous avez déjà fréquentées : Pharmacie des Tilleuls n'en fait pas partie\./);
  await refusal.scrollIntoViewIfNeeded();
  await capture(app.page, 'mes-refus-pharmacie-non-frequentee-telephone');
  assert.deepEqual([...doctor.pageErrors, ...app.pageErrors], []);
  await Promise.all([doctor.page.close(), app.page.close()]);
});

test('a message to an opposed patient sent from the webmail shows its bounce with the exact French sentence, tied to the sent message', async () => {
  const { page, pageErrors } = await open(`/messagerie?bal=${DR_MARTIN.address}`, DESKTOP);
  await page.getByRole('button', { name: 'Nouveau message' }).click();
  const compose = page.getByRole('form', { name: 'Nouveau message' });
  await compose.getByLabel(/Ou un patient du dossier/).selectOption(GERARD_OPPOSED.ins);
  await compose.getByLabel('Objet').fill('Compte rendu de consultation');
  await compose.getByLabel('Message', { exact: true }).fill('Bonjour Monsieur Lambert.');
  await compose.getByRole('button', { name: 'Envoyer' }).click();
  await compose.getByText('Envoyé').waitFor({ timeout: 10_000 });
  await shared.space.settled();
  await page.getByRole('button', { name: /Avis de non-remise \(1\)/ }).waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: /Avis de non-remise \(1\)/ }).click();
  await page.locator('.wm-row').first().click();
  const reader = page.locator('.wm-reader');
  const sentence = `Le message que vous avez envoyé à l'adresse « ${GERARD_OPPOSED.address} » n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.`;
  assert.equal(await reader.locator('.wm-reason').textContent(), sentence);
  const about = reader.getByRole('button', { name: /Message concerné : « Compte rendu de consultation »/ });
  await about.waitFor();
  await capture(page, 'webmail-avis-de-non-remise');
  await noSeriousViolation(page, 'messagerie web, avis de non-remise');
  await about.click();
  assert.equal(await reader.locator('h2').textContent(), 'Compte rendu de consultation');
  assert.equal(await reader.locator('.wm-reason').textContent(), sentence);
  await page.setViewportSize(PHONE);
  await capture(page, 'webmail-envoi-non-distribue-telephone');
  await page.getByRole('button', { name: 'Retour à la liste' }).click();
  await page.locator('.wm-row').first().waitFor();
  await capture(page, 'webmail-envoyes-telephone');
  await noSeriousViolation(page, 'messagerie web (téléphone)');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('opposed, closed and absent profiles see their screen, without messaging; the side by side page shows both ends and the flow', async () => {
  for (const [ins, title, name] of [
    [GERARD_OPPOSED.ins, 'Vous vous êtes opposé(e) à la création de votre profil', 'mes-profil-oppose-telephone'],
    ['238067218103339', 'Votre messagerie est clôturée', 'mes-profil-cloture-telephone'],
    ['101097505607845', 'Aucun profil Mon espace santé', 'mes-profil-absent-telephone'],
  ] as const) {
    const { page, pageErrors } = await open(`/mon-espace-sante?ins=${ins}`, PHONE, '.mes-screen');
    await page.locator('.callout-title', { hasText: title }).waitFor({ timeout: 5000 });
    assert.equal(await page.getByRole('button', { name: 'Nouveau message' }).count(), 0);
    await capture(page, name);
    await noSeriousViolation(page, name);
    assert.deepEqual(pageErrors, []);
    await page.close();
  }
  const { page, pageErrors } = await open('/cote-a-cote', DESKTOP, '.wm-app');
  await page.locator('.mes-app').waitFor({ timeout: 5000 });
  await shared.space.mes.write({ ins: LOUISE.ins, to: PHARMACY.address, subject: 'Mon ordonnance', text: 'Bonjour.' });
  await page.locator('.side-flow-line', { hasText: 'Mon ordonnance' }).waitFor({ timeout: 5000 });
  await page.locator('.wm-row', { hasText: 'Mon ordonnance' }).waitFor({ timeout: 5000 });
  await captureBothThemes(page, 'cote-a-cote', 'côte à côte');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a webmail folder holding more than it lists says so: « (200+) » and how many there are', async () => {
  const receivedAt = new Date();
  for (let i = 1; i <= 205; i += 1) {
    const raw = Buffer.from(`From: ${PHARMACY.address}\r\nTo: ${DR_MARTIN.address}\r\nSubject: Message ${i}\r\nMessage-ID: <liste-${i}@pharmacien.mssante.fr>\r\nDate: ${receivedAt.toUTCString()}\r\n\r\nBonjour.\r\n`);
    shared.space.store.deliver({ mailbox: DR_MARTIN.address, kind: 'message', envelope: { mailFrom: PHARMACY.address, rcptTo: [DR_MARTIN.address] }, raw, receivedAt, ingress: 'peer' });
  }
  const { page, pageErrors } = await open(`/messagerie?bal=${DR_MARTIN.address}`);
  await page.getByRole('button', { name: 'Boîte de réception (200+)' }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator('.wm-truncated').textContent(), 'Les 200 messages les plus récents du dossier Réception sont listés, sur 205.');
  assert.equal(await page.locator('.wm-row').count(), 200);
  await capture(page, 'webmail-dossier-tronque');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

/** Counts, from the page's next load on, the live feed entries it receives (on its own EventSource). */
async function countFlowEntries(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counted = globalThis as unknown as { flowEvents: number; EventSource: typeof EventSource };
    counted.flowEvents = 0;
    const Original = counted.EventSource;
    counted.EventSource = class extends Original {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('flow', () => (counted.flowEvents += 1));
      }
    };
  });
  await page.reload();
}

/** Dr Martin writes to Louise; returns once the page has the live entry and has read its data again (its drawing is then due). */
async function messageArrives(page: Page, subject: string, text: string): Promise<void> {
  const before = await page.evaluate(() => (globalThis as unknown as { flowEvents: number }).flowEvents);
  const readAgain = page.waitForResponse((response) => response.request().method() === 'GET' && new URL(response.url()).pathname === `/api/patient-app/${LOUISE.ins}`, { timeout: 10_000 });
  await sendMail(shared.space, DR_MARTIN, { to: LOUISE.address, subject, text });
  await page.waitForFunction((count) => (globalThis as unknown as { flowEvents: number }).flowEvents > count, before, { timeout: 10_000 });
  await readAgain;
  await page.waitForTimeout(100);
}

test('a message arriving while the patient writes her reply loses neither her text, nor her press on « Répondre », nor her keyboard', async () => {
  await sendMail(shared.space, DR_MARTIN, { to: LOUISE.address, subject: 'Votre rendez-vous', text: 'Bonjour, votre rendez-vous est confirmé.' });
  const { page, pageErrors } = await open(`/mon-espace-sante?ins=${LOUISE.ins}`, DESKTOP);
  await countFlowEntries(page);
  await page.locator('.mes-conversation', { hasText: 'Dr Paul Martin' }).click();
  await page.getByText('votre rendez-vous est confirmé.').waitFor({ timeout: 5000 });
  await page.getByLabel('Votre réponse').fill('Merci, à jeudi.');
  await messageArrives(page, 'Précision', 'Pensez à votre carte Vitale.');
  assert.equal(await page.getByText('Pensez à votre carte Vitale.').count(), 0, 'not drawn while she writes');
  // The reload the message asked for must not draw the form again under her finger (the press
  // would give no click, the text would be lost).
  await holdDown(page, page.getByRole('button', { name: 'Répondre' }));
  await page.locator('.mes-message.from-patient', { hasText: 'Merci, à jeudi.' }).waitFor({ timeout: 5000 });
  // Then the page reads what arrived meanwhile.
  await page.getByText('Pensez à votre carte Vitale.').waitFor({ timeout: 5000 });
  assert.equal(await page.getByLabel('Votre réponse').inputValue(), '', 'the sent reply is no longer a draft');

  // With the keyboard: Tab from her text to « Répondre » lets the waiting reload come; the page
  // drawn again keeps the keyboard on « Répondre » and her text, and Enter sends it.
  await page.getByLabel('Votre réponse').fill('Et merci pour la précision.');
  await messageArrives(page, 'Horaires', 'Le cabinet ouvre à 8 h.');
  await page.keyboard.press('Tab');
  await page.getByText('Le cabinet ouvre à 8 h.').waitFor({ timeout: 5000 });
  assert.equal(await page.getByRole('button', { name: 'Répondre' }).evaluate((button) => button === button.ownerDocument.activeElement), true, 'the keyboard is still on « Répondre »');
  assert.equal(await page.getByLabel('Votre réponse').inputValue(), 'Et merci pour la précision.');
  await page.keyboard.press('Enter');
  await page.locator('.mes-message.from-patient', { hasText: 'Et merci pour la précision.' }).waitFor({ timeout: 5000 });

  // A reply on its way (held 3 s here) stays « on its way » in the form drawn again meanwhile:
  // « Répondre » disabled, so that a second press cannot send it twice.
  await page.route('**/replies', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.continue();
  });
  await page.getByLabel('Votre réponse').fill('Une dernière question.');
  await messageArrives(page, 'Rappel', 'Apportez vos résultats.');
  await page.getByRole('button', { name: 'Répondre' }).click();
  await page.getByText('Apportez vos résultats.').waitFor({ timeout: 5000 }); // drawn again while the reply travels
  assert.equal(await page.getByRole('button', { name: 'Répondre' }).isDisabled(), true, '« Répondre » stays disabled while the reply travels');
  await page.locator('.mes-message.from-patient', { hasText: 'Une dernière question.' }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator('.mes-message.from-patient', { hasText: 'Une dernière question.' }).count(), 1);
  await page.unroute('**/replies');

  // The same in « Nouveau message »: a search typed, a message arriving, « Rechercher » held down.
  await page.getByRole('button', { name: 'Nouveau message' }).click();
  const journey = page.getByRole('form', { name: 'Nouveau message' });
  await journey.getByLabel('Nom ou code postal').fill('Pharmacie des');
  await messageArrives(page, 'Encore une précision', 'À jeudi.');
  await holdDown(page, journey.getByRole('button', { name: 'Rechercher' }));
  await journey.locator('.mes-found').getByLabel(/Pharmacie des Tilleuls.*49991/).waitFor({ timeout: 5000 });
  assert.equal(await journey.getByLabel('Nom ou code postal').inputValue(), 'Pharmacie des');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a long conversation in the app opens on its last 20 messages; older ones come on demand', async () => {
  for (let i = 1; i <= 25; i += 1) {
    const written = await shared.space.mes.write({ ins: LOUISE.ins, to: PHARMACY.address, subject: `Question n° ${i}`, text: `Bonjour, question ${i}.` });
    assert.equal(written.accepted, true);
  }
  const { page, pageErrors } = await open(`/mon-espace-sante?ins=${LOUISE.ins}`, PHONE);
  await page.locator('.mes-conversation', { hasText: 'Pharmacie du Parc' }).click();
  await page.locator('.mes-message').first().waitFor({ timeout: 5000 });
  assert.equal(await page.locator('.mes-message').count(), 20);
  assert.match((await page.locator('.mes-message h3').first().textContent()) ?? '', /^Question n° 6$/);
  await page.getByRole('button', { name: 'Afficher 5 messages plus anciens (sur 5)' }).click();
  await page.locator('.mes-message h3', { hasText: /^Question n° 1$/ }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator('.mes-message').count(), 25);
  assert.equal(await page.locator('.mes-older').count(), 0, 'nothing older left');
  assert.deepEqual(pageErrors, []);
  await page.close();
});
