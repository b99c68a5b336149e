// Steps about conversations between professionals and patients in Mon espace santé (REG-MES, REG-FIN).
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { HarnessWorld } from './support/world.ts';
import { expectRefused, patientReplies, patientWrites, professionalSends } from './support/tasks.ts';

Given('{acteur}, {word}, en échange avec {acteur}', async function (this: HarnessWorld, pro: string, _role: string, patient: string) {
  await professionalSends(this, this.actor(pro), this.actor(patient), { subject: 'Votre traitement' });
});

Given("{acteur} a mis fin à l'échange avec {acteur}", async function (this: HarnessWorld, pro: string, patient: string) {
  await professionalSends(this, this.actor(pro), this.actor(patient), { subject: '[FIN]' });
});

Given('{acteur} a écrit à {acteur} en demandant que les réponses aillent à {acteur}', async function (this: HarnessWorld, pro: string, patient: string, replyTo: string) {
  await professionalSends(this, this.actor(pro), this.actor(patient), { replyTo: this.actor(replyTo).address });
});

When("{acteur} envoie à {acteur} un message d'objet « {texte} »", async function (this: HarnessWorld, pro: string, patient: string, subject: string) {
  await professionalSends(this, this.actor(pro), this.actor(patient), { subject });
});

When('{acteur} envoie à {acteur} un message non répondable', async function (this: HarnessWorld, pro: string, patient: string) {
  await professionalSends(this, this.actor(pro), this.actor(patient), { subject: 'Rappel de vaccination', headers: { 'X-MSS-MES': 'FIN' } });
});

When('{acteur} répond au dernier message', async function (this: HarnessWorld, patient: string) {
  await patientReplies(this, this.actor(patient));
});

Then('{acteur} ne peut plus répondre à {acteur}, motif « {texte} »', async function (this: HarnessWorld, patient: string, pro: string, reason: string) {
  await patientReplies(this, this.actor(patient), this.actor(pro));
  expectRefused(this, reason);
});

Then('{acteur} ne peut pas répondre à ce message, motif « {texte} »', async function (this: HarnessWorld, patient: string, reason: string) {
  await patientReplies(this, this.actor(patient));
  expectRefused(this, reason);
});

Then('{acteur} peut répondre à {acteur}', async function (this: HarnessWorld, patient: string, pro: string) {
  const result = await patientReplies(this, this.actor(patient), this.actor(pro));
  assert.ok(result.accepted, `La réponse de ${patient} aurait dû partir ; refus : ${result.accepted ? '' : result.refusal.message}`);
});

Then('{acteur} peut encore écrire à {acteur}', async function (this: HarnessWorld, patient: string, pro: string) {
  await patientWrites(this, this.actor(patient), this.actor(pro).address);
  const result = this.notebook.lastPatientAction;
  assert.ok(result?.accepted, `${patient} aurait dû pouvoir écrire à ${pro} ; refus : ${result && !result.accepted ? result.refusal.message : '—'}`);
});

Then('le message de {acteur} est refusé, motif « {texte} »', function (this: HarnessWorld, _patient: string, reason: string) {
  expectRefused(this, reason);
});
