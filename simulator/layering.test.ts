// The layers point one way, and this test says so (as msw keeps its core free of Node APIs):
// - `simulator/domain` is pure: it imports only other domain files (no Node module, no package,
//   no I/O, no clock);
// - nothing under `simulator/` imports `steps/`, `scripts/` or `bench/`;
// - `steps/` and `scripts/` reach the simulator only through `simulator/public-api.ts` (or its
//   light part for the test tooling, `simulator/tooling-api.ts`, which public-api.ts re-exports);
// - `steps/support` (world, hooks, cast) does not import `steps/conformance`, which builds on it.
// Every import form is read: static, `export … from`, dynamic `import()`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '..');
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

interface Import {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  /** Repository-relative target for a relative specifier. */
  readonly target?: string;
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry.startsWith('.')) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|mts|js|mjs)$/.test(entry) ? [path] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? '';
    const line = text.slice(0, match.index).split('\n').length;
    const target = specifier.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), specifier)) : undefined;
    found.push({ file, line, specifier, ...(target !== undefined ? { target } : {}) });
  }
  return found;
}

const all = ['simulator', 'steps', 'scripts'].flatMap(sources).flatMap(importsOf);
const where = (i: Import) => `${i.file}:${i.line} importe « ${i.specifier} »`;

test('simulator/domain is pure: only other domain files', () => {
  const offending = all.filter((i) => i.file.startsWith('simulator/domain/') && !i.file.endsWith('.test.ts') && !i.target?.startsWith('simulator/domain/'));
  assert.deepEqual(offending.map(where), [], 'le domaine doit rester pur : déplacez ce code vers un service ou un adaptateur');
});

test('simulator/ never imports steps/, scripts/ or bench/', () => {
  const offending = all.filter((i) => i.file.startsWith('simulator/') && /^(steps|scripts|bench)\//.test(i.target ?? ''));
  assert.deepEqual(offending.map(where), [], 'le simulateur ne dépend pas du banc : déplacez le code partagé sous simulator/ et exposez-le par simulator/public-api.ts');
});

const PUBLIC_ENTRIES = new Set(['simulator/public-api.ts', 'simulator/tooling-api.ts']);

test('steps/ and scripts/ use the simulator through simulator/public-api.ts only (or its light part, tooling-api.ts)', () => {
  const offending = all.filter((i) => /^(steps|scripts)\//.test(i.file) && i.target?.startsWith('simulator/') && !PUBLIC_ENTRIES.has(i.target));
  assert.deepEqual(offending.map(where), [], "passez par simulator/public-api.ts (ajoutez-y l'export manquant)");
});

test('steps/support does not import steps/conformance', () => {
  const offending = all.filter((i) => i.file.startsWith('steps/support/') && i.target?.startsWith('steps/conformance/'));
  assert.deepEqual(offending.map(where), [], "steps/support est la base : le code partagé y vit, steps/conformance s'appuie dessus");
});

test('the rule reads every import form', () => {
  const sample = "import a from './x.ts';\nexport { b } from '../y.ts';\nconst c = await import('./z.ts');\nimport './side.ts';\n";
  assert.deepEqual([...sample.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3]), ['./x.ts', '../y.ts', './z.ts', './side.ts']);
});
