// Pure derivation of live-flow entries (flow-entry.ts) from observations (simulator/observation):
// an accepted transmission, a delivery report the simulator issued (its structured facts, never
// its bytes), a recipient refused at RCPT, a patient action Mon espace santé refused. No clock,
// no I/O: the recorder (flow-recorder.ts) feeds them and numbers the results.
import { isEndOfConversationSubject, isNoReplyMarker } from '../../domain/conversation-markers.ts';
import { addressKey } from '../../domain/address-key.ts';
import { AUTO_REPLY_ADDRESS } from '../../domain/model.ts';
import { isPatientMailbox, patientAddressOf } from '../../domain/patient-address.ts';
import type { Observed, PatientAction, ReportIssued, SmtpExchange } from '../observation.ts';
import { messageKind } from '../../services/routing/message-kind.ts';
import type { Transmission } from '../../services/routing/transmission-log.ts';
import type { FlowDraft } from './flow-entry.ts';
import { readReportFacts } from './report-facts.ts';

/**
 * A transmission: one `delivered` (or `auto-reply`) entry for the recipients it reached.
 * Recipients that bounced appear as the `bounced` entries of the report (reportEntries);
 * a report that came from another operator (peer endpoint) is a `bounced`/`receipt` entry here.
 */
export function transmissionEntries(transmission: Transmission): FlowDraft[] {
  const { index } = transmission;
  const from = addressKey(index.from[0] ?? transmission.envelope.mailFrom);
  const base = {
    at: transmission.receivedAt.toISOString(),
    from,
    subject: index.subject ?? '',
    transmissionId: transmission.id,
    ...(transmission.connectionId ? { connectionId: transmission.connectionId } : {}),
  };
  const delivered = transmission.outcomes.flatMap((o) => (o.outcome === 'delivered' ? [o] : []));
  if (delivered.length === 0) return [];
  const to = delivered.map((o) => addressKey(o.recipient));
  const kind = messageKind(index, transmission.raw);
  // A report another operator sent (peer endpoint): its facts are read from the bytes it sent.
  if (kind !== 'message') return receivedReportDrafts(transmission.raw, kind, { ...base, to, storedId: delivered[0]!.storedId });
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

/** A report the simulator issued (bounce or receipt, RFC 3464): one entry per recipient it reports on. */
export function reportEntries(report: ReportIssued): FlowDraft[] {
  const { message } = report;
  const base = {
    at: message.receivedAt.toISOString(),
    from: addressKey(message.index.from[0] ?? ''),
    subject: message.index.subject ?? '',
    transmissionId: report.transmissionId,
    to: [message.mailbox],
    storedId: message.id,
  };
  const kind = report.kind === 'bounce' ? 'bounced' : 'receipt';
  if (report.recipients.length === 0) return [{ ...base, kind }];
  return report.recipients.map((fact) => ({
    ...base,
    kind,
    originalRecipient: fact.recipient,
    status: fact.status,
    ...(fact.sentence && report.kind === 'bounce' ? { reason: fact.sentence } : {}),
  }));
}

/** A recipient the operator refused at RCPT (outside the liste blanche, strict mode): no message exists, the connection is the evidence. */
export function rcptRefusalEntry(exchange: Observed<SmtpExchange>): FlowDraft | undefined {
  if (exchange.verb !== 'RCPT' || exchange.code < 400 || exchange.transactionSender === undefined || exchange.address === undefined) return undefined;
  return {
    at: exchange.at.toISOString(),
    kind: 'refused-at-rcpt',
    from: exchange.transactionSender,
    to: [exchange.address],
    subject: '',
    connectionId: exchange.connectionId,
    originalRecipient: exchange.address,
    reason: (exchange.detail ?? exchange.text).trim(),
    status: exchange.enhanced ?? (exchange.code < 500 ? '4.0.0' : '5.0.0'),
  };
}

type Base = Pick<FlowDraft, 'at' | 'from' | 'to' | 'subject' | 'storedId' | 'transmissionId' | 'connectionId'>;

function receivedReportDrafts(raw: Buffer, kind: 'bounce' | 'receipt', base: Base): FlowDraft[] {
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

/** A patient action Mon espace santé refused (REG-MES-04): the professional never receives it. */
export function patientRefusalEntry(action: Observed<PatientAction>): FlowDraft | undefined {
  if (action.outcome !== 'refused' || !action.refusal) return undefined;
  const { original } = action;
  const to = action.action === 'write' ? addressKey(action.target) : (original?.index.replyTo[0] ?? original?.index.from[0]);
  return {
    at: action.at.toISOString(),
    kind: 'patient-refused',
    from: addressKey(patientAddressOf(action.ins)),
    to: to ? [to] : [],
    subject: action.subject,
    reason: action.refusal.message,
    fromPatient: true,
  };
}
