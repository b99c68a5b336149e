import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attestationQuestion, needsPerson, withoutPerson } from './attestation.ts';

test('only scenarios tagged @attestation need a person', () => {
  assert.equal(needsPerson([{ name: '@conformite' }, { name: '@attestation' }]), true);
  assert.equal(needsPerson([{ name: '@conformite' }, { name: '@attestations' }]), false);
});

test('without a person the scenario is inapplicable, never passed, and says which driver to use', () => {
  const verdict = withoutPerson();
  assert.equal(verdict.verdict, 'inapplicable');
  assert.match(verdict.motif, /--client manuel/);
});

test('the question is the statement to attest', () => {
  assert.equal(attestationQuestion('le jeton n\'est jamais enregistré'), 'Attestez-vous que le jeton n\'est jamais enregistré ?');
});
