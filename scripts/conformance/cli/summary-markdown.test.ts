import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Requirement } from '../../requirements/requirement-register.ts';
import type { ClientProfile } from './client-profile.ts';
import { buildSummary, formatDuration } from './conformance-summary.ts';
import { judgeRun } from './conformance-verdict.ts';
import type { ScenarioResult } from './scenario-verdicts.ts';
import { summaryMarkdown } from './summary-markdown.ts';
import { terminalSummary } from './terminal-summary.ts';
import { reportFiles } from './run-plan.ts';

const register: Requirement[] = [
  { id: 'MES-FIN-01', source: 'REG-FIN-01', level: 'DOIT', text: 'Seul [FIN] clôt.', reasonNotTested: '', line: 2 },
  { id: 'MES-REPLYTO-01', source: 'RFC 5322', level: 'DEVRAIT', text: 'Reply-To suivi.', reasonNotTested: '', line: 3 },
];
const client: ClientProfile = {
  driverKind: 'reference',
  variants: ['re-fin-subject'],
  client: { name: 'Client de référence', version: '0.1.0', vendor: 'mssante-simulateur' },
  declaredCapabilities: ['patient-messaging', 'reply'],
  capabilities: ['patient-messaging'],
  parallel: true,
};
const scenarios: ScenarioResult[] = [
  { uri: 'features/conformite/cloture.feature', line: 14, name: 'la clôture par « [FIN] »', requirementIds: ['MES-FIN-01'], verdict: 'échoué', motif: 'Objet attendu « [FIN] » | reçu « RE: [FIN] ».\nsuite', missingCapabilities: [] },
  { uri: 'features/conformite/cloture.feature', line: 40, name: 'le Reply-To est suivi', requirementIds: ['MES-REPLYTO-01'], verdict: 'inapplicable', motif: 'Capacité non déclarée par le client : reply.', missingCapabilities: ['reply'] },
];

function summary() {
  return buildSummary(judgeRun(scenarios, register), scenarios, client, { name: 'mssante-simulateur', version: '0.1.0', commit: 'abc1234', modified: false }, {
    startedAt: new Date('2026-03-02T09:15:07.123Z'),
    durationMs: 12_345,
    tagExpression: '@conformite',
    parallel: 2,
  });
}

test('the JSON summary carries the verdict, the exit code, the client and the run facts', () => {
  const s = summary();
  assert.equal(s.verdict, 'Non conforme');
  assert.equal(s.exitCode, 1);
  assert.deepEqual(s.run, { startedAt: '2026-03-02T09:15:07.123Z', durationMs: 12_345, tags: '@conformite', parallel: 2 });
  assert.deepEqual(s.requirements.map((r) => [r.id, r.level, r.verdict, r.scenarios.map((x) => x.location)]), [
    ['MES-FIN-01', 'DOIT', 'échoué', ['features/conformite/cloture.feature:14']],
    ['MES-REPLYTO-01', 'DEVRAIT', 'inapplicable', ['features/conformite/cloture.feature:40']],
  ]);
  assert.deepEqual(JSON.parse(JSON.stringify(s)), s, 'plain JSON');
});

test('the Markdown summary names the verdict, the client, the suite, each requirement, the failure with its motif and the missing capability', () => {
  const md = summaryMarkdown(summary());
  assert.match(md, /^# Synthèse de conformité MSSanté\n/);
  assert.match(md, /\*\*Verdict global : Non conforme\*\*/);
  assert.match(md, /\| Produit testé \| Client de référence 0\.1\.0 \(mssante-simulateur\) \|/);
  assert.match(md, /\| Pilote \| client de référence, variantes fautives : re-fin-subject \|/);
  assert.match(md, /\| Capacités déclarées \| patient-messaging, reply \|/);
  assert.match(md, /\| Capacités retenues \(--capacites\) \| patient-messaging \|/);
  assert.match(md, /\| Suite \| mssante-simulateur 0\.1\.0 \(commit abc1234\) \|/);
  assert.match(md, /\| Date \| 2026-03-02 09:15:07 UTC \|/);
  assert.match(md, /\| Durée \| 12,3 s \|/);
  assert.match(md, /Scénarios : 0 réussi, 1 échoué, 1 inapplicable, 0 erreur de mise en place \(2 au total\)/);
  assert.match(md, /\| MES-FIN-01 \| DOIT \| échoué \| la clôture par « \[FIN\] » \(échoué\) \|/);
  assert.match(md, /## Échecs\n\n- \*\*la clôture par « \[FIN\] »\*\* \(`features\/conformite\/cloture\.feature:14`, MES-FIN-01\) : Objet attendu « \[FIN\] » \| reçu « RE: \[FIN\] »\. suite\n/);
  assert.match(md, /## Inapplicables\n\n- \*\*le Reply-To est suivi\*\* .* : capacité non déclarée : reply\n/);
  assert.doesNotMatch(md, /## Erreurs de mise en place/);
});

test('a pipe in a table cell is escaped so that the table keeps its columns', () => {
  const odd: ScenarioResult[] = [{ ...scenarios[0]!, name: 'a | b', verdict: 'réussi' }];
  const md = summaryMarkdown(buildSummary(judgeRun(odd, register), odd, client, { name: 'x', version: '1' }, { startedAt: new Date(0), durationMs: 1, tagExpression: '@conformite', parallel: 1 }));
  assert.match(md, /\| MES-FIN-01 \| DOIT \| réussi \| a \\\| b \(réussi\) \|/);
});

test('the terminal summary gives the verdict, the failures with their motif and the duration of the suite', () => {
  const lines = terminalSummary(summary(), reportFiles('/tmp/r'));
  assert.ok(lines.includes('Verdict : Non conforme — 1 scénario(s) d\'exigences obligatoires (DOIT) en échec.'), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('  échoué : la clôture par « [FIN] » (MES-FIN-01) : Objet attendu « [FIN] » | reçu « RE: [FIN] ».') && !l.includes('suite')));
  assert.ok(lines.includes('Durée de la suite : 12,3 s (2 scénarios à la fois).'), lines.join('\n'));
});

test('durations read in French', () => {
  assert.equal(formatDuration(850.4), '850 ms');
  assert.equal(formatDuration(12_345), '12,3 s');
  assert.equal(formatDuration(65_400), '1 min 05 s');
});
