// Support for the web UI's end-to-end tests (UI tests `<page>.e2e.ts`, Playwright with
// Debian Chromium): a real trust space on loopback ports 0, Chromium's headless shell
// (chromium-launch.ts; scripts/ensure-chromium.sh installs it), a page
// at 1280×720 (normal or presentation theme) whose dialogs, console lines and page errors are
// recorded, screenshots under reports/captures/, and mail sent by a real SMTP client (nodemailer, STARTTLS + AUTH).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright';
import { startTrustSpace } from '../../../trust-space/start-trust-space.ts';
import { submitAs } from '../../../trust-space/testing/submit-as.ts';
import type { RunningTrustSpace } from '../../../trust-space/trust-space.ts';
import { CHROMIUM_LAUNCH } from './chromium-launch.ts';

export const CAPTURES = fileURLToPath(new URL('../../../../reports/captures/', import.meta.url));

/** Fixture mailboxes and their synthetic demo passwords (fixtures/mailboxes.json). */
export const DR_MARTIN = { address: 'paul.martin@ch-valbrume.mssante.fr', password: 'test-paul-martin' };
export const PHARMACY = { address: 'pharmacie.duparc@pharmacien.mssante.fr', password: 'test-pharmacie-du-parc' };
export const LOUISE = { ins: '284034912304586', address: '284034912304586@patient.mssante.fr' };
export const GERARD_OPPOSED = { ins: '152114908701235', address: '152114908701235@patient.mssante.fr' };

/** One test PKI for every e2e file (ensurePki locks its folder): generating it is the slowest part of a start. */
const DATA_DIR = join(tmpdir(), 'mss-ui-e2e');

/** A trust space on free ports (the HTTP port given, to start one again where a page is open). */
export function startSpace(options: { readonly httpPort?: number } = {}): Promise<RunningTrustSpace> {
  return startTrustSpace({ host: '127.0.0.1', submissionPort: 0, peerPort: 0, imapPort: 0, imapsPort: 0, httpPort: options.httpPort ?? 0, dataDir: DATA_DIR });
}

function launch(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

/** This process's Chromium when it runs in the test pool (scripts/unit-runner: a process with an IPC channel). */
let pooledBrowser: Promise<Browser> | undefined;

/**
 * Chromium for a test file, which closes it when done. Alone (`node --test FILE`), a browser of its
 * own. In the test pool, whose processes run one file after another, one Chromium serves them all
 * (a launch costs about 0.7 s of CPU): the file gets it with a `close()` that closes the contexts
 * and pages it opened (every test opens its pages in contexts of their own); the browser closes
 * when the pool lets the process go (its IPC channel closes), or is launched again if it died.
 */
export async function launchChromium(): Promise<Browser> {
  if (process.connected !== true) return launch();
  if (!pooledBrowser || !(await pooledBrowser.then((b) => b.isConnected(), () => false))) {
    pooledBrowser = launch();
    const browser = pooledBrowser;
    process.once('disconnect', () => void browser.then((b) => b.close()).catch(() => undefined));
  }
  const browser = await pooledBrowser;
  return new Proxy(browser, {
    get(target, property) {
      if (property === 'close') return async () => void (await Promise.all(target.contexts().map((context) => context.close())));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface WatchedPage {
  readonly page: Page;
  readonly dialogs: string[];
  readonly consoleLines: string[];
  readonly pageErrors: string[];
}

/** A fresh page at 1280×720 on the UI, watching dialogs (dismissed), console and errors; in the presentation theme when asked (as remembered by the toggle). */
export async function openUi(browser: Browser, space: RunningTrustSpace, path = '/', options: { presentation?: boolean } = {}): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  if (options.presentation) await page.addInitScript("if (window === window.top) localStorage.setItem('mss-sim-presentation', 'oui')"); // not in the sandboxed message frame
  const watched: WatchedPage = { page, dialogs: [], consoleLines: [], pageErrors: [] };
  page.on('dialog', (dialog) => {
    watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message) => watched.consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => watched.pageErrors.push(error.message));
  await page.goto(`${space.endpoints.http.baseUrl}${path}`);
  await page.locator('#etat-direct.connected').waitFor({ timeout: 5000 });
  return watched;
}

/**
 * After a failed test, a screenshot of each page it left open, `reports/captures/echec-<test>-<n>.png`
 * (a failed wait says what was missing, the screen says what was there instead). Called at the top
 * of a file, beside its `before`.
 */
export function captureFailures(browser: () => Browser | undefined): void {
  afterEach(async (context) => {
    // `passed` is in Node 20's test contexts, not in its types.
    if ((context as { readonly passed?: boolean }).passed !== false) return;
    const pages = browser()?.contexts().flatMap((c) => c.pages()) ?? [];
    const name = `echec-${context.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)}`;
    mkdirSync(CAPTURES, { recursive: true });
    for (const [index, page] of pages.entries()) {
      const path = join(CAPTURES, `${name}-${index + 1}.png`);
      await page.screenshot({ path, timeout: 5000 }).then(() => console.log(`Capture après l'échec : ${path} (${page.url()})`), () => undefined);
    }
  });
}

/** A press as a person makes it: `target` held down, `meanwhile` done during the press (its result returned), then 0.8 s more before the release. */
export async function holdDown<T = void>(page: Page, target: Locator, meanwhile?: () => T | Promise<T>): Promise<T | undefined> {
  await target.hover();
  await page.mouse.down();
  const result = await meanwhile?.();
  await page.waitForTimeout(800);
  await page.mouse.up();
  return result;
}

export async function capture(page: Page, name: string): Promise<void> {
  mkdirSync(CAPTURES, { recursive: true });
  await page.screenshot({ path: join(CAPTURES, `${name}.png`), animations: 'disabled' }); // arrows drawn to their end
}

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly headers?: Record<string, string>;
}

/** Submits a message as a fixture mailbox over STARTTLS + AUTH (REG-SMTP-01, REG-SMTP-02); a refusal fails the test. */
export async function sendMail(space: RunningTrustSpace, sender: { address: string; password: string }, mail: OutgoingMail): Promise<void> {
  const sent = await submitAs(space, sender, { ...mail, to: [mail.to], headers: { 'X-MSS-NIL': 'SIMU-E2E', ...mail.headers } });
  if (!sent.accepted) throw new Error(`message refused by the simulator: ${sent.response}`);
}

/** Registers a UI test file's hooks: one trust space and one Chromium for the file, the space reset before each test (unless `resetBeforeEachTest: false`), both stopped at the end. */
export function sharedSpaceAndBrowser(options: { readonly resetBeforeEachTest?: boolean } = {}): { readonly space: RunningTrustSpace; readonly browser: Browser } {
  let space: RunningTrustSpace | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [space, browser] = await Promise.all([startSpace(), launchChromium()]);
  });
  // A file whose tests reset when they need to (or build on the previous test) says so.
  if (options.resetBeforeEachTest ?? true) beforeEach(() => space?.reset());
  captureFailures(() => browser);
  after(async () => {
    await browser?.close();
    await space?.stop();
  });
  return {
    get space() {
      return space ?? assert.fail('the trust space is not started');
    },
    get browser() {
      return browser ?? assert.fail('Chromium is not launched');
    },
  };
}
