// Steps of the attestation scenarios (@attestation, REG-LOG, REG-INT): a procedure for the
// person in front of the software, then a yes/no question recorded in the report. Only the
// manual driver can answer; the hook makes these scenarios inapplicable for the others.
import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import type { HarnessWorld } from '../support/world.ts';
import { clientUnderTest } from './conformance.hooks.ts';
import { attestationQuestion } from './support/attestation.ts';

When('la personne devant le logiciel suit la procédure « {texte} »', function (this: HarnessWorld, procedure: string) {
  this.session.procedure = procedure;
});

Then('elle atteste que « {texte} »', async function (this: HarnessWorld, statement: string) {
  const { driver } = await clientUnderTest();
  assert.ok(driver.attest, 'Attestation impossible : ce pilote ne pose pas de question à une personne (pilote manuel seulement).');
  const question = attestationQuestion(statement);
  const procedure = this.session.procedure;
  const answer = await driver.attest(question, procedure === undefined ? [] : [`Procédure : ${procedure}.`]);
  this.session.attestations.push({ question, answer, expected: true });
  assert.ok(answer, `Attestation négative : « ${question} » → non.${procedure === undefined ? '' : ` Procédure suivie : ${procedure}.`}`);
});
