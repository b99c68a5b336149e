import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OUTSIDE_SCENARIOS } from '../../../steps/conformance/support/fault-probe.ts';
import { scenariosForFault } from './fault-reach.ts';

const REVIEWS = ['aucun renvoi après un échec permanent, sur toute la campagne'];

test('a variant runs the scenarios that asked its fault, plus the campaign reviews', () => {
  const reach = { 'message à Thomas non remis': ['bounce-ignored', 'bounce-reason-misread'], 'un message porte un Message-ID unique': ['missing-x-mss-nil'], 'une réponse se rattache': ['bounce-ignored'] };
  assert.deepEqual(scenariosForFault('bounce-ignored', reach, REVIEWS), ['message à Thomas non remis', 'une réponse se rattache', ...REVIEWS]);
  assert.deepEqual(scenariosForFault('missing-x-mss-nil', reach, REVIEWS), ['un message porte un Message-ID unique', ...REVIEWS]);
});

test('a fault never asked runs only the reviews: the matrix then finds it undetected', () => {
  assert.deepEqual(scenariosForFault('html-only-body', { 'un scénario': ['missing-x-mss-nil'] }, REVIEWS), REVIEWS);
});

test('a fault asked outside any scenario may reach every scenario: the variant runs them all', () => {
  assert.equal(scenariosForFault('weak-cipher-suites', { [OUTSIDE_SCENARIOS]: ['weak-cipher-suites'], 'un scénario': ['weak-cipher-suites'] }, REVIEWS), undefined);
});
