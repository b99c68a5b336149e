// The driver contract (REG-DEC-04): how a scenario makes the client under test act,
// whatever the client is. Three implementations: the HTTP driver (a vendor's JSON-over-HTTP
// adapter, any language; schemas in steps/drivers/protocol/), the manual driver (instructions
// to a person), and the reference driver (the built-in correct client, with faulty variants).
// Field names are the JSON names of the HTTP protocol: one contract, one vocabulary.

import type { MailboxHolder } from '../domain/sender-display-name.ts';

/** What a client declares it can do; scenarios needing an undeclared one are inapplicable. */
export type Capability =
  | 'patient-messaging'
  | 'end-conversation-subject'
  | 'end-conversation-header'
  | 'directory-search'
  | 'mailbox-sync'
  | 'delivery-receipts'
  /** Read receipts (MDN, RFC 8098): requested with `requestReadReceipt`, returned when a message asks (SC.MSS/UX.33, UX.34). */
  | 'read-receipts'
  | 'reply';

export interface DriverCapabilities {
  /** Name and version of the client under test, for the report. */
  readonly client: { readonly name: string; readonly version: string; readonly vendor?: string };
  readonly capabilities: readonly Capability[];
  /** The client can run several scenarios at once (each against its own simulator). */
  readonly parallel: boolean;
}

/** Where the client finds its operator, directory and trust anchors (configure). */
export interface DriverConfiguration {
  readonly smtp: { readonly host: string; readonly port: number; readonly security: 'starttls' };
  readonly imap: { readonly host: string; readonly port: number; readonly security: 'starttls' | 'tls' };
  readonly directory: { readonly baseUrl: string; readonly apiKey: string };
  /** PEM of the test CA the client must trust (IGC-Santé stand-in). */
  readonly caCertificatePem: string;
  readonly mailbox: {
    readonly address: string;
    /** `password`: AUTH PLAIN/LOGIN; `oauth2`: XOAUTH2 with tokens from `tokenEndpoint`. */
    readonly authentication: 'password' | 'oauth2';
    readonly password?: string;
    /** OpenID Connect token endpoint of the simulated Pro Santé Connect, and its credentials. */
    readonly tokenEndpoint?: string;
    readonly username?: string;
    readonly clientSecret?: string;
    /** Who holds the mailbox: the client composes its sender display name from it (MSS/va1.16). */
    readonly holder?: MailboxHolder;
  };
}

export interface Attachment {
  readonly filename: string;
  readonly contentType: string;
  readonly contentBase64: string;
}

export interface SendRequest {
  /**
   * Recipients. Absent only with `inReplyTo`: the client addresses the reply itself, as its
   * « Répondre » button does (the original's `Reply-To`, else its `From`; RFC 5322 §3.6.2).
   */
  readonly to?: readonly string[];
  readonly cc?: readonly string[];
  readonly subject: string;
  readonly body: string;
  readonly attachments?: readonly Attachment[];
  /** Reply to a message the client listed (its `clientMessageId`). */
  readonly inReplyTo?: string;
  readonly requestDeliveryReceipt?: boolean;
  /** The user asks for a read receipt: `Disposition-Notification-To` to its own mailbox (SC.MSS/UX.33). */
  readonly requestReadReceipt?: boolean;
}

/** The identity the client holds for a patient; the client builds the address itself (MSS/va1.19). */
export interface PatientIdentity {
  readonly ins: string;
  readonly oid: string;
  readonly birthName: string;
  readonly firstName: string;
  readonly birthDate: string;
  readonly sex: 'F' | 'M';
  /** Identity status: only a qualified INS may be used to address a patient. */
  readonly qualified: boolean;
}

export interface WriteToPatientRequest {
  readonly patient: PatientIdentity;
  readonly subject: string;
  readonly body: string;
  /** The professional does not want a reply: the client sets `X-MSS-MES: FIN` (SC.MSS/CONF.21). */
  readonly noReply?: boolean;
  readonly attachments?: readonly Attachment[];
}

/** The outcome of an action as the client reports it. */
export type ActionResult =
  | { readonly status: 'sent'; readonly clientMessageId: string; readonly messageId?: string }
  /** The client refused to act (e.g. unqualified identity, recipient outside the trust space), with what it showed the user. */
  | { readonly status: 'refused'; readonly reason: string }
  /** The operator refused it (SMTP error), with the reply the client received and what it showed the user. */
  | { readonly status: 'failed'; readonly smtpReply?: string; readonly shownToUser: string };

export interface FindRecipientRequest {
  /** Free text as a user would type it: a name, a postal code, part of an address. */
  readonly query: string;
  readonly kind?: 'practitioner' | 'organisation' | 'pharmacy';
}

export interface FoundRecipient {
  readonly displayName: string;
  readonly address: string;
  readonly mailboxType: 'PER' | 'ORG' | 'APP' | 'CAB';
}

export interface EndConversationRequest {
  readonly patient: PatientIdentity;
  readonly method: 'subject' | 'header';
  readonly body?: string;
}

/** A message as the client understands it (its own reading, not the raw mail). */
export interface ListedMessage {
  readonly clientMessageId: string;
  readonly messageId?: string;
  readonly folder: 'inbox' | 'sent';
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly receivedAt: string;
  /** `patient`: from Mon espace santé, shown as a patient message (SC.MSS/UX.25). */
  readonly kind: 'message' | 'patient-message' | 'bounce' | 'receipt';
  /** For a patient message: the identity the client shows (SC.MSS/UX.31). */
  readonly patient?: { readonly birthName: string; readonly firstName: string; readonly ins: string };
  /** For a bounce or receipt: which sent message it reports on (SC.MSS/UX.35) and the reason shown (SC.MSS/UX.30). */
  readonly report?: { readonly aboutClientMessageId?: string; readonly status: 'undelivered' | 'delivered'; readonly reasonShown: string };
  /** For a sent message: the delivery state the client shows. */
  readonly deliveryState?: 'sent' | 'delivered' | 'undelivered';
  /** The attachments the client shows (decoded size in bytes). */
  readonly attachments?: readonly { readonly filename: string; readonly contentType: string; readonly size: number }[];
}

export interface ClientDriver {
  capabilities(): Promise<DriverCapabilities>;
  configure(configuration: DriverConfiguration): Promise<void>;
  send(request: SendRequest): Promise<ActionResult>;
  writeToPatient(request: WriteToPatientRequest): Promise<ActionResult>;
  findRecipient(request: FindRecipientRequest): Promise<readonly FoundRecipient[]>;
  endConversation(request: EndConversationRequest): Promise<ActionResult>;
  /** Fetch new mail now (IMAP), as the user's "relever" button. */
  synchronise(): Promise<void>;
  listMessages(): Promise<readonly ListedMessage[]>;
  /** Forget everything (new scenario). */
  reset(): Promise<void>;
  /**
   * Only for a driver with a person behind it (manual driver): asks a yes/no question about what
   * the client shows (an attestation recorded in the report). Drivers without it are judged on
   * `listMessages`.
   */
  attest?(question: string, details?: readonly string[]): Promise<boolean>;
}
