// The manual driver's console in Chromium: the text to type keeps its line breaks, and when the
// run ends (the campaign's simulator stops, `conformite` restarts one on the same port to show
// the verdict) the console reconnects and shows the final verdict with the link to the report,
// which opens. Screenshots under reports/captures/.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import { startTrustSpace } from '../../../trust-space/start-trust-space.ts';
import type { RunningTrustSpace } from '../../../trust-space/trust-space.ts';
import { capture, captureFailures, launchChromium, openUi, startSpace } from './e2e-kit.ts';

let spaces: RunningTrustSpace[] = [];
let browser: Browser;
const reports = mkdtempSync(join(tmpdir(), 'mss-e2e-rapport-'));

before(async () => {
  const [space, launched] = await Promise.all([startSpace(), launchChromium()]);
  spaces = [space];
  browser = launched;
});
captureFailures(() => browser);

after(async () => {
  await browser?.close();
  for (const space of spaces) await space.stop();
  rmSync(reports, { recursive: true, force: true });
});

const BODY = 'Bonjour Madame Marchand,\nvotre ordonnance est prête.\n\nPharmacie du Parc';

test('the console keeps the line breaks of the text to type, then shows the final verdict and opens the report', async () => {
  const first = spaces[0]!;
  const { page, pageErrors, consoleLines } = await openUi(browser, first, '/#console');
  first.console.instruct('Écrivez à la patiente Louise MARCHAND par sa messagerie Mon espace santé', ['Objet, exactement : Ordonnance', `Texte : ${BODY}`], 60_000);
  const text = page.locator('article.prompt.instruction li', { hasText: 'Texte :' });
  await text.waitFor({ timeout: 5000 });
  // innerText follows the rendering: with white-space: normal the breaks would be spaces.
  assert.equal(await text.innerText(), `Texte : ${BODY}`);
  assert.equal(await page.evaluate("getComputedStyle(document.querySelector('article.prompt.instruction li:last-child')).whiteSpace"), 'pre-wrap');
  await capture(page, 'console-manuelle-consigne-multiligne');

  // The campaign ends: its simulator stops; one restarts on the same HTTP port with the verdict.
  const report = join(reports, 'conformite-rapport.html');
  writeFileSync(report, '<!doctype html><html lang="fr"><title>Rapport de conformité</title><h1>Non conforme</h1><p>MES-FIN-01 : non conforme</p></html>');
  const port = first.endpoints.http.port;
  await first.stop();
  spaces = [];
  await page.locator('#etat-direct.disconnected').waitFor({ timeout: 10_000 });
  const second = await startTrustSpace({ host: '127.0.0.1', submissionPort: 0, peerPort: 0, imapPort: 0, imapsPort: 0, httpPort: port, dataDir: join(tmpdir(), 'mss-ui-e2e') });
  spaces = [second];
  second.console.verdict({ text: 'Verdict : Non conforme', details: ['Exigences : 11 conformes, 1 non conforme.', '<b>pas du HTML</b>'], reportFile: report });

  const verdict = page.locator('article.prompt.verdict');
  await verdict.waitFor({ timeout: 15_000 });
  assert.equal(await verdict.locator('.verdict-text').innerText(), 'Verdict : Non conforme');
  assert.equal(await verdict.locator('b').count(), 0, 'details are text, never markup');
  assert.match(await verdict.innerText(), /<b>pas du HTML<\/b>/);
  const link = verdict.getByRole('link', { name: 'Ouvrir le rapport de conformité' });
  assert.equal(await link.getAttribute('href'), '/api/console/rapport');
  await capture(page, 'console-manuelle-verdict-final');

  const [opened] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await opened.waitForLoadState();
  assert.equal(await opened.locator('h1').innerText(), 'Non conforme');
  await capture(opened, 'console-manuelle-rapport-ouvert');
  assert.deepEqual(pageErrors, []);
  assert.ok(!consoleLines.some((l) => /Content Security Policy/i.test(l)), consoleLines.join('\n'));
});
