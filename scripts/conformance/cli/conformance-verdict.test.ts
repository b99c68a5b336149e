import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Requirement } from '../../requirements/requirement-register.ts';
import type { ScenarioVerdict } from '../../../steps/conformance/support/scenario-verdict.ts';
import { exitCodeOf, judgeRun, requirementVerdict } from './conformance-verdict.ts';
import type { ScenarioResult } from './scenario-verdicts.ts';

const register: Requirement[] = [
  { id: 'MES-FIN-01', source: 'REG-FIN-01', level: 'DOIT', text: 'Seul [FIN] clôt.', reasonNotTested: '', line: 2 },
  { id: 'SC.MSS/UX.25', source: 'SC.MSS', level: 'DEVRAIT', text: 'Messages patients reconnus.', reasonNotTested: '', line: 3 },
  { id: 'OFF-HPV-01', source: 'REG-OFF-01', level: 'PEUT', text: 'Rappel HPV.', reasonNotTested: '', line: 4 },
  { id: 'MSS/va1.09', source: 'Ségur', level: 'DOIT', text: 'Hors du run.', reasonNotTested: 'hors périmètre', line: 5 },
];

function scenario(name: string, requirementIds: string[], verdict: ScenarioVerdict, motif = ''): ScenarioResult {
  return { uri: 'features/conformite/x.feature', line: 1, name, requirementIds, verdict, motif, missingCapabilities: [] };
}

test('a requirement fails if one scenario failed, then setup error, then inapplicable when all are, else passes', () => {
  const of = (...verdicts: ScenarioVerdict[]) => requirementVerdict(verdicts.map((verdict) => ({ verdict })));
  assert.equal(of('réussi', 'erreur de mise en place', 'échoué'), 'échoué');
  assert.equal(of('réussi', 'erreur de mise en place', 'inapplicable'), 'erreur de mise en place');
  assert.equal(of('inapplicable', 'inapplicable'), 'inapplicable');
  assert.equal(of('réussi', 'inapplicable'), 'réussi');
});

test('every applicable scenario passed: Conforme, exit 0; only the requirements the run covered are listed, in register order', () => {
  const judged = judgeRun([scenario('a', ['OFF-HPV-01', 'MES-FIN-01'], 'réussi'), scenario('b', ['SC.MSS/UX.25'], 'inapplicable')], register);
  assert.equal(judged.overall, 'Conforme');
  assert.equal(judged.reason, "Tous les scénarios applicables sont réussis. 1 scénario(s) inapplicable(s) (capacité non déclarée, ou attestation sans pilote manuel) n'ont pas été jugés.");
  assert.equal(exitCodeOf(judged.overall), 0);
  assert.deepEqual(judged.requirements.map((r) => [r.id, r.level, r.verdict, r.scenarios.map((s) => s.name)]), [
    ['MES-FIN-01', 'DOIT', 'réussi', ['a']],
    ['SC.MSS/UX.25', 'DEVRAIT', 'inapplicable', ['b']],
    ['OFF-HPV-01', 'PEUT', 'réussi', ['a']],
  ]);
  assert.deepEqual(judged.scenarioCounts, { réussi: 1, échoué: 0, inapplicable: 1, 'erreur de mise en place': 0 });
  assert.deepEqual(judged.requirementCounts, { réussi: 2, échoué: 0, inapplicable: 1, 'erreur de mise en place': 0 });
});

test('a failed scenario covering a DOIT requirement: Non conforme, exit 1', () => {
  const judged = judgeRun([scenario('a', ['MES-FIN-01', 'SC.MSS/UX.25'], 'échoué', 'reçu « RE: [FIN] »'), scenario('b', ['OFF-HPV-01'], 'réussi')], register);
  assert.equal(judged.overall, 'Non conforme');
  assert.equal(exitCodeOf(judged.overall), 1);
  assert.match(judged.reason, /1 scénario/);
  assert.deepEqual(judged.reservations, ['SC.MSS/UX.25']);
});

test('failures of DEVRAIT or PEUT requirements only: Conforme with reservations', () => {
  const judged = judgeRun([scenario('a', ['MES-FIN-01'], 'réussi'), scenario('b', ['SC.MSS/UX.25'], 'échoué'), scenario('c', ['OFF-HPV-01'], 'échoué')], register);
  assert.equal(judged.overall, 'Conforme');
  assert.deepEqual(judged.reservations, ['SC.MSS/UX.25', 'OFF-HPV-01']);
  assert.match(judged.reason, /réserves/);
});

test('a failed scenario whose requirement is not in the register counts as mandatory', () => {
  const judged = judgeRun([scenario('a', ['INCONNUE-01'], 'échoué')], register);
  assert.equal(judged.overall, 'Non conforme');
  assert.deepEqual(judged.requirements.map((r) => [r.id, r.level, r.verdict]), [['INCONNUE-01', undefined, 'échoué']]);
});

test('any scenario in setup error makes the run a setup error (exit 78), even beside a failure', () => {
  const judged = judgeRun([scenario('a', ['MES-FIN-01'], 'échoué'), scenario('b', ['OFF-HPV-01'], 'erreur de mise en place', 'adaptateur injoignable')], register);
  assert.equal(judged.overall, 'Erreur de mise en place');
  assert.equal(exitCodeOf(judged.overall), 78);
});

test('nothing applicable was run: a setup error, never Conforme', () => {
  assert.equal(judgeRun([], register).overall, 'Erreur de mise en place');
  const judged = judgeRun([scenario('a', ['MES-FIN-01'], 'inapplicable')], register);
  assert.equal(judged.overall, 'Erreur de mise en place');
  assert.match(judged.reason, /Aucun scénario applicable/);
});
