// The reference driver (REG-DEC-04): the built-in correct MSSanté client, with real
// SMTP submission, IMAP and FHIR calls; `faults` turns it into a faulty variant (reference-fault.ts).
import type { ActionResult, ClientDriver, DriverCapabilities, DriverConfiguration, ListedMessage, PatientIdentity, SendRequest, ShownFailure } from './client-driver.ts';
import { ClientMemory, listedReceived, listedSent } from './client-memory.ts';
import { findRecipients } from './directory-search.ts';
import { DocumentReception } from './document-reception.ts';
import { documentDraft } from './document-sending.ts';
import { HeldMailbox } from './held-mailbox.ts';
import { IncompleteConfigurationError, MailSession, ReferenceDriverNotConfiguredError } from './mail-session.ts';
import { composeMail, newMessageId, renderMail, type OutgoingDraft } from './outgoing-message.ts';
import { patientAddress } from './patient-addressing.ts';
import { FaultSet, type FaultAskedListener, type ReferenceFault } from './reference-fault.ts';
import { referenceCapabilities } from './reference-capabilities.ts';
import { connectionFailureShownToUser } from './client-tls.ts';
import { submitToOperator } from './operator-connection.ts';
import { senderDisplayName } from '../domain/sender-display-name.ts';
import { isPermanent, refusalShownToUser } from './smtp-submission.ts';
import { synchroniseMailbox } from './synchronise-mailbox.ts';

export interface ReferenceDriverOptions {
  readonly faults?: readonly ReferenceFault[];
  readonly now?: () => Date;
  /** Told of every question "do I have this fault?" (scripts/conformance/fault-matrix). */
  readonly onFaultAsked?: FaultAskedListener;
}

const END_SUBJECT = '[FIN]';
/** The name the fault `wrong-display-name` signs with (another professional of the fixtures). */
const OTHER_PROFESSIONAL = 'Dr Antoine Girard';
const NO_REPLY_SUBJECT = "Fin de l'échange";

export function createReferenceDriver(options: ReferenceDriverOptions = {}): ClientDriver {
  const faults = new FaultSet(options.faults ?? [], options.onFaultAsked);
  const now = options.now ?? (() => new Date());
  const memory = new ClientMemory();
  const reception = new DocumentReception(faults);
  const mailbox = new HeldMailbox(faults);
  let session: MailSession | undefined;
  /** The sender display name from the configured holder (MSS/va1.16). */
  const displayName = (current: MailSession): { fromName?: string } => {
    if (faults.has('wrong-display-name')) return { fromName: OTHER_PROFESSIONAL };
    const holder = current.configuration.mailbox.holder;
    return holder ? { fromName: senderDisplayName(holder) } : {};
  };
  /** Addresses by patient name, for the fault `patient-address-cached-by-name`. */
  const addressesByName = new Map<string, ReturnType<typeof patientAddress>>();
  const addressOf = (patient: PatientIdentity): ReturnType<typeof patientAddress> => {
    if (!faults.has('patient-address-cached-by-name')) return patientAddress(patient, faults);
    const name = `${patient.birthName} ${patient.firstName}`.toLowerCase();
    const known = addressesByName.get(name) ?? patientAddress(patient, faults);
    addressesByName.set(name, known);
    return known;
  };
  /** Message-ID numbering of the fault `message-id-reused-across-scenarios` (restarts at each reset). */
  let sequence = 0;
  const configured = (): MailSession => {
    if (!session) throw new ReferenceDriverNotConfiguredError();
    return session;
  };

  async function transmit(draft: OutgoingDraft): Promise<ActionResult> {
    const current = configured();
    const messageId = faults.has('message-id-reused-across-scenarios') ? `${++sequence}.client-reference@${current.address.split('@')[1]}` : newMessageId(current.address);
    const raw = await renderMail(composeMail({ ...draft, ...automatic(), ...displayName(current) }, messageId, faults), { reuseEncodedBodies: true });
    const envelope = { from: current.address, to: [...draft.to, ...(draft.cc ?? [])] };
    let outcome;
    try {
      outcome = await submitToOperator(current, faults, envelope, raw);
      if (isPermanent(outcome) && faults.has('resend-after-permanent-failure')) outcome = await submitToOperator(current, faults, envelope, raw);
    } catch (error) {
      return { status: 'failed', shownToUser: `Message non envoyé : ${problemOf(error)}` };
    }
    if (!outcome.accepted && 'connectionFailure' in outcome && !faults.has('tls-failure-hidden')) {
      return { status: 'failed', shownToUser: connectionFailureShownToUser('Message non envoyé', outcome.connectionFailure) };
    }
    if (!outcome.accepted && 'smtpReply' in outcome && !faults.has('recipient-outside-whitelist-not-reported')) {
      return { status: 'failed', smtpReply: outcome.smtpReply, shownToUser: refusalShownToUser(outcome.smtpReply) };
    }
    const clientMessageId = memory.nextSentId();
    memory.sent.push({ clientMessageId, messageId, envelope, raw, to: [...draft.to, ...(draft.cc ?? [])], subject: draft.subject, sentAt: now(), deliveryState: 'sent', appended: false });
    return { status: 'sent', clientMessageId, messageId };
  }

  function replyContext(inReplyTo: string | undefined): OutgoingDraft['replyTo'] {
    if (inReplyTo === undefined) return undefined;
    const thread = memory.threadOf(inReplyTo);
    if (!thread) throw new UnknownListedMessageError(inReplyTo);
    return thread;
  }

  /** The « Répondre » button: the original's Reply-To, else its From (RFC 5322 §3.6.2, MES-REPLYTO-01). */
  function replyRecipients(inReplyTo: string | undefined): readonly string[] {
    const original = inReplyTo === undefined ? undefined : memory.addressesOf(inReplyTo);
    if (!original) throw new UnknownListedMessageError(inReplyTo ?? '');
    return original.replyTo.length > 0 && !faults.has('reply-to-ignored') ? original.replyTo : original.from;
  }

  /** From an APP mailbox: the mention and Reply-To of MSS/va1.09. */
  const automatic = (): Pick<OutgoingDraft, 'automatic'> => {
    const { replyTo } = configured().configuration.mailbox;
    return replyTo === undefined ? {} : { automatic: { replyTo } };
  };

  const driver: ClientDriver = {
    async capabilities(): Promise<DriverCapabilities> {
      return referenceCapabilities();
    },
    async configure(configuration: DriverConfiguration) {
      session?.forget();
      await mailbox.close();
      session = new MailSession(configuration, now, faults);
    },
    async send(request: SendRequest) {
      const replyTo = replyContext(request.inReplyTo);
      const to = request.to ?? replyRecipients(request.inReplyTo);
      return transmit({
        from: configured().address,
        to,
        ...(request.cc ? { cc: request.cc } : {}),
        subject: request.subject,
        body: request.body,
        ...(request.attachments ? { attachments: request.attachments } : {}),
        ...(replyTo ? { replyTo } : {}),
        ...(request.requestDeliveryReceipt ? { requestDeliveryReceipt: true } : {}),
        ...(request.requestReadReceipt ? { requestReadReceipt: true } : {}),
      });
    },
    async writeToPatient(request) {
      const addressing = addressOf(request.patient);
      if (!addressing.ok) return { status: 'refused', reason: addressing.reason };
      return transmit({
        from: configured().address,
        to: [addressing.address],
        subject: request.subject,
        body: request.body,
        ...(request.noReply ? { noReply: true } : {}),
        ...(request.attachments ? { attachments: request.attachments } : {}),
      });
    },
    async sendDocument(request) {
      const built = documentDraft(request, configured().address, faults, now());
      return built.ok ? transmit(built.draft) : { status: 'refused', reason: built.reason };
    },
    async findRecipient(request) {
      return findRecipients(configured().configuration.directory, request, faults);
    },
    async endConversation(request) {
      const addressing = patientAddress(request.patient, faults);
      if (!addressing.ok) return { status: 'refused', reason: addressing.reason };
      const bySubject = request.method === 'subject';
      const subject = bySubject ? (faults.has('re-fin-subject') ? `RE: ${END_SUBJECT}` : END_SUBJECT) : NO_REPLY_SUBJECT;
      const body = request.body ?? "Cet échange est terminé. Pour toute nouvelle demande, contactez votre professionnel de santé.";
      const noReply = !bySubject && !faults.has('header-end-conversation-ignored');
      return transmit({ from: configured().address, to: [addressing.address], subject, body, ...(noReply ? { noReply: true } : {}) });
    },
    async synchronise(): Promise<ShownFailure | void> {
      const current = configured();
      try {
        return await synchroniseMailbox({ session: current, mailbox, memory, faults, now, answer: (draft) => transmit(draft) });
      } catch (error) {
        if (error instanceof IncompleteConfigurationError) throw error;
        return { status: 'failed', shownToUser: `Relève impossible : ${problemOf(error)}` };
      }
    },
    async listMessages(): Promise<readonly ListedMessage[]> {
      const from = configured().address;
      return [...memory.sent.map((s) => listedSent(s, from)), ...memory.received.map((r) => withHealthDocuments(listedReceived(r), reception.of(r)))];
    },
    async registerPatient(patient) {
      reception.registerPatient(patient);
    },
    async reset() {
      memory.clear();
      reception.clear();
      await mailbox.close();
      sequence = 0;
      session?.forget();
      session = undefined;
    },
  };
  return driver;
}

function withHealthDocuments(listed: ListedMessage, healthDocuments: ListedMessage['healthDocuments']): ListedMessage {
  return healthDocuments ? { ...listed, healthDocuments } : listed;
}

/** What the reference client shows when a connection, TLS or authentication failed. */
function problemOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() === '' ? 'le serveur de messagerie est injoignable.' : text;
}

export class UnknownListedMessageError extends Error {
  readonly code = 'MSS_SIM_DRIVER_UNKNOWN_MESSAGE';
  constructor(readonly clientMessageId: string) {
    super(`Le client de référence ne connaît pas le message « ${clientMessageId} » (inReplyTo).`);
    this.name = 'UnknownListedMessageError';
  }
}
