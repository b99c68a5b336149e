// The faulty variants of the reference client (faulty variants): each fault changes
// exactly one behaviour of the correct client, so that the suite can prove each check can
// fail. The table in README.md says, in French, what each one does and which rule it breaks.

export const REFERENCE_FAULTS = [
  /** MSS/va1.19, SC.MSS/UX.32: builds the address even when the identity is not qualified. */
  'address-from-unqualified-identity',
  /** REG-ADR-01: drops the 2-digit key of the INS (13 characters instead of 15). */
  'malformed-patient-address',
  /** SC.MSS/CONF.16: no `X-MSS-NIL` header. */
  'missing-x-mss-nil',
  /** REG-FIN-01: ends a conversation with `RE: [FIN]` instead of the exact `[FIN]`. */
  're-fin-subject',
  /** MSS/va1.08: replies without `In-Reply-To` nor `References`. */
  'missing-in-reply-to',
  /** SC.MSS/UX.30, UX.35: bounces listed as ordinary messages, no report, sent message stays `sent`. */
  'bounce-ignored',
  /** SC.MSS/UX.30: the reason shown is a generic text instead of the bounce's own sentence. */
  'bounce-reason-misread',
  /** REG-ANR-10: sends the message again after a permanent (5.x.x) failure or bounce. */
  'resend-after-permanent-failure',
  /** REG-LB-04: reports `sent` although the operator refused the recipient at RCPT. */
  'recipient-outside-whitelist-not-reported',
  /** SC.MSS/CONF.21: ignores `noReply` and `method: header` (no `X-MSS-MES: FIN`). */
  'missing-x-mss-mes',
  /** RFC 3834 §2, REG-ANR-11: answers every bounce it receives. */
  'answers-bounces',
  /** SC.MSS/UX.25, UX.31: a patient's message is listed as an ordinary message, without identity. */
  'patient-message-unrecognised',
  /** RFC 5322 §3.6.2, MES-REPLYTO-01: a reply goes to the original's `From`, ignoring its `Reply-To`. */
  'reply-to-ignored',
  /** REG-ADR-02: writes a Corsican matricule with `19`/`18` instead of `2A`/`2B` in the address. */
  'corsican-ins-rewritten',
  /** MSS/va1.11: sends an HTML-only body (text/html, no text/plain part). */
  'html-only-body',
  /** REG-ANN-10: a 5-digit search is taken for a name, so no pharmacy is found by postal code. */
  'directory-postal-code-ignored',
  /** MSS/va1.14: a delivery receipt is listed as an ordinary message; the sent message stays `sent`. */
  'receipt-ignored',
  /** SC.MSS/CONF.27, MSS/va1.04: does not verify the server certificate (expired, another name, unknown CA all accepted). */
  'no-certificate-verification',
  /** SC.MSS/CONF.01, MSS/va1.31: "compatibility mode", TLS 1.0 and 1.1 accepted (OpenSSL security level lowered to 0). */
  'accepts-legacy-tls',
  /** SC.MSS/CONF.03: offers and accepts Node's default suites, beyond the six of the referential. */
  'weak-cipher-suites',
  /** SC.MSS/CONF.06: authenticates on the plain IMAP connection first, then with STARTTLS once refused. */
  'imap-login-before-starttls',
  /** SC.MSS/CONF.05: sends AUTH on the plain SMTP connection first, then with STARTTLS once refused. */
  'smtp-auth-before-starttls',
  /** REG-TLS-06: a connection that could not be secured is hidden: the message is reported `sent`, the relève silent. */
  'tls-failure-hidden',
  /** SC.MSS/CONF.24: the archive's patientId names another patient than the document's. */
  'xdm-patient-id-not-ins',
  /** SC.MSS/CONF.23: METADATA.XML gives a SHA-1 hash that is not the document's. */
  'xdm-hash-mismatch',
  /** SC.MSS/CONF.23: the archive travels without the same documents as PDF. */
  'xdm-pdf-missing',
  /** SC.MSS/CONF.25: the subject does not start with `XDM/1.0/DDM+`. */
  'xdm-subject-prefix-wrong',
  /** SC.MSS/CONF.14: `X-MSS-INS: O` even when the archive holds no qualified INS. */
  'xdm-ins-header-unqualified',
  /** SC.MSS/CONF.23: one message carries documents of two patients. */
  'xdm-two-patients',
  /** SC.MSS/CONF.15: `X-MSS-CODECDA` is not the code of the CDA documents. */
  'xdm-code-cda-mismatch',
  /** SC.MSS/UX.01: a received XDM archive is shown as an ordinary attachment (no health documents listed). */
  'xdm-archive-undetected',
  /** SC.MSS/UX.28: the message list shows the `XDM/1.0/DDM+` prefix. */
  'xdm-prefix-shown',
  /** SC.MSS/UX.07, UX.09: integrates a document whose INS matches no qualified identity of its patient base. */
  'xdm-integrated-without-ins-match',
  /** SC.MSS/UX.07: a document whose qualified INS matches a patient strictly is put in the worklist. */
  'xdm-qualified-match-in-worklist',
  /** CDA.01: integrates again a document whose unique id is already integrated. */
  'xdm-duplicate-integrated',
  /** REG-ADR-01, MSS/va1.19: builds the address from a qualified identity without checking the INS key and length. */
  'ins-key-unchecked',
  /** SC.MSS/CONF.07: authenticates a PER or ORG mailbox with AUTH PLAIN and its password instead of XOAUTH2. */
  'plain-auth-on-oauth-mailbox',
  /** SC.MSS/CONF.11: after the operator cut its IMAP connection, asks the user to log in again instead of reopening it. */
  'no-reconnect-after-cut',
  /** SC.MSS/CONF.12: an APP mailbox connects without presenting its TLS client certificate. */
  'app-without-client-certificate',
  /** MSS/va1.09: an APP mailbox's message lacks the automatic-sending mention at the end of its text. */
  'app-without-automatic-mention',
  /** SC.MSS/CONF.04: given only the mailbox address, guesses the standard ports instead of reading the autoconfig document. */
  'ignores-autoconfig',
  /** REG-ANR-10: a few seconds after reading a bounce, sends the message again (it lands in a later scenario). */
  'delayed-resend-after-permanent-failure',
  /** SC.MSS/UX.35: ties every bounce and receipt to the most recent sent message, not by its Message-ID. */
  'bounce-tied-to-latest',
  /** MSS/va1.11: a multipart/alternative body with the HTML part before the text part. */
  'html-part-first',
  /** MSS-PJ-01: attachments leave with their last 16 bytes cut off. */
  'truncated-attachment',
  /** SC.MSS/CONF.21: `end-conversation` with `method: header` sends an ordinary message, without `X-MSS-MES: FIN`. */
  'header-end-conversation-ignored',
  /** REG-ANN-04, SC.MSS/CONF.20: reads mailboxes on `Practitioner` only, never on its `PractitionerRole`s. */
  'directory-ignores-practitioner-role',
  /** SC.MSS/CONF.20: proposes only the first mailbox found, so the user cannot choose between homonyms. */
  'directory-first-result-only',
  /** MSS/va1.19: keeps a patient's address by birth name and first name, so a homonym gets the first one's. */
  'patient-address-cached-by-name',
  /** MSS/va1.16: the sender display name is another professional's, whatever the mailbox. */
  'wrong-display-name',
  /** SC.MSS/UX.34: never returns a read receipt, even when a received message asks for one. */
  'no-read-receipt',
  /** SC.MSS/UX.33: ignores `requestReadReceipt` (no `Disposition-Notification-To`). */
  'read-receipt-request-ignored',
  /** MSS/va1.12: numbers its Message-IDs from 1 again after each reset, so a later scenario reuses them. */
  'message-id-reused-across-scenarios',
] as const;

export type ReferenceFault = (typeof REFERENCE_FAULTS)[number];

/** The faults of the client's connection to its operator (TLS, credentials before STARTTLS). */
export const CONNECTION_FAULTS = ['no-certificate-verification', 'accepts-legacy-tls', 'weak-cipher-suites', 'imap-login-before-starttls', 'smtp-auth-before-starttls', 'tls-failure-hidden'] as const satisfies readonly ReferenceFault[];
export type ConnectionFault = (typeof CONNECTION_FAULTS)[number];

export class UnknownReferenceFaultError extends Error {
  readonly code = 'MSS_SIM_DRIVER_UNKNOWN_FAULT';
  constructor(readonly fault: string) {
    super(`Variante fautive inconnue « ${fault} » ; variantes connues : ${REFERENCE_FAULTS.join(', ')}.`);
    this.name = 'UnknownReferenceFaultError';
  }
}

export function isReferenceFault(value: string): value is ReferenceFault {
  return (REFERENCE_FAULTS as readonly string[]).includes(value);
}

/** Told each time the client asks whether it has a fault (the fault matrix's reachability probe). */
export type FaultAskedListener = (fault: ReferenceFault) => void;

/** A set of faults, asked by name where the behaviour forks. */
export class FaultSet {
  readonly #faults: ReadonlySet<ReferenceFault>;
  readonly #onAsk: FaultAskedListener | undefined;
  constructor(faults: readonly string[] = [], onAsk?: FaultAskedListener) {
    for (const fault of faults) if (!isReferenceFault(fault)) throw new UnknownReferenceFaultError(fault);
    this.#faults = new Set(faults as readonly ReferenceFault[]);
    this.#onAsk = onAsk;
  }
  /** Every fork of behaviour goes through here: a fault never asked cannot change what the client does. */
  has(fault: ReferenceFault): boolean {
    this.#onAsk?.(fault);
    return this.#faults.has(fault);
  }
  list(): readonly ReferenceFault[] {
    return [...this.#faults];
  }
}
