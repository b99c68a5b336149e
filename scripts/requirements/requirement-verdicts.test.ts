import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeVerdicts } from './requirement-verdicts.ts';
import { formatCoverageCsv, summariseCoverage } from './coverage-report.ts';
import { readRunOutcomes } from './run-outcomes.ts';
import { runMessages } from './run-messages.fixture.ts';
import type { Requirement } from './requirement-register.ts';

const requirement = (id: string, level: Requirement['level'], reasonNotTested = ''): Requirement => ({ id, source: 's', level, text: 't', reasonNotTested, line: 2 });
const REGISTER = [requirement('A-01', 'DOIT'), requirement('A-02', 'DOIT'), requirement('A-03', 'DEVRAIT'), requirement('A-04', 'DOIT'), requirement('A-05', 'PEUT', 'facultative; non vérifiée')];
const ON_DISK = [
  { uri: 'features/a.feature', line: 5, name: 'réussi', requirementIds: ['A-01'] },
  { uri: 'features/a.feature', line: 13, name: 'plan 1', requirementIds: ['A-02'] },
  { uri: 'features/a.feature', line: 14, name: 'plan 2', requirementIds: ['A-02'] },
  { uri: 'features/b.feature', line: 3, name: 'sauté', requirementIds: ['A-03', 'A-01'] },
  { uri: 'features/b.feature', line: 9, name: 'filtré', requirementIds: ['A-04'] },
];
const NDJSON = runMessages([
  { id: 'p1', uri: 'features/a.feature', name: 'réussi', line: 5, astNodeIds: ['sc-1'], tags: ['@req:A-01'], attempts: [['PASSED']] },
  { id: 'p2', uri: 'features/a.feature', name: 'plan 1', astNodeIds: ['sc-2', 'row-1'], tags: ['@req:A-02'], attempts: [['PASSED', 'FAILED']] },
  { id: 'p3', uri: 'features/a.feature', name: 'plan 2', astNodeIds: ['sc-2', 'row-2'], tags: ['@req:A-02'], attempts: [['PASSED']] },
  { id: 'p4', uri: 'features/b.feature', name: 'sauté', line: 3, astNodeIds: ['b-1'], tags: ['@req:A-03', '@req:A-01'], attempts: [['SKIPPED']] },
]);

test('verdicts per requirement from a hand-written run', () => {
  const rows = computeVerdicts(REGISTER, ON_DISK, readRunOutcomes(NDJSON, 'run.ndjson'));
  assert.deepEqual(rows.map((row) => [row.id, row.scenarios, row.passed, row.failed, row.verdict]), [
    ['A-01', 2, 1, 0, 'non exécuté'],
    ['A-02', 2, 1, 1, 'échoué'],
    ['A-03', 1, 0, 0, 'non exécuté'],
    ['A-04', 1, 0, 0, 'non exécuté'],
    ['A-05', 0, 0, 0, 'non testé'],
  ]);
});

test('all scenarios passed gives réussi, and a run-only scenario still counts', () => {
  const run = [
    { uri: 'features/a.feature', line: 5, name: 'x', requirementIds: ['A-01'], outcome: 'passed' as const },
    { uri: 'features/old.feature', line: 2, name: 'ancien', requirementIds: ['A-01'], outcome: 'passed' as const },
  ];
  const rows = computeVerdicts([requirement('A-01', 'DOIT')], [ON_DISK[0]!], run);
  assert.deepEqual(rows, [{ id: 'A-01', level: 'DOIT', scenarios: 2, passed: 2, failed: 0, verdict: 'réussi', reason: '' }]);
});

test('the coverage CSV and the French summary', () => {
  const rows = computeVerdicts(REGISTER, ON_DISK, readRunOutcomes(NDJSON, 'run.ndjson'));
  assert.equal(
    formatCoverageCsv(rows),
    'id;niveau;scenarios;reussis;echoues;verdict;motif\nA-01;DOIT;2;1;0;non exécuté;\nA-02;DOIT;2;1;1;échoué;\nA-03;DEVRAIT;1;0;0;non exécuté;\nA-04;DOIT;1;0;0;non exécuté;\nA-05;PEUT;0;0;0;non testé;"facultative; non vérifiée"\n',
  );
  assert.deepEqual(summariseCoverage(rows), [
    'Exigences : 5 au registre.',
    '  réussi : 0 (0 DOIT, 0 DEVRAIT, 0 PEUT)',
    '  échoué : 1 (1 DOIT, 0 DEVRAIT, 0 PEUT)',
    '  non exécuté : 3 (2 DOIT, 1 DEVRAIT, 0 PEUT)',
    '  non testé : 1 (0 DOIT, 0 DEVRAIT, 1 PEUT)',
    'Exigences en échec : A-02.',
    'Exigences obligatoires couvertes mais non exécutées : A-01, A-04.',
  ]);
});
