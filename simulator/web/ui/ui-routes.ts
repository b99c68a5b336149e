// The web UI: the page, its script (bundled by ui-bundle.ts) and its stylesheet, served
// under a strict Content-Security-Policy: scripts and styles from this origin only, no inline
// script or style, frames only from this origin (the sandboxed message view), nothing else.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { text } from '../http-response.ts';
import type { Route } from '../route.ts';
import { uiBundle } from './ui-bundle.ts';

export const UI_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const UI_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': UI_CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Stylesheets of design/, linked in this order by every page of the front end. */
export const DESIGN_STYLESHEETS = ['tokens.css', 'components.css'] as const;

const cache = new Map<string, Promise<string>>();

function asset(name: string): Promise<string> {
  let content = cache.get(name);
  if (!content) {
    content = readFile(fileURLToPath(new URL(name, import.meta.url)), 'utf8');
    cache.set(name, content);
  }
  return content;
}

export function uiRoutes(): Route[] {
  return [
    { method: 'GET', path: '/', handler: async () => text(await asset('./index.html'), 'text/html; charset=utf-8', { ...UI_HEADERS }) },
    { method: 'GET', path: '/ui/app.js', handler: async () => text(await uiBundle(), 'text/javascript; charset=utf-8', { ...UI_HEADERS }) },
    { method: 'GET', path: '/ui/style.css', handler: async () => text(await asset('./style.css'), 'text/css; charset=utf-8', { ...UI_HEADERS }) },
    // The design system (design/README.md): tokens first, then the shared components.
    ...DESIGN_STYLESHEETS.map((name): Route => ({ method: 'GET', path: `/ui/design/${name}`, handler: async () => text(await asset(`./design/${name}`), 'text/css; charset=utf-8', { ...UI_HEADERS }) })),
  ];
}
