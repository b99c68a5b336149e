// Tasks and questions of the health-document scenarios (SC.MSS/CONF.14, 15, 23–25 on the sending
// side; SC.MSS/UX.01, 07, 09, 28, CDA.01 on the receiving side): the client under test sends a
// document through its driver (`send-document`); a simulated professional sends one to the
// client's mailbox; the document checks' report of what the client sent.
import assert from 'node:assert/strict';
import { documentMessageParts, generateDocument, submitAs, type DocumentKindId, type DocumentReport, type ListedHealthDocuments, type PatientIdentity } from '../../../simulator/public-api.ts';
import type { Actor } from '../../support/cast.ts';
import type { HarnessWorld } from '../../support/world.ts';
import { clientUnderTest } from '../conformance.hooks.ts';
import { clientUser, patientIdentityOf } from './client-tasks.ts';
import { transmittedByClient } from './client-traffic.ts';

const KINDS: Readonly<Record<string, DocumentKindId>> = { 'bilan partagé de médication': 'medication-review', 'livret médical': 'livret-medical', 'compte rendu de biologie': 'biology-report' };

export function documentKindOf(label: string): DocumentKindId {
  const kind = KINDS[label];
  assert.ok(kind, `Document de santé inconnu « ${label} » ; connus : ${Object.keys(KINDS).join(', ')}.`);
  return kind;
}

/** The user sends a health document about `patient` to professionals, or to the patient herself. */
export async function clientSendsHealthDocument(world: HarnessWorld, senderLabel: string, recipient: Actor, patient: Actor, label: string): Promise<void> {
  clientUser(world, senderLabel);
  const { driver } = await clientUnderTest();
  assert.ok(driver.sendDocument, "Le pilote du logiciel testé n'a pas l'opération send-document (capacité documents).");
  const identity = patientIdentityOf(world, patient);
  const toPatient = recipient.kind === 'patient';
  const result = await driver.sendDocument({ ...(toPatient ? { toPatient: true } : { to: [recipient.address] }), patient: identity, document: documentKindOf(label) });
  world.session.actions.push({ description: `document de santé « ${label} » de ${patient.label} à ${recipient.label}`, subject: label, recipients: [recipient.address], result });
  await world.space.settled();
  assert.equal(result.status, 'sent', `Le logiciel n'a pas envoyé le document : ${JSON.stringify(result)}.`);
}

/** The document checks' report of the last message the client sent. */
export function lastSentDocumentReport(world: HarnessWorld): DocumentReport {
  const sent = transmittedByClient(world).at(-1);
  assert.ok(sent, "Le simulateur n'a reçu aucun message du logiciel testé.");
  const checked = world.space.observations.list('document-archive-checked').find((o) => o.transmissionId === sent.id);
  assert.ok(checked, `Le message « ${sent.index.subject ?? ''} » ne joint aucune archive IHE_XDM.ZIP ni en-tête de documents : ce n'est pas un message de documents de santé (SC.MSS/CONF.23).`);
  return checked.report;
}

export function describeFindings(report: DocumentReport): string {
  return report.findings.map((f) => `- ${f.rule} : ${f.message}`).join('\n');
}

/** A simulated professional sends a health document about `patient` to `recipient`'s mailbox (as a hospital's software would). */
export async function professionalSendsHealthDocument(world: HarnessWorld, sender: Actor, recipient: Actor, patient: Actor, label: string): Promise<void> {
  assert.equal(sender.kind, 'professional', `${sender.label} n'a pas de boîte MSSanté de professionnel.`);
  if (sender.kind !== 'professional') return;
  const identity = patientIdentityOf(world, patient);
  const at = new Date('2026-11-19T08:00:00Z');
  const document = generateDocument({ kind: documentKindOf(label), patient: { ...identity, qualified: true }, author: { name: sender.displayName, organisation: sender.address.split('@')[1] ?? '', address: sender.address }, effectiveTime: at });
  const parts = documentMessageParts({ documents: [document], authorAddress: sender.address, submissionTime: at });
  const sent = await submitAs(world.space, { address: sender.address, password: sender.password, name: sender.displayName }, { to: [recipient.address], subject: parts.subject, text: `Bonjour,\nVeuillez trouver ci-joint le ${label} de ${patient.label}.\n`, headers: parts.headers, attachments: parts.attachments });
  assert.ok(sent.accepted, `L'envoi de ${sender.label} a été refusé : ${sent.response}.`);
  await world.space.settled();
}

/** Registers the patient in the client's patient base, qualified or not. */
export async function clientKnowsPatient(world: HarnessWorld, patient: Actor, qualified: boolean): Promise<PatientIdentity> {
  const { driver } = await clientUnderTest();
  assert.ok(driver.registerPatient, "Le pilote du logiciel testé n'a pas l'opération register-patient (capacité documents-reception).");
  const identity = { ...patientIdentityOf(world, patient), qualified };
  await driver.registerPatient(identity);
  return identity;
}

/** The health documents the client lists for received messages, oldest first. */
export function receivedDocuments(listed: readonly { folder: string; healthDocuments?: ListedHealthDocuments }[]): ListedHealthDocuments[] {
  return listed.filter((m) => m.folder === 'inbox' && m.healthDocuments).map((m) => m.healthDocuments as ListedHealthDocuments);
}
