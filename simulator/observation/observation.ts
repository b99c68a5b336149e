// Every fact the simulator observes, as one typed union: what a connection did (opened, TLS,
// ClientHello offer, AUTH, SMTP exchanges, IMAP commands, closed), what happened to mail
// (accepted, stored, bounced or receipted with its structured reason), what patients did in Mon
// espace santé (tied to the action that caused it), directory requests and the Pro Santé
// Connect token lifecycle. Publishers emit these on the ObservationBus; the French journal, the
// live flow, the web UI, the manual driver, the harness checks and the evidence files read
// them. No reader parses French text or re-parses bytes the simulator built itself.
import type { FailureReason } from '../domain/bounce-reasons.ts';
import type { StoredMessage } from '../services/store/stored-message.ts';
import type { PatientRefusalView } from '../services/mon-espace-sante/mon-espace-sante.ts';
import type { Transmission } from '../services/routing/transmission-log.ts';
import type { DocumentReport } from '../services/documents/document-report.ts';
import type { ClientHelloReading } from './client-hello.ts';
import type { TlsEstablished as TlsSession, TlsFailure } from './tls-observer.ts';

export type Protocol = 'smtp' | 'imap';

/** Opened on an endpoint: `submission`, `peer`, `imap`, `imaps`. */
export interface ConnectionOpened {
  readonly type: 'connection-opened';
  readonly connectionId: string;
  readonly protocol: Protocol;
  readonly endpoint: string;
  readonly remoteAddress: string;
}

export interface ConnectionClosed {
  readonly type: 'connection-closed';
  readonly connectionId: string;
}

/** One protocol line as the transcript shows it (secrets and literals already redacted or summarised). */
export interface ProtocolLine {
  readonly type: 'protocol-line';
  readonly connectionId: string;
  /** `C` client to server, `S` server to client. */
  readonly direction: 'C' | 'S';
  readonly text: string;
}

/** The first TLS record the client sent, read before the handshake (STARTTLS or implicit TLS). */
export interface TlsClientHello {
  readonly type: 'tls-client-hello';
  readonly connectionId: string;
  /** Versions, cipher suites, groups, SNI, ALPN offered, or why the first record was no ClientHello (client-hello.ts). */
  readonly offer: ClientHelloReading;
}

/** The negotiated session (protocol, IANA suite, client certificate presented, SNI): tls-observer.ts. */
export interface TlsEstablished extends TlsSession {
  readonly type: 'tls-established';
  readonly connectionId: string;
}

/** Why the handshake failed (the TLS library's reason, its code, the alert): tls-observer.ts. */
export interface TlsFailed extends TlsFailure {
  readonly type: 'tls-failed';
  readonly connectionId: string;
}

/** A socket or protocol error on the connection (reset, a client giving up mid-handshake). */
export interface ConnectionError {
  readonly type: 'connection-error';
  readonly connectionId: string;
  readonly message: string;
}

/** A command and the reply it got (multi-line replies joined by line). */
export interface SmtpExchange {
  readonly type: 'smtp-exchange';
  readonly connectionId: string;
  readonly endpoint: string;
  /** Upper-case verb: `EHLO`, `MAIL`, `RCPT`, `DATA`; `DATA-END` for the reply after the message body. */
  readonly verb: string;
  /** The rest of the command line, e.g. `TO:<louise@…>`; for MAIL and RCPT the bare address is in `address`. */
  readonly argument: string;
  /** MAIL FROM / RCPT TO address, lower-case. */
  readonly address?: string;
  /** Envelope sender of the transaction this command belongs to (after a MAIL FROM), lower-case. */
  readonly transactionSender?: string;
  readonly code: number;
  /** RFC 3463 status when the reply carries one, e.g. `5.7.1`. */
  readonly enhanced?: string;
  /** Reply text without code and enhanced status (last line for multi-line replies). */
  readonly text: string;
  /** For a refusal from the reply catalogue: the full explanation (addresses, rule), never on the wire. */
  readonly detail?: string;
}

/** The simulator refused a command with a reply of its catalogue; `detail` explains it in full (journal, live flow). */
export interface SmtpRefusal {
  readonly type: 'smtp-refusal';
  readonly connectionId: string;
  readonly code: number;
  readonly enhanced: string;
  readonly detail: string;
}

export type AuthMechanism = 'PLAIN' | 'LOGIN' | 'XOAUTH2';

export interface AuthAttempt {
  readonly type: 'auth';
  readonly connectionId: string;
  readonly protocol: Protocol;
  readonly mechanism: AuthMechanism | string;
  /** The identity the client gave (never a secret). */
  readonly identity: string;
  readonly outcome: 'success' | 'failure';
  /** On success: the mailbox the connection now acts for. */
  readonly mailbox?: string;
  /** On success with a Pro Santé Connect token: its session. */
  readonly sessionId?: string;
  /** On failure: stable reason code (`bad-credentials`, `token-expired`…) and the French message. */
  readonly reason?: string;
  readonly message?: string;
}

export interface ImapCommandCompleted {
  readonly type: 'imap-command';
  readonly connectionId: string;
  /** `*` when the command had no valid tag. */
  readonly tag: string;
  /** Upper-case command name, with `UID ` in front for UID commands; empty when unreadable. */
  readonly verb: string;
  readonly status: 'OK' | 'NO' | 'BAD';
  /** Response code such as `TRYCREATE`, `AUTHENTICATIONFAILED`. */
  readonly code?: string;
}

/** A fact only the transcript tells (French), such as bytes dropped after STARTTLS; read by the journal only. */
export interface ConnectionNote {
  readonly type: 'connection-note';
  readonly connectionId: string;
  readonly text: string;
}

export interface MessageAccepted {
  readonly type: 'message-accepted';
  /** As received, with the outcome for every recipient. */
  readonly transmission: Transmission;
}

export interface MessageStored {
  readonly type: 'message-stored';
  readonly message: StoredMessage;
}

export interface ReportRecipient {
  readonly recipient: string;
  /** RFC 3463 status, e.g. `5.1.1`; `2.0.0` for a receipt. */
  readonly status: string;
  /** Stable code of the bounce reason; absent for a receipt. */
  readonly reason?: FailureReason;
  /** The French sentence of the report for this recipient (SC.MSS/UX.30); absent for a receipt. */
  readonly sentence?: string;
}

/** A delivery report the simulator built and stored for a sender (RFC 3464). */
export interface ReportIssued {
  readonly type: 'report-issued';
  readonly kind: 'bounce' | 'receipt';
  readonly message: StoredMessage;
  /** The transmission the report is about. */
  readonly transmissionId: string;
  readonly recipients: readonly ReportRecipient[];
}

export interface PatientAction {
  readonly type: 'patient-action';
  /** Unique per action, so that a refusal is tied to the action that caused it. */
  readonly actionId: string;
  readonly ins: string;
  readonly action: 'reply' | 'write';
  /** For `write`: the address written to; for `reply`: the store id replied to. */
  readonly target: string;
  readonly subject: string;
  readonly outcome: 'accepted' | 'refused';
  readonly refusal?: PatientRefusalView;
  /** For a reply: the message replied to, when the store still has it. */
  readonly original?: StoredMessage;
  /** For an accepted action: the store id of the copy delivered. */
  readonly storeId?: string;
}

export interface PatientProfileChanged {
  readonly type: 'patient-profile-changed';
  readonly ins: string;
  readonly state: string;
}

export interface DirectoryRequest {
  readonly type: 'directory-request';
  readonly method: string;
  /** Path without the query, e.g. `/fhir/v2/Organization`. */
  readonly route: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly status: number;
}

export interface TokenLifecycle {
  readonly type: 'token';
  readonly event: 'issued' | 'refreshed' | 'revoked' | 'connections-ended';
  readonly sessionId: string;
  /** The professional (idNat or persona) or the mailbox the token is for. */
  readonly subject?: string;
}

/**
 * The document checks of an accepted message that carries an IHE_XDM.ZIP or document headers
 * (SC.MSS/CONF.14, 15, 23, 24, 25): archive, documents, patient and findings, whoever sent it.
 */
export interface DocumentArchiveChecked {
  readonly type: 'document-archive-checked';
  readonly transmissionId: string;
  readonly sender: string;
  readonly subject?: string;
  readonly report: DocumentReport;
}

export interface TrustSpaceReset {
  readonly type: 'trust-space-reset';
}

export type Observation =
  | ConnectionOpened
  | ConnectionClosed
  | ProtocolLine
  | ConnectionError
  | TlsClientHello
  | TlsEstablished
  | TlsFailed
  | SmtpExchange
  | SmtpRefusal
  | AuthAttempt
  | ImapCommandCompleted
  | ConnectionNote
  | MessageAccepted
  | MessageStored
  | ReportIssued
  | PatientAction
  | PatientProfileChanged
  | DirectoryRequest
  | TokenLifecycle
  | DocumentArchiveChecked
  | TrustSpaceReset;

export type ObservationType = Observation['type'];

/** An observation as published: numbered in publication order and dated. */
export type Observed<T extends Observation = Observation> = T & { readonly seq: number; readonly at: Date };

/** The observation of one type. */
export type ObservationOf<K extends ObservationType> = Extract<Observation, { type: K }>;
