import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FIX_CATALOGUE, fixAdvice } from './fix-catalogue.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
/** The patterns of `Then('…'` / `Then("…"` in a step file, as cucumber reports them. */
function thenPatterns(source: string): string[] {
  return [...source.matchAll(/^Then\((['"])(.*?)\1,/gm)].map((m) => (m[1] === "'" ? (m[2] ?? '').replace(/\\\\/g, '\\') : m[2] ?? ''));
}

test('every check of the conformance steps has its own « Comment corriger »', () => {
  const checks = thenPatterns(read('steps/conformance/client-checks.steps.ts'));
  assert.ok(checks.length >= 20, `found ${checks.length} checks`);
  const missing = checks.filter((pattern) => FIX_CATALOGUE[pattern] === undefined);
  assert.deepEqual(missing, []);
});

test('every catalogue entry names a real check, with a rule and a fix of its own', () => {
  const known = new Set([...thenPatterns(read('steps/conformance/client-checks.steps.ts')), ...thenPatterns(read('steps/patient-exchanges.steps.ts'))]);
  for (const [pattern, advice] of Object.entries(FIX_CATALOGUE)) {
    assert.ok(known.has(pattern), `no step « ${pattern} »`);
    assert.ok(advice.rule.length > 40 && advice.fix.length > 40, pattern);
  }
  const fixes = Object.values(FIX_CATALOGUE).map((a) => a.fix);
  assert.ok(new Set(fixes).size >= fixes.length - 2, 'fixes are written per check, not one generic sentence');
});

test('a check without an entry falls back to its requirements', () => {
  const advice = fixAdvice('une vérification inconnue', [{ id: 'MES-FIN-01', text: 'Seul [FIN] clôt.' }]);
  assert.match(advice.rule, /MES-FIN-01 : Seul \[FIN\] clôt\./);
  assert.match(advice.fix, /MES-FIN-01/);
});
