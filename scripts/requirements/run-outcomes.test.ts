import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRunOutcomes } from './run-outcomes.ts';
import { RequirementsInputError } from './requirements-input-error.ts';
import { runMessages } from './run-messages.fixture.ts';

const NDJSON = runMessages([
  { id: 'p1', uri: 'features/a.feature', name: 'réussi', line: 5, astNodeIds: ['sc-1'], tags: ['@simulateur', '@req:A-01'], attempts: [['PASSED', 'PASSED']] },
  { id: 'p2', uri: 'features/a.feature', name: 'plan 1', astNodeIds: ['sc-2', 'row-1'], tags: ['@req:A-02', '@req:A-02'], attempts: [['PASSED', 'FAILED', 'SKIPPED']] },
  { id: 'p3', uri: 'features/a.feature', name: 'plan 2', astNodeIds: ['sc-2', 'row-2'], tags: ['@req:A-02'], attempts: [['FAILED'], ['PASSED']] },
  { id: 'p4', uri: 'features/b.feature', name: 'sauté', line: 3, astNodeIds: ['b-1'], tags: ['@req:A-03'], attempts: [['SKIPPED']] },
  { id: 'p5', uri: 'features/b.feature', name: 'indéfini', line: 6, astNodeIds: ['b-2'], tags: ['@req:A-03'], attempts: [['PASSED', 'UNDEFINED']] },
  { id: 'p6', uri: 'features/b.feature', name: 'jamais lancé', line: 9, astNodeIds: ['b-3'], tags: ['@req:A-04'], attempts: [] },
]);

test('each pickle gets the outcome of its last attempt, its line and its requirement IDs', () => {
  assert.deepEqual(readRunOutcomes(NDJSON, 'reports/cucumber.ndjson'), [
    { uri: 'features/a.feature', line: 5, name: 'réussi', requirementIds: ['A-01'], outcome: 'passed' },
    { uri: 'features/a.feature', line: 13, name: 'plan 1', requirementIds: ['A-02'], outcome: 'failed' },
    { uri: 'features/a.feature', line: 14, name: 'plan 2', requirementIds: ['A-02'], outcome: 'passed' },
    { uri: 'features/b.feature', line: 3, name: 'sauté', requirementIds: ['A-03'], outcome: 'skipped' },
    { uri: 'features/b.feature', line: 6, name: 'indéfini', requirementIds: ['A-03'], outcome: 'failed' },
    { uri: 'features/b.feature', line: 9, name: 'jamais lancé', requirementIds: ['A-04'], outcome: 'not-run' },
  ]);
});

test('a line that is not JSON is a typed error naming the file and line', () => {
  assert.throws(
    () => readRunOutcomes('{"meta":{}}\n{pas du json\n', 'run.ndjson'),
    (error: unknown) =>
      error instanceof RequirementsInputError &&
      error.code === 'MSS_SIM_REQ_RUN_UNREADABLE' &&
      error.message === "run.ndjson:2 : ligne qui n'est pas du JSON : produisez le fichier avec le format cucumber « message:run.ndjson ».",
  );
});

test('an @attestation pickle is marked, so that runs without a person can leave it out', () => {
  const ndjson = runMessages([{ id: 'a1', uri: 'features/c.feature', name: 'attestée', line: 4, astNodeIds: ['c-1'], tags: ['@conformite', '@attestation', '@req:A-05'], attempts: [['SKIPPED']] }]);
  assert.deepEqual(readRunOutcomes(ndjson, 'run.ndjson'), [{ uri: 'features/c.feature', line: 4, name: 'attestée', requirementIds: ['A-05'], outcome: 'skipped', attestation: true }]);
});
