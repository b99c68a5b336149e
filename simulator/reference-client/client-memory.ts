// What the reference client remembers between actions (in memory only; reset() forgets it):
// its sent messages with their delivery state, and the messages it fetched.
import { addressKey } from '../domain/address-key.ts';
import type { ListedMessage } from './client-driver.ts';
import type { Envelope } from './smtp-submission.ts';
import type { ReadMessage } from './message-reading.ts';

export interface SentRecord {
  readonly clientMessageId: string;
  readonly messageId: string;
  readonly envelope: Envelope;
  readonly raw: Buffer;
  readonly to: readonly string[];
  readonly subject: string;
  readonly sentAt: Date;
  deliveryState: 'sent' | 'delivered' | 'undelivered';
  appended: boolean;
}

export interface ReceivedRecord {
  readonly clientMessageId: string;
  readonly uid: number;
  readonly message: ReadMessage;
  readonly receivedAt: Date;
  /** The sent message a bounce or receipt is about, when the client tied them (SC.MSS/UX.35). */
  readonly aboutClientMessageId?: string;
  /** The client shows it as an ordinary message (fault `bounce-ignored`, `patient-message-unrecognised`). */
  readonly shownAsOrdinary: boolean;
}

export class ClientMemory {
  sent: SentRecord[] = [];
  received: ReceivedRecord[] = [];
  lastUid = 0;
  #next = 1;

  nextSentId(): string {
    return `envoi-${this.#next++}`;
  }

  sentByMessageId(ids: readonly string[]): SentRecord | undefined {
    const wanted = new Set(ids.map((id) => id.toLowerCase()));
    return this.sent.find((s) => wanted.has(s.messageId.toLowerCase()));
  }

  /** Message-ID and References of a listed message, for a reply (MSS/va1.08). */
  threadOf(clientMessageId: string): { messageId: string; references: readonly string[] } | undefined {
    const sent = this.sent.find((s) => s.clientMessageId === clientMessageId);
    if (sent) return { messageId: sent.messageId, references: [] };
    const parsed = this.received.find((r) => r.clientMessageId === clientMessageId)?.message.parsed;
    return parsed?.messageId ? { messageId: parsed.messageId, references: parsed.references } : undefined;
  }

  /** Who a listed message came from and where its replies go (bare addresses). */
  addressesOf(clientMessageId: string): { from: readonly string[]; replyTo: readonly string[] } | undefined {
    const sent = this.sent.find((s) => s.clientMessageId === clientMessageId);
    if (sent) return { from: sent.to, replyTo: [] };
    const parsed = this.received.find((r) => r.clientMessageId === clientMessageId)?.message.parsed;
    return parsed ? { from: parsed.from.map((a) => addressKey(a.address)), replyTo: parsed.replyTo.map((a) => addressKey(a.address)) } : undefined;
  }

  clear(): void {
    this.sent = [];
    this.received = [];
    this.lastUid = 0;
    this.#next = 1;
  }
}

export function listedSent(record: SentRecord, from: string): ListedMessage {
  return {
    clientMessageId: record.clientMessageId,
    messageId: record.messageId,
    folder: 'sent',
    from,
    to: record.to,
    subject: record.subject,
    receivedAt: record.sentAt.toISOString(),
    kind: 'message',
    deliveryState: record.deliveryState,
  };
}

export function listedReceived(record: ReceivedRecord): ListedMessage {
  const { parsed, reading } = record.message;
  const base = {
    clientMessageId: record.clientMessageId,
    ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
    folder: 'inbox' as const,
    from: addressKey(parsed.from[0]?.address ?? ''),
    to: parsed.to.map((a) => addressKey(a.address)),
    subject: parsed.subject ?? '',
    receivedAt: record.receivedAt.toISOString(),
    ...attachmentsOf(record),
  };
  if (record.shownAsOrdinary || reading.kind === 'message') return { ...base, kind: 'message' };
  if (reading.kind === 'patient-message') return { ...base, kind: 'patient-message', patient: reading.patient };
  const about = record.aboutClientMessageId ? { aboutClientMessageId: record.aboutClientMessageId } : {};
  return { ...base, kind: reading.kind, report: { ...about, status: reading.status, reasonShown: reading.reasonShown } };
}

/** Files shown to the user: named parts that are not the report's own parts (RFC 3464 §2). */
function attachmentsOf(record: ReceivedRecord): { attachments?: ListedMessage['attachments'] } {
  if (record.message.reading.kind === 'bounce' || record.message.reading.kind === 'receipt') return {};
  const files = record.message.parsed.attachments.filter((a) => a.filename !== undefined && a.filename !== '');
  if (files.length === 0) return {};
  return { attachments: files.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, size: a.size })) };
}
