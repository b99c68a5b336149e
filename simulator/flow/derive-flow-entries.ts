// Pure derivation of live-flow entries (flow-entry.ts) from what the trust space records: an
// accepted transmission, a delivery report it stored, a patient action Mon espace santé refused.
// No clock, no I/O: the recorder (flow-recorder.ts) feeds them and numbers the results.
import { isEndOfConversationSubject, isNoReplyMarker } from '../domain/conversation-markers.ts';
import { AUTO_REPLY_ADDRESS, PATIENT_DOMAIN } from '../domain/model.ts';
import type { StoredMessage } from '../mail/stored-message.ts';
import type { PatientRefusalRecord } from '../mes/mon-espace-sante.ts';
import { messageKind } from '../routing/message-kind.ts';
import type { Transmission } from '../routing/transmission-log.ts';
import type { FlowDraft } from './flow-entry.ts';
import { readReportFacts } from './report-facts.ts';

const PATIENT_SUFFIX = `@${PATIENT_DOMAIN}`;

export function isPatientMailbox(address: string): boolean {
  const lower = address.toLowerCase();
  return lower.endsWith(PATIENT_SUFFIX) && lower !== AUTO_REPLY_ADDRESS && !lower.startsWith('mailer-daemon@');
}

/**
 * A transmission: one `delivered` (or `auto-reply`) entry for the recipients it reached.
 * Recipients that bounced appear as the `bounced` entries of the report (reportEntries);
 * a report that came from another operator (peer endpoint) is a `bounced`/`receipt` entry here.
 */
export function transmissionEntries(transmission: Transmission): FlowDraft[] {
  const { index } = transmission;
  const from = (index.from[0] ?? transmission.envelope.mailFrom).toLowerCase();
  const base = {
    at: transmission.receivedAt.toISOString(),
    from,
    subject: index.subject ?? '',
    transmissionId: transmission.id,
    ...(transmission.connectionId ? { connectionId: transmission.connectionId } : {}),
  };
  const delivered = transmission.outcomes.flatMap((o) => (o.outcome === 'delivered' ? [o] : []));
  if (delivered.length === 0) return [];
  const to = delivered.map((o) => o.recipient.toLowerCase());
  const kind = messageKind(index, transmission.raw);
  if (kind !== 'message') return reportDrafts(transmission.raw, kind, { ...base, to, storedId: delivered[0]!.storedId });
  const toPatient = to.some(isPatientMailbox);
  const fromPatient = transmission.ingress === 'simulator' && isPatientMailbox(from);
  const autoReply = transmission.ingress === 'simulator' && from === AUTO_REPLY_ADDRESS;
  return [
    {
      ...base,
      kind: autoReply ? 'auto-reply' : 'delivered',
      to,
      storedId: delivered[0]!.storedId,
      // REG-FIN-01: subject exactly `[FIN]` from a professional closes the conversation.
      ...(toPatient && !fromPatient && isEndOfConversationSubject(index.subject) ? { closesConversation: true } : {}),
      // SC.MSS/CONF.21: `X-MSS-MES: FIN` makes this one message non-replyable.
      ...(toPatient && isNoReplyMarker(index.xMss['x-mss-mes']) ? { noReply: true } : {}),
      ...(fromPatient ? { fromPatient: true } : {}),
    },
  ];
}

/** A report the simulator stored itself (bounce or receipt, RFC 3464): one entry per recipient it reports on. */
export function reportEntries(message: StoredMessage): FlowDraft[] {
  if (message.ingress !== 'simulator' || message.kind === 'message' || message.folder !== 'INBOX') return [];
  const base = {
    at: message.receivedAt.toISOString(),
    from: (message.index.from[0] ?? '').toLowerCase(),
    subject: message.index.subject ?? '',
    ...(message.reportsOn ? { transmissionId: message.reportsOn } : {}),
  };
  return reportDrafts(message.raw, message.kind, { ...base, to: [message.mailbox], storedId: message.id });
}

type Base = Pick<FlowDraft, 'at' | 'from' | 'to' | 'subject' | 'storedId' | 'transmissionId' | 'connectionId'>;

function reportDrafts(raw: Buffer, kind: 'bounce' | 'receipt', base: Base): FlowDraft[] {
  const flowKind = kind === 'bounce' ? 'bounced' : 'receipt';
  const facts = readReportFacts(raw);
  if (facts.length === 0) return [{ ...base, kind: flowKind }];
  return facts.map((fact) => ({
    ...base,
    kind: flowKind,
    originalRecipient: fact.recipient,
    ...(fact.status ? { status: fact.status } : {}),
    ...(fact.reason && kind === 'bounce' ? { reason: fact.reason } : {}),
  }));
}

export interface RefusedAction {
  readonly record: PatientRefusalRecord;
  /** Subject the patient wrote (or would have replied with). */
  readonly subject: string;
  /** For a refused reply: the message replied to, when the store still has it. */
  readonly original?: StoredMessage;
}

/** A patient action Mon espace santé refused (REG-MES-04): the professional never receives it. */
export function patientRefusalEntry({ record, subject, original }: RefusedAction): FlowDraft {
  const to = record.action === 'write' ? record.target.toLowerCase() : (original?.index.replyTo[0] ?? original?.index.from[0]);
  return {
    at: record.at.toISOString(),
    kind: 'patient-refused',
    from: `${record.ins}${PATIENT_SUFFIX}`.toLowerCase(),
    to: to ? [to] : [],
    subject,
    reason: record.refusal.message,
    fromPatient: true,
  };
}
