// The "relever" button of the reference client: APPENDs its sent messages to `Sent`, fetches the
// new INBOX messages, reads them (message-reading.ts), ties bounces and receipts to the sent
// message and updates its delivery state (SC.MSS/UX.30, UX.35). Never answers a bounce and
// never resends after one (REG-ANR-10), except in the faulty variants that do. A mailbox that
// cannot be reached securely is told to the user (ShownFailure), never worked around.
import type { ActionResult, ShownFailure } from './client-driver.ts';
import type { ClientMemory, ReceivedRecord } from './client-memory.ts';
import { connectionFailureShownToUser } from './client-tls.ts';
import type { HeldMailbox } from './held-mailbox.ts';
import { appendSent, fetchInboxSince, MailboxConnectionError, type FetchedMessage } from './mailbox-access.ts';
import { readMessage } from './message-reading.ts';
import { mailboxSettings, submitToOperator } from './operator-connection.ts';
import { MailSession } from './mail-session.ts';
import { newMessageId, REFERENCE_PRODUCT_NIL, type OutgoingDraft } from './outgoing-message.ts';
import { composeReadReceipt } from './read-receipt.ts';
import { senderDisplayName } from '../domain/sender-display-name.ts';
import { extractAddresses, headerKey } from '../protocols/mime/message-reader.ts';
import type { FaultSet } from './reference-fault.ts';

export interface SynchroniseContext {
  readonly session: MailSession;
  /** The IMAP connection kept between two « relever » (SC.MSS/CONF.11). */
  readonly mailbox: HeldMailbox;
  readonly memory: ClientMemory;
  readonly faults: FaultSet;
  readonly now: () => Date;
  /** Sends a new message (fault `answers-bounces` only). */
  readonly answer: (draft: OutgoingDraft) => Promise<ActionResult>;
}

/** Shown instead of the bounce's own sentence by the fault `bounce-reason-misread`. */
export const MISREAD_REASON = 'Le message a été envoyé.';

export async function synchroniseMailbox(context: SynchroniseContext): Promise<ShownFailure | void> {
  const { memory, faults } = context;
  let fetched: FetchedMessage[];
  try {
    fetched = await fetchNew(context);
  } catch (error) {
    if (!(error instanceof MailboxConnectionError)) throw error;
    if (faults.has('tls-failure-hidden')) return undefined;
    return { status: 'failed', shownToUser: connectionFailureShownToUser('Relève de la boîte impossible', error.reason) };
  }
  for (const item of fetched) {
    memory.lastUid = Math.max(memory.lastUid, item.uid);
    const record = await receive(context, item.uid, await readMessage(item.raw), item.internalDate ?? context.now());
    memory.received.push(record);
    if (!context.faults.has('no-read-receipt')) await returnReadReceipt(context, record);
    await misbehave(context, record);
  }
}

/** APPENDs the sent messages not yet in `Sent`, then fetches the new INBOX messages. */
async function fetchNew(context: SynchroniseContext): Promise<FetchedMessage[]> {
  const { session, memory, faults } = context;
  const work = async (client: Parameters<Parameters<HeldMailbox['use']>[1]>[0]) => {
    for (const sent of memory.sent.filter((s) => !s.appended)) {
      await appendSent(client, sent.raw);
      sent.appended = true;
    }
    return fetchInboxSince(client, memory.lastUid);
  };
  return context.mailbox.use(() => mailboxSettings(session, faults), work);
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
  if (faults.has('resend-after-permanent-failure')) {
    await submitToOperator(session, faults, sent.envelope, sent.raw);
    return;
  }
  // Later, whatever the harness does meanwhile (reset included: a new session from the same
  // settings signs in again); a stopped simulator is ignored.
  const resend = async () => submitToOperator(new MailSession(session.configuration, context.now, faults), faults, sent.envelope, sent.raw);
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
  await submitToOperator(session, context.faults, { from: session.address, to: [to] }, raw);
}
