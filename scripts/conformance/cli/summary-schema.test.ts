import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClientProfile } from './client-profile.ts';
import { buildSummary } from './conformance-summary.ts';
import { judgeRun } from './conformance-verdict.ts';
import type { ScenarioResult } from './scenario-verdicts.ts';
import { summarySchemaProblems } from './summary-schema.ts';

const client: ClientProfile = { driverKind: 'reference', variants: [], client: { name: 'Réf', version: '0.1.0' }, declaredCapabilities: ['reply'], capabilities: ['reply'], parallel: true };
const scenarios: ScenarioResult[] = [
  { uri: 'a.feature', line: 3, name: 'a', requirementIds: ['A-01'], verdict: 'réussi', motif: 'ok', missingCapabilities: [] },
  { uri: 'a.feature', line: 9, name: 'b', requirementIds: ['B-01'], verdict: 'échoué', motif: 'ko', missingCapabilities: [] },
  { uri: 'a.feature', line: 12, name: 'c', requirementIds: ['C-01'], verdict: 'inapplicable', motif: 'capacité', missingCapabilities: ['reply'] },
];
const register = [
  { id: 'A-01', source: 'x', level: 'DOIT' as const, text: 'A.', reasonNotTested: '', line: 2 },
  { id: 'B-01', source: 'x', level: 'DEVRAIT' as const, text: 'B.', reasonNotTested: '', line: 3 },
];

function summary(product?: string) {
  return buildSummary(judgeRun(scenarios, register), scenarios, client, { name: 's', version: '0.1.0', commit: 'abc', modified: true, fingerprint: 'f'.repeat(64) }, { startedAt: new Date('2026-03-02T09:15:07Z'), durationMs: 10, tagExpression: '@conformite', parallel: 2, ...(product ? { product } : {}) });
}

test('the summary carries stable codes beside the French labels, and matches its published schema', () => {
  const s = JSON.parse(JSON.stringify(summary())) as ReturnType<typeof summary>;
  assert.deepEqual([s.verdictCode, s.verdict, s.exitCode], ['conforme-avec-reserves', 'Conforme avec réserves', 0]);
  assert.deepEqual(s.scenarios.map((x) => [x.verdictCode, x.verdict]), [['reussi', 'réussi'], ['echoue', 'échoué'], ['inapplicable', 'inapplicable']]);
  assert.deepEqual(s.requirements.map((r) => [r.id, r.verdictCode, r.level]), [['A-01', 'reussi', 'DOIT'], ['B-01', 'echoue', 'DEVRAIT'], ['C-01', 'inapplicable', null]]);
  assert.deepEqual(s.product, { label: 'Réf 0.1.0', source: 'capabilities' });
  assert.deepEqual(summarySchemaProblems(s), []);
});

test('--produit names the product; a summary with a wrong code fails the schema', () => {
  const s = JSON.parse(JSON.stringify(summary('Messagerie Exemple 4.2'))) as Record<string, unknown>;
  assert.deepEqual(s.product, { label: 'Messagerie Exemple 4.2', source: '--produit' });
  assert.deepEqual(summarySchemaProblems({ ...s, verdictCode: 'Conforme' }), ['/verdictCode must be equal to one of the allowed values']);
});
