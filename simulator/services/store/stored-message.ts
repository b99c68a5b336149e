// What the store keeps for every accepted message: the raw bytes as received, the SMTP
// envelope, and a light header index. Full MIME parsing happens on demand (parse-message.ts).
import type { MessageIndex } from '../../protocols/mime/message-index.ts';

export type MessageKind = 'message' | 'bounce' | 'receipt';

/** An IMAP folder name: INBOX, a special-use folder (Drafts, Sent, Trash, Junk, RFC 6154) or a user folder. */
export type MailFolder = string;

/** Per-recipient DSN parameters of RCPT TO (RFC 3461 §4). */
export interface RecipientDsn {
  /** NOTIFY values, upper-case: NEVER, or any of SUCCESS, FAILURE, DELAY. Absent: not given. */
  readonly notify?: readonly string[];
  /** ORCPT as given, e.g. `rfc822;louise@example.test`. */
  readonly orcpt?: string;
}

export interface Envelope {
  /** MAIL FROM address; `''` for the null reverse path `<>`. */
  readonly mailFrom: string;
  readonly rcptTo: readonly string[];
  /** RET and ENVID of MAIL FROM (RFC 3461 §4.3–4.4). */
  readonly ret?: 'FULL' | 'HDRS';
  readonly envid?: string;
  /** Keyed by recipient address as given in RCPT TO. */
  readonly recipientDsn?: Readonly<Record<string, RecipientDsn>>;
}

/** How a message entered the trust space. `simulator`: built by the simulator (bounce, patient, auto-reply). */
export type Ingress = 'submission' | 'peer' | 'simulator';

export interface StoredMessage {
  readonly id: string;
  /** Mailbox address that holds this copy (lower-case). */
  readonly mailbox: string;
  /** IMAP folder it was stored in: INBOX, Sent (clients APPEND their sent mail), Drafts, a user folder… */
  readonly folder: MailFolder;
  readonly kind: MessageKind;
  readonly envelope: Envelope;
  readonly raw: Buffer;
  readonly index: MessageIndex;
  readonly receivedAt: Date;
  readonly ingress: Ingress;
  /** Journal id of the SMTP connection that carried it, when it came over SMTP. */
  readonly connectionId?: string;
  /** For a bounce or receipt: store id of the message it reports on, when known. */
  readonly reportsOn?: string;
}
