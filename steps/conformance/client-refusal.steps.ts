// Checks where the client may tell its user before anything is sent (`refused`, the reason
// shown) or after the operator refused or bounced the message (`failed`, or a bounce shown):
// both satisfy « the user is told » where the rule allows it, and the report says which happened.
// - MSS-LB-04: a recipient outside the trust space (the client may check the liste blanche);
// - REG-ADR-01, MSS/va1.19: a typed patient address whose INS key or length is wrong (the
//   client may check the key; the operator would bounce it);
// - write-to-patient with an invalid INS: the client builds no address and refuses (never sent).
import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import { sameAddress } from '../../simulator/public-api.ts';
import type { HarnessWorld } from '../support/world.ts';
import { clientUnderTest } from './conformance.hooks.ts';
import { clientUser, DEFAULT_BODY, DEFAULT_SUBJECT, patientIdentityOf } from './support/client-tasks.ts';
import { transmittedByClient } from './support/client-traffic.ts';
import { expectClientShows } from './support/client-view.ts';

function lastAction(world: HarnessWorld) {
  const action = world.session.lastAction;
  assert.ok(action, "Le logiciel testé n'a encore rien fait dans ce scénario.");
  return action;
}

/** The French evidence: which of the two acceptable answers the client gave. */
function record(world: HarnessWorld, text: string): void {
  world.attach(text, { mediaType: 'text/plain', fileName: 'issue-de-l-envoi.txt' });
}

function expectRefusedBeforeSending(world: HarnessWorld, reason: string, rule: string): void {
  assert.ok(reason.trim().length > 0, `Le logiciel refuse sans rien dire à l'utilisateur (${rule}).`);
  const transmitted = transmittedByClient(world);
  assert.equal(transmitted.length, 0, `Le logiciel dit avoir refusé, mais le simulateur a reçu ${transmitted.length} message(s) de lui (${rule}).`);
  record(world, `Refus par le logiciel, avant tout envoi ; il a montré : « ${reason} ».`);
}

Then("le logiciel refuse l'envoi ou montre le refus de l'opérateur « {texte} »", function (this: HarnessWorld, reply: string) {
  const { result, description } = lastAction(this);
  if (result.status === 'refused') return expectRefusedBeforeSending(this, result.reason, 'MSS-LB-04');
  assert.equal(result.status, 'failed', `Le destinataire est hors de l'espace de confiance (${description}) : le logiciel devait refuser l'envoi ou signaler le refus de l'opérateur (MSS-LB-04) ; il répond « ${result.status} ».`);
  if (result.status !== 'failed') return;
  assert.ok((result.smtpReply ?? '').startsWith(reply), `Réponse de l'opérateur attendue « ${reply} … », le logiciel rapporte « ${result.smtpReply ?? '(aucune)'} ».`);
  assert.ok(result.shownToUser.trim().length > 0, "Le logiciel ne montre rien à l'utilisateur de ce refus.");
  record(this, `Refus de l'opérateur (${result.smtpReply ?? ''}) montré par le logiciel : « ${result.shownToUser} ».`);
});

Then("le logiciel refuse l'adresse avant l'envoi, ou la montre non remise, motif « {texte} », rattachée au message envoyé", async function (this: HarnessWorld, reason: string) {
  const { result, subject, recipients } = lastAction(this);
  if (result.status === 'refused') return expectRefusedBeforeSending(this, result.reason, 'REG-ADR-01');
  assert.equal(result.status, 'sent', `Le logiciel devait refuser l'adresse ou l'envoyer puis montrer l'avis de non-remise ; il répond « ${result.status} ».`);
  await this.space.settled();
  const count = transmittedByClient(this).filter((t) => t.envelope.rcptTo.some((r) => recipients.some((address) => sameAddress(r, address)))).length;
  assert.equal(count, 1, `Après un échec permanent, le logiciel ne doit pas renvoyer le message (MES-NDR-04) : ${count} envois vers ${recipients.join(', ')}.`);
  const sentId = result.status === 'sent' ? result.clientMessageId : '';
  await expectClientShows(this, `Le logiciel montre-t-il le message « ${subject} » comme non remis, motif contenant « ${reason} », rattaché au message envoyé ?`, (listed) => {
    const bounces = listed.filter((m) => m.kind === 'bounce');
    if (!bounces.some((b) => (b.report?.reasonShown ?? '').includes(reason))) return `Motif attendu contenant « ${reason} » (SC.MSS/UX.30) ; le logiciel montre : ${bounces.map((b) => `« ${b.report?.reasonShown ?? ''} »`).join(', ') || 'aucun avis'}.`;
    if (!bounces.some((b) => b.report?.aboutClientMessageId === sentId)) return `Aucun avis de non-remise n'est rattaché au message envoyé « ${subject} » (${sentId}) (SC.MSS/UX.35).`;
    return undefined;
  });
  record(this, `Adresse envoyée par le logiciel, avis de non-remise montré avec le motif « ${reason} ».`);
});

When('{acteur} écrit à {acteur}, dont le matricule INS détenu est « {texte} », depuis son logiciel', async function (this: HarnessWorld, sender: string, patient: string, ins: string) {
  clientUser(this, sender);
  const { driver } = await clientUnderTest();
  const identity = { ...patientIdentityOf(this, this.actor(patient)), ins };
  const result = await driver.writeToPatient({ patient: identity, subject: DEFAULT_SUBJECT, body: DEFAULT_BODY });
  this.session.actions.push({ description: `message à ${patient} (INS détenu « ${ins} »)`, subject: DEFAULT_SUBJECT, recipients: [], result });
  await this.space.settled();
});

Then("le logiciel refuse d'écrire à cet INS invalide et le dit à l'utilisateur", function (this: HarnessWorld) {
  const { result, description } = lastAction(this);
  assert.equal(result.status, 'refused', `Un matricule INS à la clé ou à la longueur fausse ne donne aucune adresse (REG-ADR-01, MSS/va1.19) : le logiciel devait refuser (${description}) ; il répond « ${result.status} ».`);
  if (result.status === 'refused') expectRefusedBeforeSending(this, result.reason, 'REG-ADR-01');
});
