// The JSON shapes of stored messages and transmissions in the control API (the core
// fields are id, messageId, from, to, subject, date, kind; the rest are extras). Absent values are
// `null`, never missing, so that every item has the same keys.
import type { ParsedMessage } from '../protocols/mime/message-reader.ts';
import type { StoredMessage } from '../services/store/stored-message.ts';
import type { Transmission } from '../services/routing/transmission-log.ts';

export interface MessageSummary {
  readonly id: string;
  readonly messageId: string | null;
  /** First `From:` address (lower-case), null when absent. */
  readonly from: string | null;
  readonly to: readonly string[];
  readonly subject: string | null;
  /** `Date:` header as written. */
  readonly date: string | null;
  readonly receivedAt: string;
  readonly kind: StoredMessage['kind'];
  readonly folder: StoredMessage['folder'];
  readonly mailbox: string;
  readonly size: number;
  readonly reportsOn: string | null;
}

export function messageSummary(message: StoredMessage): MessageSummary {
  // Read once: an older delivered copy reads its index again from its bytes (delivered-copy.ts).
  const { index } = message;
  return {
    id: message.id,
    messageId: index.messageId ?? null,
    from: index.from[0] ?? null,
    to: index.to,
    subject: index.subject ?? null,
    date: index.date ?? null,
    receivedAt: message.receivedAt.toISOString(),
    kind: message.kind,
    folder: message.folder,
    mailbox: message.mailbox,
    size: message.raw.length,
    reportsOn: message.reportsOn ?? null,
  };
}

/** Everything known about one stored copy, with the full MIME parse (bounce fields included). */
export function messageDetail(message: StoredMessage, parsed: ParsedMessage) {
  return {
    ...messageSummary(message),
    envelope: message.envelope,
    ingress: message.ingress,
    connectionId: message.connectionId ?? null,
    index: message.index,
    parsed,
  };
}

export function transmissionSummary(transmission: Transmission) {
  const { index } = transmission;
  return {
    id: transmission.id,
    receivedAt: transmission.receivedAt.toISOString(),
    ingress: transmission.ingress,
    connectionId: transmission.connectionId ?? null,
    authenticatedMailbox: transmission.authenticatedMailbox ?? null,
    envelope: transmission.envelope,
    messageId: index.messageId ?? null,
    from: index.from[0] ?? null,
    to: index.to,
    subject: index.subject ?? null,
    date: index.date ?? null,
    size: transmission.raw.length,
    outcomes: transmission.outcomes,
  };
}
