// The pages showing both ends of a conversation as people see them, under the same strict
// Content-Security-Policy as the trainer UI: the simulated Mon espace santé app (patient side),
// the professional webmail, and both side by side with the live flow (for trainers). Each page
// is a small HTML shell, the design system's stylesheets, apps.css and its own bundle.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { text } from '../http-response.ts';
import type { Route } from '../route.ts';
import { uiBundle } from './ui-bundle.ts';
import { UI_CONTENT_SECURITY_POLICY } from './ui-routes.ts';

const HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': UI_CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Page path → its HTML shell and its bundle (src/<entry>.ts, served as /ui/<entry>.js). */
const PAGES = [
  { path: '/mon-espace-sante', html: 'patient.html', entry: 'patient-page' },
  { path: '/messagerie', html: 'webmail.html', entry: 'webmail-page' },
  { path: '/cote-a-cote', html: 'side-by-side.html', entry: 'side-by-side-page' },
] as const;

/** Open to all, like the trainer UI's shell: the pages hold no data; their API calls need the token. */
export const APP_PUBLIC_PATHS: readonly string[] = [...PAGES.flatMap((page) => [page.path, `/ui/${page.entry}.js`]), '/ui/apps.css', '/ui/design/tokens.css', '/ui/design/components.css'];

const asset = (name: string) => readFile(fileURLToPath(new URL(name, import.meta.url)), 'utf8');

export function appPageRoutes(): Route[] {
  return [
    ...PAGES.flatMap((page): Route[] => [
      { method: 'GET', path: page.path, handler: async () => text(await asset(`./${page.html}`), 'text/html; charset=utf-8', { ...HEADERS }) },
      { method: 'GET', path: `/ui/${page.entry}.js`, handler: async () => text(await uiBundle(page.entry), 'text/javascript; charset=utf-8', { ...HEADERS }) },
    ]),
    { method: 'GET', path: '/ui/apps.css', handler: async () => text(await asset('./apps.css'), 'text/css; charset=utf-8', { ...HEADERS }) },
  ];
}
