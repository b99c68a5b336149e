// Steps about sending mail inside the trust space and what comes back (bounces, receipts).
import { addressKey } from '../simulator/public-api.ts';
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { HarnessWorld } from './support/world.ts';
import { deliveryStatusOf, patientWrites, professionalSends, waitForMessage, waitInMailbox } from './support/tasks.ts';

Given('le simulateur en mode strict', function (this: HarnessWorld) {
  this.space.settings.strictRecipients = true;
});

When('{acteur} écrit à {acteur}', async function (this: HarnessWorld, sender: string, recipient: string) {
  const from = this.actor(sender);
  if (from.kind === 'patient') await patientWrites(this, from, this.actor(recipient).address);
  else await professionalSends(this, from, this.actor(recipient));
});

When("{acteur} écrit à l'adresse « {texte} »", async function (this: HarnessWorld, sender: string, address: string) {
  const from = this.actor(sender);
  if (from.kind === 'patient') await patientWrites(this, from, address);
  else await professionalSends(this, from, address);
});

When('{acteur} écrit à {acteur} en demandant un accusé de remise', async function (this: HarnessWorld, sender: string, recipient: string) {
  const from = this.actor(sender);
  await professionalSends(this, from, this.actor(recipient), { headers: { 'Return-Receipt-To': from.address } });
});

Then("l'envoi est refusé avec le code {int} {statut}", function (this: HarnessWorld, code: number, status: string) {
  const sent = this.notebook.lastSubmission;
  assert.ok(sent && !sent.accepted, `L'envoi aurait dû être refusé par ${code} ${status} ; il a été accepté (${sent?.response ?? 'aucun envoi'}).`);
  assert.ok(sent.response.startsWith(`${code} ${status} `), `Réponse attendue « ${code} ${status} … », reçue « ${sent.response} ».`);
});

Then('{acteur} reçoit un avis de non-remise de code {statut} indiquant « {texte} »', async function (this: HarnessWorld, label: string, status: string, sentence: string) {
  const bounce = await waitForMessage(this, this.actor(label), (m) => m.kind === 'bounce', `un avis de non-remise pour ${label}`);
  const { parsed, status: dsn } = await deliveryStatusOf(bounce);
  assert.equal(dsn?.recipients[0]?.status, status, `Code d'état attendu ${status}, reçu ${dsn?.recipients[0]?.status}.`);
  assert.ok(parsed.text?.includes(sentence), `Phrase attendue « ${sentence} » absente de l'avis : « ${parsed.text} ».`);
});

Then('{acteur} ne reçoit aucun avis de non-remise', function (this: HarnessWorld, label: string) {
  const bounces = this.space.store.list(this.actor(label).address, { kind: 'bounce' });
  assert.equal(bounces.length, 0, `${label} a reçu ${bounces.length} avis de non-remise : ${bounces.map((b) => b.index.subject).join(', ')}.`);
});

Then('{acteur} reçoit le message de {acteur}', async function (this: HarnessWorld, recipient: string, sender: string) {
  const from = addressKey(this.actor(sender).address);
  await waitForMessage(this, this.actor(recipient), (m) => m.kind === 'message' && m.index.from.includes(from), `un message de ${sender} pour ${recipient}`);
});

Then('la boîte « {texte} » reçoit le message de {acteur}', async function (this: HarnessWorld, address: string, sender: string) {
  const from = addressKey(this.actor(sender).address);
  await waitInMailbox(this, address, (m) => m.kind === 'message' && m.index.from.includes(from), `un message de ${sender} dans la boîte ${address}`);
});

Then('{acteur} reçoit un accusé de remise pour {acteur}', async function (this: HarnessWorld, sender: string, recipient: string) {
  const receipt = await waitForMessage(this, this.actor(sender), (m) => m.kind === 'receipt', `un accusé de remise pour ${sender}`);
  const { status } = await deliveryStatusOf(receipt);
  assert.equal(status?.recipients[0]?.action, 'delivered', `Action attendue « delivered », reçue « ${status?.recipients[0]?.action} ».`);
  assert.ok((status?.recipients[0]?.finalRecipient ?? '').includes(this.actor(recipient).address), `L'accusé ne concerne pas ${recipient}.`);
});
