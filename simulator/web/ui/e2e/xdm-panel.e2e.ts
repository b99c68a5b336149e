// The « Archive XDM » panel in Chromium: a correct document message and a faulty one (patientId
// of another patient) sent by the reference client are opened in the message view; the panel
// names the archive, the patient, the headers and the PDF, lists the documents, and shows the
// finding with its rule only for the faulty one. Captures in reports/captures/, axe-core clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createReferenceDriver } from '../../../reference-client/reference-driver.ts';
import type { ReferenceFault } from '../../../reference-client/reference-fault.ts';
import { configurationFor, LOUISE, oauth2Mailbox } from '../../../reference-client/reference-test-space.ts';
import { seriousViolations } from './axe-check.ts';
import { capture, openUi, sharedSpaceAndBrowser } from './e2e-kit.ts';

// One trust space and one Chromium for the file, not reset between tests (each resets itself when it needs to).
const shared = sharedSpaceAndBrowser({ resetBeforeEachTest: false });

async function sendReview(faults: ReferenceFault[]): Promise<void> {
  const driver = createReferenceDriver({ faults });
  await driver.configure(configurationFor(shared.space, oauth2Mailbox(shared.space)));
  const result = await driver.sendDocument?.({ to: ['secretariat.cardiologie@ch-valbrume.mssante.fr'], patient: LOUISE, document: 'medication-review' });
  assert.equal(result?.status, 'sent');
  await shared.space.settled();
}

test('the message view shows the XDM archive: documents, patient, headers, and the findings with their rule', { timeout: 60_000 }, async () => {
  await sendReview([]);
  await sendReview(['xdm-patient-id-not-ins']);
  const { page, pageErrors } = await openUi(shared.browser, shared.space);
  const rows = page.locator('.flow-row', { hasText: 'XDM/1.0/DDM+' });
  await rows.nth(1).waitFor({ timeout: 5000 });

  await rows.nth(1).click(); // newest first: the correct message was sent first
  const panel = page.locator('#detail .xdm-panel');
  await panel.waitFor({ timeout: 5000 });
  const correct = (await panel.textContent()) ?? '';
  assert.match(correct, /IHE_XDM\.ZIP/);
  assert.match(correct, /MARCHAND Louise/);
  assert.match(correct, /X-MSS-INS\s*O/);
  assert.match(correct, /\.pdf/i);
  assert.doesNotMatch(correct, /SC\.MSS\/CONF\.24/, 'no finding on the correct archive');
  await panel.scrollIntoViewIfNeeded();
  await capture(page, 'archive-xdm-conforme');
  assert.deepEqual(await seriousViolations(page), [], 'axe-core, correct archive');

  await page.keyboard.press('Escape');
  // Escape closes the detail; a « Fermer » button still shown is clicked (no wait when it is gone).
  const close = page.getByRole('button', { name: 'Fermer' });
  if (await close.isVisible()) await close.click();
  await rows.nth(0).click();
  const faulty = page.locator('#detail .xdm-panel');
  await faulty.waitFor({ timeout: 5000 });
  assert.match((await faulty.textContent()) ?? '', /SC\.MSS\/CONF\.24/, 'the patientId finding names its rule');
  await faulty.scrollIntoViewIfNeeded();
  await capture(page, 'archive-xdm-patientid-faux');
  assert.deepEqual(pageErrors, []);
});
