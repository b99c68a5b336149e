// Tasks and questions of @simulateur scenarios: plain functions of the world and its actors
// (a light Screenplay). Assertion messages are in French, with what was expected
// and what the simulator saw.
import { addressKey } from '../../simulator/public-api.ts';
import assert from 'node:assert/strict';
import { parseMessage } from '../../simulator/public-api.ts';
import type { StoredMessage } from '../../simulator/public-api.ts';
import type { Actor } from './cast.ts';
import { submitAs, type OutgoingMail } from './professional-client.ts';
import type { HarnessWorld } from './world.ts';

const WAIT_MS = 5000;

export async function professionalSends(world: HarnessWorld, sender: Actor, recipient: Actor | string, mail: Partial<OutgoingMail> = {}): Promise<void> {
  assert.equal(sender.kind, 'professional', `${sender.label} n'a pas de boîte MSSanté de professionnel : il ne peut pas envoyer de message.`);
  if (sender.kind !== 'professional') return;
  const to = typeof recipient === 'string' ? recipient : recipient.address;
  const sent = await submitAs(world.space, { address: sender.address, password: sender.password, name: sender.displayName }, { to: [to], subject: 'Information de votre pharmacie', text: 'Bonjour,\nVoici une information.\n', ...mail });
  world.notebook.lastSubmission = sent;
  await world.space.settled();
}

export async function patientWrites(world: HarnessWorld, patient: Actor, to: string): Promise<void> {
  assert.equal(patient.kind, 'patient', `${patient.label} n'est pas un patient.`);
  if (patient.kind !== 'patient') return;
  world.notebook.lastPatientAction = await world.space.mes.write({ ins: patient.ins, to, subject: 'Message de Mon espace santé', text: 'Bonjour, voici ma question.' });
  await world.space.settled();
}

/** The patient replies to the newest message she received from `from` (or from anyone). */
export async function patientReplies(world: HarnessWorld, patient: Actor, from?: Actor) {
  assert.equal(patient.kind, 'patient', `${patient.label} n'est pas un patient.`);
  const received = world.space.store.list(patient.address, { folder: 'INBOX', kind: 'message' }).filter((m) => !from || m.index.from.includes(addressKey(from.address)));
  const last = received.at(-1);
  assert.ok(last, `${patient.label} n'a reçu aucun message${from ? ` de ${from.label}` : ''} auquel répondre.`);
  const result = await world.space.mes.reply({ ins: patient.kind === 'patient' ? patient.ins : '', messageId: last.id, text: 'Merci, voici ma réponse.' });
  world.notebook.lastPatientAction = result;
  await world.space.settled();
  return result;
}

export function waitForMessage(world: HarnessWorld, mailbox: Actor, predicate: (m: StoredMessage) => boolean, description: string): Promise<StoredMessage> {
  return waitInMailbox(world, mailbox.address, predicate, description);
}

/** The same for a mailbox that is nobody's in the cast (a postmaster). */
export function waitInMailbox(world: HarnessWorld, mailbox: string, predicate: (m: StoredMessage) => boolean, description: string): Promise<StoredMessage> {
  const address = addressKey(mailbox);
  return world.space.store.waitFor((m) => m.mailbox === address && predicate(m), WAIT_MS, description);
}

export async function deliveryStatusOf(message: StoredMessage) {
  const parsed = await parseMessage(message.raw);
  assert.ok(parsed.deliveryStatus, `Le message ${message.id} n'a pas de partie message/delivery-status.`);
  return { parsed, status: parsed.deliveryStatus };
}

export function expectRefused(world: HarnessWorld, fragment: string): void {
  const action = world.notebook.lastPatientAction;
  assert.ok(action, "Aucune action du patient n'a été tentée.");
  assert.equal(action.accepted, false, `Mon espace santé aurait dû refuser l'action, elle a été acceptée.`);
  if (action.accepted) return;
  assert.ok(action.refusal.message.includes(fragment), `Motif attendu contenant « ${fragment} », reçu « ${action.refusal.message} ».`);
}
