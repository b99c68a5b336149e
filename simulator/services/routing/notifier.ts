// Delivery status notifications the trust space sends back to senders, asynchronously:
// failures (avis de non-remise, REG-ANR-01 to REG-ANR-06; RFC 3464) and, when asked, positive DSNs
// (Return-Receipt-To, MSS/va1.15; NOTIFY=SUCCESS, RFC 3461 §4.1). DSN parameters honoured:
// NOTIFY (per recipient), RET, ENVID, ORCPT. Never to the null reverse path (RFC 5321 §4.5.5).
import { addressKey } from '../../domain/address-key.ts';
import { FAILURE_REASONS, type FailureReason } from '../../domain/bounce-reasons.ts';
import { prepareFailureDsn, prepareSuccessDsn, type PreparedDsn } from '../../protocols/mime/dsn-builder.ts';
import { indexMessage } from '../../protocols/mime/message-reader.ts';
import { lazyWithReturnPath } from '../store/return-path.ts';
import type { MessageStore } from '../store/message-store.ts';
import type { StoredMessage } from '../store/stored-message.ts';
import { deliveryReportSource, type ReportSource } from './report-source.ts';
import type { Transmission } from './transmission-log.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import type { ReportIssued, ReportRecipient } from '../../observation/observation.ts';

export type { FailureReason };

export interface RecipientFailure {
  readonly recipient: string;
  readonly reason: FailureReason;
}

export interface Notifier {
  bounce(transmission: Transmission, failures: readonly RecipientFailure[]): void;
  receipts(transmission: Transmission, delivered: readonly StoredMessage[]): void;
}

export interface NotifierDeps {
  readonly store: MessageStore;
  readonly view: () => TrustSpaceView;
  readonly now: () => Date;
  /** Runs work after the SMTP reply: bounces are asynchronous (REG-ANR-01). */
  readonly defer: (work: () => void) => void;
  /** Reports a bug (a DSN that could not be built) without losing the message. */
  readonly onError: (error: unknown, transmission: Transmission) => void;
  /** Told of every report stored, with its structured facts (the `report-issued` observation). */
  readonly observe?: (report: ReportIssued) => void;
}

const describe = (reason: FailureReason) => FAILURE_REASONS[reason];

export function statusOf(reason: FailureReason): string {
  return describe(reason).status;
}

const wants = (transmission: Transmission, recipient: string, value: 'FAILURE' | 'SUCCESS' | 'NEVER'): boolean | undefined =>
  transmission.envelope.recipientDsn?.[recipient]?.notify?.includes(value);

export function createNotifier(deps: NotifierDeps): Notifier {
  const safely = (transmission: Transmission, work: () => void) =>
    deps.defer(() => {
      try {
        work();
      } catch (error) {
        deps.onError(error, transmission);
      }
    });

  return {
    bounce(transmission, failures) {
      if (transmission.envelope.mailFrom === '') return;
      const notified = failures.filter((f) => wants(transmission, f.recipient, 'FAILURE') !== false);
      for (const [source, group] of groupBySource(deps, notified.map((f) => f.recipient))) {
        const chosen = notified.filter((f) => group.includes(f.recipient));
        safely(transmission, () => storeFailureDsn(deps, transmission, source, chosen));
      }
    },
    receipts(transmission, delivered) {
      const targets = receiptTargets(transmission, delivered);
      for (const [target, copies] of targets) {
        for (const [source, group] of groupBySource(deps, copies.map((c) => recipientOf(transmission, c)))) {
          safely(transmission, () => storeSuccessDsn(deps, transmission, source, target, group));
        }
      }
    },
  };
}

function groupBySource(deps: NotifierDeps, recipients: readonly string[]): Map<ReportSource, string[]> {
  const groups = new Map<string, { source: ReportSource; recipients: string[] }>();
  for (const recipient of recipients) {
    const source = deliveryReportSource(recipient, deps.view());
    const group = groups.get(source.domain) ?? { source, recipients: [] };
    group.recipients.push(recipient);
    groups.set(source.domain, group);
  }
  return new Map([...groups.values()].map((g) => [g.source, g.recipients]));
}

function recipientOf(transmission: Transmission, copy: StoredMessage): string {
  const outcome = transmission.outcomes.find((o) => o.outcome === 'delivered' && o.storedId === copy.id);
  return outcome?.recipient ?? copy.mailbox;
}

/** Who gets a positive DSN: the envelope sender for NOTIFY=SUCCESS, the Return-Receipt-To address (MSS/va1.15). */
function receiptTargets(transmission: Transmission, delivered: readonly StoredMessage[]): Map<string, StoredMessage[]> {
  const targets = new Map<string, StoredMessage[]>();
  const add = (target: string, copy: StoredMessage) => targets.set(target, [...(targets.get(target) ?? []), copy]);
  const returnReceiptTo = transmission.index.returnReceiptTo;
  for (const copy of delivered) {
    const recipient = recipientOf(transmission, copy);
    if (wants(transmission, recipient, 'SUCCESS') && transmission.envelope.mailFrom !== '') add(addressKey(transmission.envelope.mailFrom), copy);
    else if (returnReceiptTo && !wants(transmission, recipient, 'NEVER')) add(addressKey(returnReceiptTo), copy); // RFC 3461 §4.1: NEVER, no DSN at all
  }
  return targets;
}

function storeFailureDsn(deps: NotifierDeps, transmission: Transmission, source: ReportSource, failures: readonly RecipientFailure[]): void {
  const now = deps.now();
  const first = describe(failures[0]!.reason);
  const to = addressKey(transmission.envelope.mailFrom);
  const index = transmission.index; // made on each read (delivered-transmission.ts)
  const dsn = prepareFailureDsn({
    reportingMta: source.host,
    from: source.mailerDaemon,
    to,
    subject: first.subject,
    messageId: source.newMessageId(now),
    date: now,
    arrivalDate: transmission.receivedAt,
    ...(transmission.envelope.envid ? { envid: transmission.envelope.envid } : {}),
    // Never return a message that was refused for its size (Postfix does the same).
    ...(failures.some((f) => f.reason === 'patient-too-large') ? { ret: 'HDRS' as const } : transmission.envelope.ret ? { ret: transmission.envelope.ret } : {}),
    ...(index.messageId ? { originalMessageId: index.messageId } : {}),
    originalRaw: transmission.raw,
    originalHeaderBytes: index.headerBytes,
    recipients: failures.map((f) => {
      const description = describe(f.reason);
      const orcpt = transmission.envelope.recipientDsn?.[f.recipient]?.orcpt;
      return {
        ...(orcpt ? { originalRecipient: orcpt } : {}),
        finalRecipient: f.recipient,
        status: description.status,
        diagnosticCode: `smtp; ${description.diagnostic.code} ${description.status} ${description.diagnostic.text}`,
        sentence: description.sentence(f.recipient),
      };
    }),
  });
  const facts = failures.map((f): ReportRecipient => ({ recipient: addressKey(f.recipient), status: statusOf(f.reason), reason: f.reason, sentence: describe(f.reason).sentence(f.recipient) }));
  storeReport(deps, transmission, to, dsn, 'bounce', now, facts);
}

function storeSuccessDsn(deps: NotifierDeps, transmission: Transmission, source: ReportSource, target: string, recipients: readonly string[]): void {
  const now = deps.now();
  const index = transmission.index; // made on each read (delivered-transmission.ts)
  const dsn = prepareSuccessDsn({
    reportingMta: source.host,
    from: source.mailerDaemon,
    to: target,
    subject: 'Accusé de remise',
    messageId: source.newMessageId(now),
    date: now,
    arrivalDate: transmission.receivedAt,
    ...(transmission.envelope.envid ? { envid: transmission.envelope.envid } : {}),
    ret: 'HDRS',
    ...(index.messageId ? { originalMessageId: index.messageId } : {}),
    originalRaw: transmission.raw,
    originalHeaderBytes: index.headerBytes,
    recipients: recipients.map((recipient) => {
      const orcpt = transmission.envelope.recipientDsn?.[recipient]?.orcpt;
      return { ...(orcpt ? { originalRecipient: orcpt } : {}), finalRecipient: recipient, status: '2.0.0', diagnosticCode: 'smtp; 250 2.0.0 delivered', sentence: '' };
    }),
  });
  storeReport(deps, transmission, target, dsn, 'receipt', now, recipients.map((recipient) => ({ recipient: addressKey(recipient), status: '2.0.0' })));
}

/**
 * Delivered with `Return-Path: <>` (RFC 5321 §4.4), its header index made now and its bytes on
 * first read (lazy-stored-message.ts): most runs never read a report's bytes.
 */
function storeReport(deps: NotifierDeps, transmission: Transmission, mailbox: string, dsn: PreparedDsn, kind: 'bounce' | 'receipt', now: Date, recipients: readonly ReportRecipient[]): void {
  const delivered = lazyWithReturnPath(indexMessage(dsn.headerBlock), () => dsn.bytes(), '');
  const message = deps.store.add({
    mailbox,
    folder: 'INBOX',
    kind,
    envelope: { mailFrom: '', rcptTo: [mailbox] },
    index: delivered.index,
    bytes: delivered.bytes,
    receivedAt: now,
    ingress: 'simulator',
    reportsOn: transmission.id,
  });
  deps.observe?.({ type: 'report-issued', kind, message, transmissionId: transmission.id, recipients });
}
