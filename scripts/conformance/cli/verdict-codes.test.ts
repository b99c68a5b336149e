import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OVERALL_LABELS, overallCode, SCENARIO_CODES } from './verdict-codes.ts';

test('a conforme run with failed recommended requirements is « conforme avec réserves »', () => {
  assert.equal(overallCode('Conforme', []), 'conforme');
  assert.equal(overallCode('Conforme', ['SC.MSS/UX.26']), 'conforme-avec-reserves');
  assert.equal(OVERALL_LABELS['conforme-avec-reserves'], 'Conforme avec réserves');
  assert.equal(overallCode('Non conforme', ['X']), 'non-conforme');
  assert.equal(overallCode('Erreur de mise en place', []), 'erreur-de-mise-en-place');
});

test('scenario codes are ASCII kebab-case, one per verdict', () => {
  assert.deepEqual(Object.values(SCENARIO_CODES), ['reussi', 'echoue', 'inapplicable', 'erreur-de-mise-en-place']);
  for (const code of Object.values(SCENARIO_CODES)) assert.match(code, /^[a-z]+(-[a-z]+)*$/);
});
