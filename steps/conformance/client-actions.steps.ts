// Steps where the user of the client under test acts through its driver (« … depuis son
// logiciel »), and the other actors of conformance scenarios act on the simulator side.
import assert from 'node:assert/strict';
import { Given, When } from '@cucumber/cucumber';
import type { HarnessWorld } from '../support/world.ts';
import type { RecipientKind } from '../support/parameter-types.ts';
import { professionalSends } from '../support/tasks.ts';
import { clientUnderTest } from './conformance.hooks.ts';
import { clientEndsConversation, clientReplies, clientSendsDocument, clientSynchronises, clientUser, clientWrites, largeAttachment, patientIdentityOf, syntheticPdf, useClientAs } from './support/client-tasks.ts';

Given('le logiciel testé, utilisé par {acteur}', async function (this: HarnessWorld, label: string) {
  await useClientAs(this, label);
});

When('{acteur} écrit à {acteur} depuis son logiciel', async function (this: HarnessWorld, sender: string, recipient: string) {
  await clientWrites(this, sender, this.actor(recipient));
});

Given('{acteur} a écrit à {acteur} depuis son logiciel', async function (this: HarnessWorld, sender: string, recipient: string) {
  const result = await clientWrites(this, sender, this.actor(recipient));
  assert.equal(result.status, 'sent', `Le logiciel n'a pas envoyé le premier message à ${recipient} : ${JSON.stringify(result)}.`);
});

When('{acteur} écrit à {acteur} « {texte} » depuis son logiciel', async function (this: HarnessWorld, sender: string, recipient: string, subject: string) {
  await clientWrites(this, sender, this.actor(recipient), { subject });
});

When('{acteur} écrit à {acteur} en demandant un accusé de remise depuis son logiciel', async function (this: HarnessWorld, sender: string, recipient: string) {
  await clientWrites(this, sender, this.actor(recipient), { subject: 'Message avec accusé de remise', requestDeliveryReceipt: true });
});

When("{acteur} écrit à l'adresse « {texte} » depuis son logiciel", async function (this: HarnessWorld, sender: string, address: string) {
  await clientWrites(this, sender, address);
});

When('{acteur} écrit à {acteur} avec une pièce jointe de {int} Mo depuis son logiciel', async function (this: HarnessWorld, sender: string, recipient: string, megabytes: number) {
  await clientWrites(this, sender, this.actor(recipient), { subject: 'Imagerie (fichier volumineux)', attachments: [largeAttachment(megabytes * 1024 * 1024)] });
});

When('{acteur} envoie à {acteur} un message non répondable depuis son logiciel', async function (this: HarnessWorld, sender: string, recipient: string) {
  await clientWrites(this, sender, this.actor(recipient), { subject: 'Information sans réponse attendue', noReply: true });
});

async function endsConversation(this: HarnessWorld, sender: string, patient: string, subject: string): Promise<void> {
  assert.equal(subject, '[FIN]', "Seul l'objet « [FIN] » clôt un échange (REG-FIN-01) : le scénario doit le nommer exactement.");
  await clientEndsConversation(this, sender, this.actor(patient));
}
When("{acteur} met fin à l'échange avec {acteur} par l'objet « {texte} » depuis son logiciel", endsConversation);
Given("{acteur} a mis fin à l'échange avec {acteur} par l'objet « {texte} » depuis son logiciel", endsConversation);

When("{acteur} cherche {destinataire} « {texte} » dans l'annuaire depuis son logiciel", async function (this: HarnessWorld, label: string, kind: RecipientKind, query: string) {
  clientUser(this, label);
  const { driver } = await clientUnderTest();
  this.session.lastFound = await driver.findRecipient({ query, kind });
});

When('{acteur} envoie à {acteur} le document « {texte} » depuis son logiciel', async function (this: HarnessWorld, sender: string, recipient: string, fileName: string) {
  await clientSendsDocument(this, sender, [this.actor(recipient)], fileName);
});

When('{acteur} envoie à {acteur} et à {acteur} le document « {texte} » depuis son logiciel', async function (this: HarnessWorld, sender: string, first: string, second: string, fileName: string) {
  await clientSendsDocument(this, sender, [this.actor(first), this.actor(second)], fileName);
});

When('le logiciel de {acteur} relève sa boîte', async function (this: HarnessWorld, label: string) {
  await clientSynchronises(this, label);
});

When('{acteur} répond depuis son logiciel au message « {texte} »', async function (this: HarnessWorld, label: string, subject: string) {
  await clientReplies(this, label, subject);
});

Given('{acteur} a écrit à {acteur} « {texte} »', async function (this: HarnessWorld, sender: string, recipient: string, subject: string) {
  await professionalSends(this, this.actor(sender), this.actor(recipient), { subject });
  assert.ok(this.notebook.lastSubmission?.accepted, `L'envoi de ${sender} a été refusé : ${this.notebook.lastSubmission?.response}.`);
});

Given('{acteur} a écrit à {acteur} « {texte} » en demandant que les réponses aillent à {acteur}', async function (this: HarnessWorld, sender: string, recipient: string, subject: string, replyTo: string) {
  await professionalSends(this, this.actor(sender), this.actor(recipient), { subject, replyTo: this.actor(replyTo).address });
  assert.ok(this.notebook.lastSubmission?.accepted, `L'envoi de ${sender} a été refusé : ${this.notebook.lastSubmission?.response}.`);
});

When('{acteur} envoie son ordonnance « {texte} » à {acteur}', async function (this: HarnessWorld, patientLabel: string, fileName: string, pharmacy: string) {
  const patient = this.actor(patientLabel);
  const identity = patientIdentityOf(this, patient);
  const document = syntheticPdf(fileName);
  const result = await this.space.mes.write({ ins: identity.ins, to: this.actor(pharmacy).address, subject: 'Mon ordonnance', text: 'Bonjour, voici mon ordonnance pour préparer mon traitement.', attachments: [{ filename: fileName, contentType: 'application/pdf', content: document }] });
  assert.ok(result.accepted, `Mon espace santé a refusé l'envoi de ${patientLabel} : ${result.accepted ? '' : result.refusal.message}`);
  await this.space.settled();
});
