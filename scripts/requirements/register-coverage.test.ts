import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Requirement } from './requirement-register.ts';
import { coverageLine, registerCoverage } from './register-coverage.ts';

const requirement = (id: string, level: Requirement['level'], reasonNotTested = ''): Requirement => ({ id, source: 's', level, text: 't', reasonNotTested, line: 2 });

const REGISTER = [
  requirement('A', 'DOIT'),
  requirement('B', 'DOIT'),
  requirement('C', 'DOIT', 'à couvrir : scénario prévu'),
  requirement('D', 'DOIT', 'hors périmètre : HL7'),
  requirement('E', 'DOIT', 'obsolète : retirée'),
  requirement('F', 'PEUT', 'facultative : non vérifiée'),
  requirement('G', 'DEVRAIT'),
];

test('DOIT in scope with a scenario over DOIT in scope; attestation-only coverage is counted apart', () => {
  const coverage = registerCoverage(REGISTER, [
    { requirementIds: ['A'] },
    { requirementIds: ['A', 'B'], attestation: true },
    { requirementIds: ['G'] },
  ]);
  assert.deepEqual(coverage, { mandatoryInScope: 3, mandatoryWithScenario: 2, mandatoryByAttestationOnly: 1, mandatoryToCover: ['C'], outOfScope: 2 });
  assert.equal(coverageLine(coverage), 'Couverture du registre : 2 / 3 exigences DOIT du périmètre ont un scénario (66 %, dont 1 par attestation manuelle seulement) ; 2 exigence(s) hors périmètre ou obsolète(s), chacune avec son motif.');
});

test('an uncovered DOIT without a motif still counts against the figure (never hidden)', () => {
  const coverage = registerCoverage([requirement('A', 'DOIT'), requirement('B', 'DOIT')], [{ requirementIds: ['A'] }]);
  assert.equal(coverage.mandatoryWithScenario, 1);
  assert.equal(coverage.mandatoryInScope, 2);
  assert.deepEqual(coverage.mandatoryToCover, ['B']);
});
