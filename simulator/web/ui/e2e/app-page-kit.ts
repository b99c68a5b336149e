// Opening the app pages (Mon espace santé, webmail, side by side) in the UI tests: at 1280×720 or
// a phone size, page errors recorded, ready once the app is drawn and the live feed connected;
// and the axe-core check of a state, failing on any serious or critical violation.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright';
import type { RunningTrustSpace } from '../../../trust-space/trust-space.ts';
import { seriousViolations } from './axe-check.ts';
import { capture } from './e2e-kit.ts';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 720 };

export interface AppPage {
  readonly page: Page;
  readonly pageErrors: string[];
}

export interface AppPageOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  /** A selector shown once the page's app is drawn. */
  readonly ready?: string;
  readonly reducedMotion?: boolean;
}

export async function openAppPage(browser: Browser, space: RunningTrustSpace, path: string, options: AppPageOptions = {}): Promise<AppPage> {
  const page = await browser.newPage({ viewport: options.viewport ?? DESKTOP, locale: 'fr-FR', reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference' });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${space.endpoints.http.baseUrl}${path}`);
  await page.locator(options.ready ?? '.mes-app, .wm-app').first().waitFor({ timeout: 10_000 });
  await page.locator('body[data-live="connected"]').waitFor({ timeout: 10_000 });
  return { page, pageErrors };
}

export async function noSeriousViolation(page: Page, where: string): Promise<void> {
  assert.deepEqual(await seriousViolations(page), [], `axe-core, ${where}`);
}

/** Captures `name` and checks it with axe-core, then the same in the presentation theme (`<name>-presentation`), which stays on. */
export async function captureBothThemes(page: Page, name: string, where: string): Promise<void> {
  await capture(page, name);
  await noSeriousViolation(page, where);
  await page.getByRole('button', { name: 'Mode présentation' }).click();
  await page.locator('html[data-theme="presentation"]').waitFor({ timeout: 5000 });
  await capture(page, `${name}-presentation`);
  await noSeriousViolation(page, `${where}, mode présentation`);
}
