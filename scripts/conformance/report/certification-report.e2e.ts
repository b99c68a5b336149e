// The certification report of a failing campaign in Debian Chromium (Playwright): the
// `re-fin-subject` variant of the reference client fails MES-FIN-01. Without any click, the
// verdict « Non conforme » and the failing requirement are on screen; the failure shows its
// evidence (the offending Subject line highlighted) and its « Comment corriger »; the filters
// work; a hostile product name stays text; page.pdf() gives an A4 document. Screenshots and
// the PDF are saved under reports/captures/.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { CHROMIUM_LAUNCH } from '../../../simulator/tooling-api.ts';
import { runConformite } from '../cli/testing/run-conformite.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CAPTURES = join(ROOT, 'reports', 'captures');
const RUN_LIMIT_MS = 120_000;
const HOSTILE_PRODUCT = `Messagerie <img src=x onerror="document.title='EXEC'"> 4.2`;

const work = mkdtempSync(join(tmpdir(), 'rapport-conformite-'));
let browser: Browser;
let page: Page;
const problems: string[] = [];

async function failingCampaign(reports: string): Promise<number | null> {
  return (await runConformite(['--variante', 're-fin-subject', '--tags', '@req:MES-FIN-01 or @req:SC.MSS/CONF.21', '--parallele', '1', '--rapports', reports, '--produit', HOSTILE_PRODUCT], RUN_LIMIT_MS)).code;
}

before(async () => {
  const reports = join(work, 'rapports');
  const [code, launched] = await Promise.all([
    failingCampaign(reports),
    chromium.launch(CHROMIUM_LAUNCH),
  ]);
  browser = launched;
  assert.equal(code, 1, 'the re-fin-subject campaign is non conforme');
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => problems.push(message.text()));
  page.on('dialog', (dialog) => problems.push(`dialog ${dialog.message()}`));
  await page.goto(pathToFileURL(join(reports, 'conformite-rapport.html')).href);
  mkdirSync(CAPTURES, { recursive: true });
});
after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

test('the verdict and the failing requirement are on screen without any click', async () => {
  const verdict = page.locator('#verdict-global .libelle');
  assert.equal(await verdict.textContent(), 'Non conforme');
  assert.ok(await verdict.isVisible());
  const box = await verdict.boundingBox();
  assert.ok(box && box.y + box.height < 900, 'the verdict is in the first screen');
  const row = page.locator('table.exigences tr', { hasText: 'MES-FIN-01' });
  assert.ok(await row.isVisible());
  assert.match((await row.textContent()) ?? '', /échoué/);
  await page.screenshot({ path: join(CAPTURES, 'rapport-conformite-verdict.png') });
});

test('the failure shows its rule, expected and observed, its evidence highlighted and « Comment corriger »', async () => {
  const failure = page.locator('section.echec', { hasText: 'MES-FIN-01' });
  assert.equal(await failure.count(), 1);
  const text = (await failure.textContent()) ?? '';
  assert.match(text, /Attendu.*Alors le dernier message transmis par le logiciel a pour objet exactement « \[FIN\] »/s);
  assert.match(text, /Observé.*reçu « RE: \[FIN\] »/s);
  const fix = failure.locator('.corriger');
  assert.ok(await fix.isVisible());
  assert.match((await fix.textContent()) ?? '', /Comment corriger.*« RE: » devant/s);
  const marked = failure.locator('pre.extrait mark', { hasText: 'Subject: RE: [FIN]' });
  assert.ok(await marked.first().isVisible(), 'the offending Subject line is highlighted, open');
  const eml = failure.locator('a[download$=".eml"]').first();
  assert.match((await eml.getAttribute('href')) ?? '', /^data:message\/rfc822;base64,/);
  await failure.scrollIntoViewIfNeeded();
  await failure.screenshot({ path: join(CAPTURES, 'rapport-conformite-echec.png') });
});

test('the filters keep only the chosen verdict and family', async () => {
  const rows = page.locator('table.exigences tbody tr');
  const all = await rows.count();
  await page.selectOption('#filtre-verdict', 'echoue');
  const shown = page.locator('table.exigences tbody tr:not(.masque)');
  assert.equal(await shown.count(), 1);
  assert.match((await shown.first().textContent()) ?? '', /MES-FIN-01/);
  await page.selectOption('#filtre-verdict', '');
  await page.selectOption('#filtre-famille', 'sc-mss-conf');
  assert.ok((await shown.count()) < all);
  assert.deepEqual(await shown.locator('td.id').allTextContents(), ['SC.MSS/CONF.21']);
  await page.selectOption('#filtre-famille', '');
  assert.equal(await shown.count(), all);
});

test('a hostile product name is shown as text and nothing in the page runs or complains', async () => {
  assert.match((await page.locator('table.identite').textContent()) ?? '', /<img src=x onerror=/);
  assert.equal(await page.locator('img').count(), 0);
  assert.doesNotMatch(await page.title(), /^EXEC/);
  assert.deepEqual(problems, []);
});

test('page.pdf() prints an A4 document without the filters', async () => {
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.filtres').isVisible(), false);
  await page.screenshot({ path: join(CAPTURES, 'rapport-conformite-impression.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  writeFileSync(join(CAPTURES, 'rapport-conformite.pdf'), pdf);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(boxes.length >= 2, 'several pages');
  for (const [width, height] of boxes) assert.ok(Math.abs((width ?? 0) - 595.3) < 1.5 && Math.abs((height ?? 0) - 841.9) < 1.5, `A4 page, got ${width} × ${height}`);
  assert.ok(readFileSync(join(CAPTURES, 'rapport-conformite.pdf')).length > 10_000);
});
