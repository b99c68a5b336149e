// The "relever" button of the reference client: APPENDs its sent messages to `Sent`, fetches the
// new INBOX messages, reads them (message-reading.ts), ties bounces and receipts to the sent
// message and updates its delivery state (SC.MSS/UX.30, UX.35). Never answers a bounce and
// never resends after one (REG-ANR-10), except in the faulty variants that do.
import type { ActionResult } from './client-driver.ts';
import type { ClientMemory, ReceivedRecord } from './client-memory.ts';
import { MailSession } from './mail-session.ts';
import { appendSent, fetchInboxSince, withMailbox } from './mailbox-access.ts';
import { readMessage } from './message-reading.ts';
import { newMessageId, REFERENCE_PRODUCT_NIL, type OutgoingDraft } from './outgoing-message.ts';
import { composeReadReceipt } from './read-receipt.ts';
import { senderDisplayName } from '../domain/sender-display-name.ts';
import { extractAddresses, headerKey } from '../protocols/mime/message-reader.ts';
import type { FaultSet } from './reference-fault.ts';
import { submit } from './smtp-submission.ts';

export interface SynchroniseContext {
  readonly session: MailSession;
  readonly memory: ClientMemory;
  readonly faults: FaultSet;
  readonly now: () => Date;
  /** Sends a new message (fault `answers-bounces` only). */
  readonly answer: (draft: OutgoingDraft) => Promise<ActionResult>;
}

/** Shown instead of the bounce's own sentence by the fault `bounce-reason-misread`. */
export const MISREAD_REASON = 'Le message a été envoyé.';

export async function synchroniseMailbox(context: SynchroniseContext): Promise<void> {
  const { session, memory } = context;
  const { imap, caCertificatePem } = session.configuration;
  const settings = { host: imap.host, port: imap.port, security: imap.security, caCertificatePem, user: session.address, credential: await session.credential() };
  const fetched = await withMailbox(settings, async (client) => {
    for (const sent of memory.sent.filter((s) => !s.appended)) {
      await appendSent(client, sent.raw);
      sent.appended = true;
    }
    return fetchInboxSince(client, memory.lastUid);
  });
  for (const item of fetched) {
    memory.lastUid = Math.max(memory.lastUid, item.uid);
    const record = await receive(context, item.uid, await readMessage(item.raw), item.internalDate ?? context.now());
    memory.received.push(record);
    if (!context.faults.has('no-read-receipt')) await returnReadReceipt(context, record);
    await misbehave(context, record);
  }
}

async function receive(context: SynchroniseContext, uid: number, message: ReceivedRecord['message'], receivedAt: Date): Promise<ReceivedRecord> {
  const { memory, faults } = context;
  const clientMessageId = `recu-${uid}`;
  const reading = message.reading;
  if (reading.kind === 'patient-message') return { clientMessageId, uid, message, receivedAt, shownAsOrdinary: faults.has('patient-message-unrecognised') };
  if (reading.kind === 'message') return { clientMessageId, uid, message, receivedAt, shownAsOrdinary: false };
  if (reading.kind === 'bounce' && faults.has('bounce-ignored')) return { clientMessageId, uid, message, receivedAt, shownAsOrdinary: true };
  if (reading.kind === 'receipt' && faults.has('receipt-ignored')) return { clientMessageId, uid, message, receivedAt, shownAsOrdinary: true };
  const shown = reading.kind === 'bounce' && faults.has('bounce-reason-misread') ? { ...message, reading: { ...reading, reasonShown: MISREAD_REASON } } : message;
  const sent = faults.has('bounce-tied-to-latest') ? memory.sent.at(-1) : memory.sentByMessageId(reading.aboutMessageIds);
  if (sent) sent.deliveryState = reading.status;
  return { clientMessageId, uid, message: shown, receivedAt, shownAsOrdinary: false, ...(sent ? { aboutClientMessageId: sent.clientMessageId } : {}) };
}

/** The faulty variants' extra actions after a bounce; the correct client does nothing. */
async function misbehave(context: SynchroniseContext, record: ReceivedRecord): Promise<void> {
  const { faults, memory, session } = context;
  if (record.message.reading.kind !== 'bounce') return;
  if (faults.has('answers-bounces')) {
    const to = record.message.parsed.from[0]?.address;
    if (to) await context.answer({ from: session.address, to: [to], subject: `RE: ${record.message.parsed.subject ?? ''}`, body: "Pourquoi mon message n'a-t-il pas été distribué ?" });
  }
  const sent = memory.sentByMessageId(record.message.reading.aboutMessageIds);
  if (!sent || !(faults.has('resend-after-permanent-failure') || faults.has('delayed-resend-after-permanent-failure'))) return;
  const settings = async (from: MailSession) => {
    const { smtp, caCertificatePem } = from.configuration;
    return { host: smtp.host, port: smtp.port, caCertificatePem, user: from.address, credential: await from.credential() };
  };
  if (faults.has('resend-after-permanent-failure')) {
    await submit(await settings(session), sent.envelope, sent.raw);
    return;
  }
  // Later, whatever the harness does meanwhile (reset included: a new session from the same
  // settings signs in again); a stopped simulator is ignored.
  const resend = async () => submit(await settings(new MailSession(session.configuration, context.now)), sent.envelope, sent.raw);
  setTimeout(() => void resend().catch(() => undefined), DELAYED_RESEND_MS).unref();
}

/** Delay of the fault `delayed-resend-after-permanent-failure`: long enough to leave the scenario. */
export const DELAYED_RESEND_MS = 3_000;

/** SC.MSS/UX.34: a fetched message (not a report) with `Disposition-Notification-To` gets its read receipt, once. */
async function returnReadReceipt(context: SynchroniseContext, record: ReceivedRecord): Promise<void> {
  const { parsed, reading } = record.message;
  if (reading.kind === 'bounce' || reading.kind === 'receipt' || parsed.dispositionNotification || !parsed.messageId) return;
  const field = parsed.headers.find((h) => headerKey(h.name) === 'disposition-notification-to');
  const to = field ? extractAddresses(field.value)[0] : undefined;
  if (!to) return;
  const { session } = context;
  const holder = session.configuration.mailbox.holder;
  const raw = composeReadReceipt({
    from: session.address,
    ...(holder ? { fromName: senderDisplayName(holder) } : {}),
    to,
    originalMessageId: parsed.messageId,
    originalSubject: parsed.subject ?? '',
    messageId: newMessageId(session.address),
    productNil: REFERENCE_PRODUCT_NIL,
    date: context.now(),
  });
  const { smtp, caCertificatePem } = session.configuration;
  await submit({ host: smtp.host, port: smtp.port, caCertificatePem, user: session.address, credential: await session.credential() }, { from: session.address, to: [to] }, raw);
}
