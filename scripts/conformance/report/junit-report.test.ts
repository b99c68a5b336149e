import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import type { ClientProfile } from '../cli/client-profile.ts';
import { buildSummary } from '../cli/conformance-summary.ts';
import { judgeRun } from '../cli/conformance-verdict.ts';
import type { ScenarioResult } from '../cli/scenario-verdicts.ts';
import { junitReport } from './junit-report.ts';
import type { ScenarioDetail } from './scenario-details.ts';

const client: ClientProfile = { driverKind: 'reference', variants: [], client: { name: 'Réf', version: '1' }, declaredCapabilities: [], capabilities: [], parallel: true };
const scenarios: ScenarioResult[] = [
  { uri: 'f/cloture.feature', line: 14, name: 'clôture <FIN>', requirementIds: ['MES-FIN-01', 'SC.MSS/CONF.21'], verdict: 'échoué', motif: 'reçu « RE: [FIN] » & "x"', missingCapabilities: [] },
  { uri: 'f/reponse.feature', line: 5, name: 'réponse', requirementIds: ['MES-REPLYTO-01'], verdict: 'inapplicable', motif: 'Capacité non déclarée par le client : reply.', missingCapabilities: ['reply'] },
  { uri: 'f/a.feature', line: 2, name: 'adaptateur', requirementIds: ['OFF-HPV-01'], verdict: 'erreur de mise en place', motif: 'Adaptateur injoignable.', missingCapabilities: [] },
];
const register = [{ id: 'MES-FIN-01', source: 'x', level: 'DOIT' as const, text: 't', reasonNotTested: '', line: 2 }];
const details = new Map<string, ScenarioDetail>([['f/cloture.feature:14', { capabilities: ['end-conversation-subject'], durationMs: 1500, attachments: [], steps: [{ text: 'le dernier message…', kind: 'Outcome', status: 'FAILED', message: 'reçu « RE: [FIN] »\n+ actual - expected' }] }]]);

test('each testcase carries its requirements, levels, capabilities and verdict; skips and failures their reason', () => {
  const summary = buildSummary(judgeRun(scenarios, register), scenarios, client, { name: 's', version: '1' }, { startedAt: new Date(0), durationMs: 2000, tagExpression: '@conformite', parallel: 1 });
  const xml = junitReport(summary, details);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { testsuites: { failures: string; skipped: string; errors: string; testsuite: { testcase: { name: string; time: string; properties: { property: { name: string; value: string }[] }; failure?: { message: string; '#text': string }; skipped?: { message: string }; error?: { type: string } }[] } } };
  assert.deepEqual([parsed.testsuites.failures, parsed.testsuites.skipped, parsed.testsuites.errors], ['1', '1', '1']);
  const [failed, skipped, error] = parsed.testsuites.testsuite.testcase;
  assert.equal(failed?.name, 'clôture <FIN>');
  assert.equal(failed?.time, '1.500');
  assert.deepEqual(failed?.properties.property.map((p) => [p.name, p.value]), [
    ['exigence', 'MES-FIN-01'], ['exigence', 'SC.MSS/CONF.21'], ['niveau:MES-FIN-01', 'DOIT'], ['niveau:SC.MSS/CONF.21', 'hors registre'], ['capacite', 'end-conversation-subject'], ['verdict', 'echoue'],
  ]);
  assert.equal(failed?.failure?.message, 'reçu « RE: [FIN] » & "x"');
  assert.equal(failed?.failure?.['#text'], 'le dernier message…\nreçu « RE: [FIN] »');
  assert.equal(skipped?.skipped?.message, 'Capacité non déclarée par le client : reply.');
  assert.equal(error?.error?.type, 'erreur-de-mise-en-place');
});
