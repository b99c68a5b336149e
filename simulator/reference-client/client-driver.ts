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
  | 'reply'
  /** Sends health documents: IHE_XDM.ZIP with CDA R2, PDF copies, X-MSS-INS and X-MSS-CODECDA (SC.MSS/CONF.14, 15, 23–25). */
  | 'documents'
  /** Receives them: detects the archive, hides the prefix, integrates or puts in a worklist (SC.MSS/UX.01, 07, 09, 28, CDA.01). */
  | 'documents-reception'
  /** SC.MSS/CONF.07: XOAUTH2 with a Pro Santé Connect token the client obtains from `mailbox.psc`. */
  | 'psc-authentication'
  /** SC.MSS/CONF.11: reopens, without asking its user, a connection the operator cut. */
  | 'session-reopening'
  /** SC.MSS/CONF.12, MSS/va1.09: drives an applicative (APP) mailbox with its client certificate. */
  | 'app-mailbox'
  /** SC.MSS/CONF.04: configures itself from the mailbox address (autoconfig document). */
  | 'autoconfig';

export interface DriverCapabilities {
  /** Name and version of the client under test, for the report. */
  readonly client: { readonly name: string; readonly version: string; readonly vendor?: string };
  readonly capabilities: readonly Capability[];
  /** The client can run several scenarios at once (each against its own simulator). */
  readonly parallel: boolean;
}

/** A mail server of the operator (configure). */
export interface MailServer {
  readonly host: string;
  readonly port: number;
}

/**
 * The Pro Santé Connect test identity of the professional using the client (SC.MSS/CONF.07):
 * what a third-party client needs to obtain its own XOAUTH2 tokens (OpenID Connect discovery,
 * then the token endpoint with the `password` grant, RFC 6749 §4.3).
 */
export interface PscIdentity {
  /** Login of the test professional (his idNat, or a persona id for a person without one). */
  readonly login: string;
  readonly password: string;
  /** `client_id` the client presents (public client: no secret). */
  readonly clientId: string;
  /** `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §4). */
  readonly discoveryUrl: string;
  /** The token endpoint the discovery document names, given for convenience. */
  readonly tokenEndpoint: string;
}

/** The TLS client certificate of an applicative mailbox (SC.MSS/CONF.12), PEM. */
export interface ClientCertificateMaterial {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/** Where the client finds its operator, directory and trust anchors (configure). */
export interface DriverConfiguration {
  /** Absent only with `autoconfig`: the client finds its servers itself (SC.MSS/CONF.04). */
  readonly smtp?: MailServer & { readonly security: 'starttls' };
  readonly imap?: MailServer & { readonly security: 'starttls' | 'tls' };
  /**
   * Given instead of `smtp` and `imap` (scenarios needing the `autoconfig` capability): the URL of
   * the Thunderbird autoconfig document of the mailbox's domain, standing in for
   * `https://autoconfig.<domaine>/mail/config-v1.1.xml`, which no test DNS resolves.
   */
  readonly autoconfig?: { readonly url: string };
  readonly directory: { readonly baseUrl: string; readonly apiKey: string };
  /** PEM of the test CA the client must trust (IGC-Santé stand-in). */
  readonly caCertificatePem: string;
  readonly mailbox: {
    readonly address: string;
    /** `password`: AUTH PLAIN/LOGIN; `oauth2`: XOAUTH2 with Pro Santé Connect tokens (`psc`). */
    readonly authentication: 'password' | 'oauth2';
    readonly password?: string;
    /** Pro Santé Connect test identity of the professional (oauth2 mailboxes). */
    readonly psc?: PscIdentity;
    /** TLS client certificate of an APP mailbox: presented at every TLS handshake, then AUTH PLAIN. */
    readonly clientCertificate?: ClientCertificateMaterial;
    /** APP mailbox: the PER or ORG mailbox its messages name for replies (Reply-To, MSS/va1.09). */
    readonly replyTo?: string;
    /** @deprecated since the `psc` identity: the token endpoint alone. */
    readonly tokenEndpoint?: string;
    /** @deprecated since the `psc` identity (`psc.login`). */
    readonly username?: string;
    /** @deprecated since the `psc` identity (`psc.password`). */
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
  /**
   * The software tried and shows an error: the operator refused it (SMTP error, with the reply
   * received), or the connection, TLS or authentication failed; with what it showed the user.
   */
  | { readonly status: 'failed'; readonly smtpReply?: string; readonly shownToUser: string };

/** `synchronise` or `find-recipient` when the software tried and shows an error (connection, TLS, authentication…). */
export interface ShownFailure {
  readonly status: 'failed';
  readonly shownToUser: string;
}

/** A kind of health document the client produces (its own CDA R2: medication review, livret médical, biology report). */
export type HealthDocumentKind = 'medication-review' | 'livret-medical' | 'biology-report';

/** Send a health document about a patient (capability `documents`). */
export interface SendDocumentRequest {
  /** Professional recipients (bare addresses). */
  readonly to?: readonly string[];
  /** Also (or only) to the patient's Mon espace santé address, built by the client from the identity. */
  readonly toPatient?: boolean;
  readonly patient: PatientIdentity;
  readonly document: HealthDocumentKind;
  readonly body?: string;
}

/** What the client shows of a received health-document message (capability `documents-reception`). */
export interface ListedHealthDocuments {
  /** The subject as the message list shows it: without the `XDM/1.0/DDM+` prefix (SC.MSS/UX.28). */
  readonly subjectShown: string;
  /** One per CDA document of the archive (SC.MSS/UX.01). */
  readonly documents: readonly {
    readonly uniqueId: string;
    readonly typeCode: string;
    /** `integrated` on a strict qualified-INS match (UX.07), `worklist` otherwise (UX.09), `duplicate-refused` for a document id already integrated (CDA.01). */
    readonly outcome: 'integrated' | 'worklist' | 'duplicate-refused';
    /** The patient's INS, when integrated. */
    readonly patientIns?: string;
  }[];
}

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
  /** For a message carrying an IHE_XDM.ZIP: what the client did with its documents (capability `documents-reception`). */
  readonly healthDocuments?: ListedHealthDocuments;
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
  /** Fetch new mail now (IMAP), as the user's "relever" button; nothing, or the error the software shows. */
  synchronise(): Promise<ShownFailure | void>;
  listMessages(): Promise<readonly ListedMessage[]>;
  /** Capability `documents`: builds and sends a health-document message. */
  sendDocument?(request: SendDocumentRequest): Promise<ActionResult>;
  /** Capability `documents-reception`: a patient of the software's own patient base (for integration). */
  registerPatient?(patient: PatientIdentity): Promise<void>;
  /** Forget everything (new scenario). */
  reset(): Promise<void>;
  /**
   * Only for a driver with a person behind it (manual driver): asks a yes/no question about what
   * the client shows (an attestation recorded in the report). Drivers without it are judged on
   * `listMessages`.
   */
  attest?(question: string, details?: readonly string[]): Promise<boolean>;
}
