// Tasks of the conformance scenarios: what the user of the client under test does through its
// driver (REG-DEC-04), as plain functions of the world (a light Screenplay). After
// each action the trust space's asynchronous work (bounces, receipts) is awaited, so that checks
// see its consequences.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { ActionResult, Attachment, PatientIdentity } from '../../../simulator/public-api.ts';
import type { Actor } from '../../support/cast.ts';
import type { HarnessWorld } from '../../support/world.ts';
import { clientUnderTest } from '../conformance.hooks.ts';
import type { ProfessionalActor } from '../../support/client-session.ts';
import { campaignWatch } from './campaign-watch.ts';
import { driverConfiguration, type ConfigurationChoice } from './driver-configuration.ts';

export const DEFAULT_SUBJECT = 'Information de votre pharmacie';
export const DEFAULT_BODY = 'Bonjour,\nVoici une information concernant votre traitement.\nBien cordialement.';

export async function useClientAs(world: HarnessWorld, label: string, choice: ConfigurationChoice = {}): Promise<void> {
  const actor = world.actor(label);
  assert.equal(actor.kind, 'professional', `${label} n'a pas de boîte MSSanté : le logiciel testé ne peut pas être configuré pour lui.`);
  if (actor.kind !== 'professional') return;
  const { driver } = await clientUnderTest();
  campaignWatch.usesMailbox(actor.address);
  await driver.configure(driverConfiguration(world.space, actor, choice));
  world.session.user = actor;
}

/** The user of the client; the step's actor must be that user (one client per scenario). */
export function clientUser(world: HarnessWorld, label: string): ProfessionalActor {
  const user = world.session.user;
  assert.ok(user, "Aucun logiciel testé n'est configuré : commencez par « Étant donné le logiciel testé, utilisé par … ».");
  assert.equal(world.actor(label).address, user.address, `Le logiciel testé est utilisé par ${user.label}, pas par ${label}.`);
  return user;
}

export function patientIdentityOf(world: HarnessWorld, actor: Actor): PatientIdentity {
  assert.equal(actor.kind, 'patient', `${actor.label} n'est pas un patient.`);
  const patient = actor.kind === 'patient' ? world.space.view().patient(actor.ins) : undefined;
  assert.ok(patient, `Le patient ${actor.label} est absent du jeu de données.`);
  return { ins: patient.ins, oid: patient.oid, ...patient.identity };
}

export interface WriteOptions {
  readonly subject?: string;
  readonly attachments?: readonly Attachment[];
  readonly noReply?: boolean;
  /** Only for a professional recipient (send). */
  readonly requestDeliveryReceipt?: boolean;
  /** Only for a professional recipient (send): SC.MSS/UX.33. */
  readonly requestReadReceipt?: boolean;
}

/** The user writes to a patient (the client builds the address from the identity) or to a professional's address. */
export async function clientWrites(world: HarnessWorld, senderLabel: string, recipient: Actor | string, options: WriteOptions = {}): Promise<ActionResult> {
  clientUser(world, senderLabel);
  const { driver } = await clientUnderTest();
  const subject = options.subject ?? DEFAULT_SUBJECT;
  const attachments = options.attachments ? { attachments: options.attachments } : {};
  let result: ActionResult;
  let recipients: string[];
  if (typeof recipient !== 'string' && recipient.kind === 'patient') {
    recipients = [recipient.address];
    result = await driver.writeToPatient({ patient: patientIdentityOf(world, recipient), subject, body: DEFAULT_BODY, ...attachments, ...(options.noReply ? { noReply: true } : {}) });
  } else {
    recipients = [typeof recipient === 'string' ? recipient : recipient.address];
    result = await driver.send({ to: recipients, subject, body: DEFAULT_BODY, ...attachments, ...(options.requestDeliveryReceipt ? { requestDeliveryReceipt: true } : {}), ...(options.requestReadReceipt ? { requestReadReceipt: true } : {}) });
  }
  return record(world, `message « ${subject} » à ${recipients.join(', ')}`, subject, recipients, result);
}

export async function clientSendsDocument(world: HarnessWorld, senderLabel: string, recipients: readonly Actor[], fileName: string): Promise<void> {
  clientUser(world, senderLabel);
  const { driver } = await clientUnderTest();
  const document = syntheticPdf(fileName);
  world.session.documents.set(fileName, sha256(document));
  const to = recipients.map((r) => r.address);
  const subject = `Document : ${fileName}`;
  const result = await driver.send({ to, subject, body: `Bonjour,\nVeuillez trouver ci-joint ${fileName}.\nBien cordialement.`, attachments: [{ filename: fileName, contentType: 'application/pdf', contentBase64: document.toString('base64') }] });
  await record(world, `document ${fileName} à ${to.join(', ')}`, subject, to, result);
}

/** `subject`: the exact `[FIN]` subject (REG-FIN-01); `header`: `X-MSS-MES: FIN` (SC.MSS/CONF.21). */
export async function clientEndsConversation(world: HarnessWorld, senderLabel: string, patient: Actor, method: 'subject' | 'header' = 'subject'): Promise<void> {
  clientUser(world, senderLabel);
  const { driver } = await clientUnderTest();
  const result = await driver.endConversation({ patient: patientIdentityOf(world, patient), method });
  const description = method === 'subject' ? `clôture « [FIN] » avec ${patient.label}` : `clôture par « X-MSS-MES: FIN » avec ${patient.label}`;
  await record(world, description, method === 'subject' ? '[FIN]' : '', [patient.address], result);
}

/** The « relever » button; a relève the software tried and shows as failed fails the scenario (never a setup error). */
export async function clientSynchronises(world: HarnessWorld, label: string): Promise<void> {
  clientUser(world, label);
  const { driver } = await clientUnderTest();
  await world.space.settled();
  const failure = await driver.synchronise();
  world.session.synchronisations.push(failure ?? { status: 'fetched' });
  await world.space.settled();
  if (world.session.operatorMadeUnreachable) return; // connection-failure-shown.ts judges what the user was shown
  assert.ok(!failure, `Le logiciel n'a pas pu relever la boîte de ${label} ; il a montré : « ${failure ? failure.shownToUser : ''} ».`);
}

/** The user answers, with the client's « Répondre » button, the received message with this subject. */
export async function clientReplies(world: HarnessWorld, label: string, subject: string): Promise<void> {
  await clientSynchronises(world, label);
  const { driver } = await clientUnderTest();
  const listed = (await driver.listMessages()).filter((m) => m.folder === 'inbox' && m.subject === subject);
  assert.ok(listed[0], `Le logiciel ne liste aucun message reçu d'objet « ${subject} » : impossible d'y répondre.`);
  const original = world.space.store.list(world.session.user?.address ?? '', { folder: 'INBOX' }).find((m) => m.index.subject === subject);
  if (original?.index.messageId) world.session.repliedTo = original.index.messageId;
  const result = await driver.send({ inReplyTo: listed[0].clientMessageId, subject: `RE: ${subject}`, body: 'Bonjour,\nBien reçu, merci.\nBien cordialement.' });
  await record(world, `réponse à « ${subject} »`, `RE: ${subject}`, [], result);
}

async function record(world: HarnessWorld, description: string, subject: string, recipients: readonly string[], result: ActionResult): Promise<ActionResult> {
  world.session.actions.push({ description, subject, recipients, result });
  await world.space.settled();
  return result;
}

/** A small, valid-looking, synthetic PDF whose bytes depend on its name (integrity checks). */
export function syntheticPdf(fileName: string): Buffer {
  const text = `Document de test synthétique : ${fileName}`;
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`, 'utf8');
}

/** The filler of each size already made in this process (a 20 Mio one takes about 0.1 s of CPU). */
const largeContents = new Map<number, string>();

/** `size` bytes of deterministic filler, for the oversize case (MES-NDR-06). */
export function largeAttachment(size: number): Attachment {
  let contentBase64 = largeContents.get(size);
  if (contentBase64 === undefined) {
    const content = Buffer.alloc(size);
    for (let i = 0; i < size; i += 1) content[i] = (i * 31 + 7) & 0xff;
    largeContents.set(size, (contentBase64 = content.toString('base64')));
  }
  return { filename: 'imagerie-volumineuse.bin', contentType: 'application/octet-stream', contentBase64 };
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
