// The manual driver (REG-DEC-04): for software with no adapter. Each action becomes a
// French instruction to a person (terminal and web UI through the OperatorConsole); the harness
// judges the traffic the simulator sees, with a visible deadline; what only a person can see is a
// yes/no attestation, recorded for the report. README.md beside this file explains its use.
import { addressKey } from '../../../simulator/public-api.ts';
import type { OperatorConsole } from '../../../simulator/public-api.ts';
import type { Transmission } from '../../../simulator/public-api.ts';
import type { TrustSpace } from '../../../simulator/public-api.ts';
import type { ActionResult, Capability, ClientDriver, DriverCapabilities, DriverConfiguration, ListedMessage } from '../../../simulator/public-api.ts';
import { DriverSetupError } from '../driver-setup-error.ts';
import { AttachmentFiles } from './attachment-files.ts';
import { instructAndWait, type InstructionWaitSettings } from './instruction-wait.ts';
import * as say from './instructions.ts';
import { ManualActionNotPerformedError } from './manual-action-not-performed-error.ts';
import { pscLogin } from './psc-login.ts';
import { OperatorDialogue, type Attestation } from './operator-dialogue.ts';
import { authRefusalsSince, mailboxReadSince, markTraffic, refusedSince, submittedBy, submittedSince, type SubmissionExpectation, type TrafficMark } from './traffic-probes.ts';
import { UnknownSentMessageError } from './unknown-sent-message-error.ts';

export interface ManualDriverOptions {
  readonly space: TrustSpace;
  readonly console: OperatorConsole;
  /** Where the person types « o »/« n »; `null`: answers from the web UI only. Default process.stdin. */
  readonly input?: NodeJS.ReadableStream | null;
  /** Default process.stderr (stdout stays for the reports). */
  readonly output?: NodeJS.WritableStream;
  /** How long the harness waits for the traffic of one instruction. Default 120 s. */
  readonly timeoutMs?: number;
  /** Declared by the person (`--capacites`); default MANUAL_DEFAULT_CAPABILITIES. */
  readonly capabilities?: readonly Capability[];
  readonly client?: DriverCapabilities['client'];
  /** Period of the terminal countdown. Default 10 s. */
  readonly countdownEveryMs?: number;
  readonly now?: () => Date;
}

export interface ManualDriver extends ClientDriver {
  /** Asks the person a yes/no question about what the software shows (Inferno-style « attest » step). */
  attest(question: string, details?: readonly string[]): Promise<boolean>;
  /** Every answer given so far (questions of the driver and of the harness), for the report. */
  attestations(): readonly Attestation[];
}

export const DEFAULT_MANUAL_TIMEOUT_MS = 120_000;
/** Everything but what needs the client's own reading of its messages (`listMessages`): receipts and replies. */
export const MANUAL_DEFAULT_CAPABILITIES: readonly Capability[] = ['patient-messaging', 'end-conversation-subject', 'end-conversation-header', 'directory-search', 'mailbox-sync'];
/** Unnamed: the report says how to name it; the version is part of the name given with --produit. */
export const MANUAL_CLIENT = { name: 'Logiciel piloté manuellement (nom et version à donner avec --produit)', version: '' } as const;

/** The software as the person names it (`--produit "Nom 4.2"`), or MANUAL_CLIENT. */
export function manualClient(product: string | undefined): DriverCapabilities['client'] {
  const name = product?.trim();
  return name ? { name, version: '' } : MANUAL_CLIENT;
}

export function createManualDriver(options: ManualDriverOptions): ManualDriver {
  const { space } = options;
  const now = options.now ?? (() => new Date());
  const dialogue = new OperatorDialogue({ console: options.console, input: options.input === undefined ? process.stdin : options.input, output: options.output ?? process.stderr, now });
  const timeoutMs = options.timeoutMs ?? DEFAULT_MANUAL_TIMEOUT_MS;
  const waits: InstructionWaitSettings = { dialogue, space, timeoutMs, countdownEveryMs: options.countdownEveryMs ?? 10_000, now };
  const attachments = new AttachmentFiles();
  let confirmed: { readonly mailbox: string; readonly fingerprint: string } | undefined;
  let scenarioStart: TrafficMark = markTraffic(space);

  const mailbox = (): string => {
    if (confirmed) return confirmed.mailbox;
    throw new DriverSetupError({ reason: 'adapter-error', operation: 'configure', target: 'driver manuel', fact: "aucune configuration n'a été confirmée par l'opérateur", fix: 'le banc doit appeler configure avant toute action' });
  };
  const describe = (address: string): string => {
    const known = space.view().mailbox(address);
    return known ? `${address} (${known.displayName})` : address;
  };

  /** An action that should make the client submit one message: sent, refused by the operator, or attested. */
  async function submission(operation: string, instruction: say.Instruction, expected: SubmissionExpectation): Promise<ActionResult> {
    const mark = markTraffic(space);
    const outcome = (atDeadline: boolean) => submissionOutcome(mark, expected, atDeadline);
    const waited = await instructAndWait(waits, instruction, () => outcome(false));
    if (waited.found) return waited.value;
    const late = outcome(true);
    if (late) return late;
    const observed = [...otherSubmissions(mark, expected), ...authRefusalsSince(space, mark, expected.mailbox)];
    if (await dialogue.ask("Le logiciel a-t-il refusé l'envoi ?", [`Consigne : ${instruction.text}`, ...observed])) {
      return { status: 'refused', reason: `attesté par l'opérateur : le logiciel a refusé l'envoi demandé (${instruction.text})` };
    }
    throw new ManualActionNotPerformedError(operation, instruction.text, timeoutMs, observed);
  }

  function submissionOutcome(mark: TrafficMark, expected: SubmissionExpectation, atDeadline: boolean): ActionResult | undefined {
    const sent = submittedSince(space, mark, expected);
    if (sent) return { status: 'sent', clientMessageId: clientMessageId(sent), ...(sent.index.messageId ? { messageId: sent.index.messageId } : {}) };
    const refusal = refusedSince(space, mark, expected.mailbox);
    if (!refusal || (!refusal.ended && !atDeadline)) return undefined;
    return { status: 'failed', smtpReply: refusal.reply, shownToUser: `Refus de l'opérateur : ${refusal.reply} (ce que le logiciel a affiché n'est pas relevé par le driver manuel)` };
  }

  function otherSubmissions(mark: TrafficMark, expected: SubmissionExpectation): string[] {
    return submittedSince(space, mark, { mailbox: expected.mailbox }) ? submittedBy(space, expected.mailbox).filter((t) => !mark.transmissions.has(t.id)).map((t) => `Reçu de cette boîte, avec un autre objet : « ${t.index.subject ?? ''} »`) : [];
  }

  const driver: ManualDriver = {
    async capabilities() {
      return { client: options.client ?? MANUAL_CLIENT, capabilities: [...(options.capabilities ?? MANUAL_DEFAULT_CAPABILITIES)], parallel: false };
    },
    async configure(configuration: DriverConfiguration) {
      const fingerprint = JSON.stringify(configuration);
      if (confirmed?.fingerprint === fingerprint) return; // the person's software keeps its settings between scenarios
      const { http } = space.endpoints;
      const files = { caCertPath: space.caCertPath, caCertUrl: `${http.baseUrl}/ca.crt`, autoconfigUrl: `${http.baseUrl}/mail/config-v1.1.xml?emailaddress=${configuration.mailbox.address}`, psc: pscLogin(space, configuration.mailbox.address) };
      const instruction = say.configureInstruction(configuration, files);
      const prompt = dialogue.instruct(instruction.text, instruction.details);
      const ready = await dialogue.ask('Le logiciel est-il configuré ?', [`Consigne : ${instruction.text}`]);
      dialogue.close(prompt, ready ? 'done' : 'expired');
      if (!ready) {
        throw new DriverSetupError({ reason: 'adapter-error', operation: 'configure', target: 'driver manuel', fact: `l'opérateur indique que le logiciel n'est pas configuré pour la boîte ${configuration.mailbox.address}`, fix: 'configurez le logiciel avec les réglages affichés, puis relancez' });
      }
      confirmed = { mailbox: addressKey(configuration.mailbox.address), fingerprint };
    },
    async send(request) {
      const from = mailbox();
      const repliedTo = request.inReplyTo === undefined ? undefined : sentMessage(request.inReplyTo);
      const context = { describe, attachmentPaths: attachments.write(request.attachments ?? []), ...(repliedTo ? { repliedTo } : {}) };
      return submission('send', say.sendInstruction(from, request, context), { mailbox: from, subject: request.subject });
    },
    async writeToPatient(request) {
      const from = mailbox();
      const instruction = say.writeToPatientInstruction(from, request, attachments.write(request.attachments ?? []));
      return submission('write-to-patient', instruction, { mailbox: from, subject: request.subject });
    },
    async endConversation(request) {
      const from = mailbox(); // the subject is the client's choice ([FIN] or not): any message of the mailbox
      return submission('end-conversation', say.endConversationInstruction(from, request), { mailbox: from });
    },
    async findRecipient(request) {
      dialogue.inform(...instructionArgs(say.findRecipientInstruction(mailbox(), request)));
      return []; // what the software proposes is judged by attestation (README.md, « Annuaire »)
    },
    async synchronise() {
      const box = mailbox();
      const mark = markTraffic(space);
      const instruction = say.synchroniseInstruction(box);
      const waited = await instructAndWait(waits, instruction, () => (mailboxReadSince(space, mark, box) ? true : undefined));
      if (waited.found) return;
      const observed = authRefusalsSince(space, mark, box);
      if (await dialogue.ask(`Le logiciel a-t-il relevé la boîte ${box} ?`, ["Le simulateur n'a vu aucune lecture IMAP de cette boîte depuis la consigne.", ...observed])) return;
      // The software may have tried and shown an error (a certificate or TLS version it refuses): judged by the scenario.
      if (await dialogue.ask("Le logiciel a-t-il affiché un échec de la relève ?", [`Consigne : ${instruction.text}`, ...observed])) {
        return { status: 'failed', shownToUser: `attesté par l'opérateur : le logiciel a affiché un échec de la relève (${instruction.text})` };
      }
      throw new ManualActionNotPerformedError('synchronise', instruction.text, timeoutMs, observed);
    },
    async listMessages(): Promise<readonly ListedMessage[]> {
      if (!confirmed) return [];
      return submittedBy(space, confirmed.mailbox).filter((t) => !scenarioStart.transmissions.has(t.id)).map((t) => listedSent(t, confirmed?.mailbox ?? ''));
    },
    async reset() {
      scenarioStart = markTraffic(space);
      if (confirmed) dialogue.inform(...instructionArgs(say.NEW_SCENARIO));
    },
    attest: (question, details = []) => dialogue.ask(question, details),
    attestations: () => dialogue.attestations(),
  };

  function sentMessage(id: string): { subject: string; sentAt: string } {
    const sent = confirmed ? submittedBy(space, confirmed.mailbox).find((t) => clientMessageId(t) === id) : undefined;
    if (!sent) throw new UnknownSentMessageError(id);
    return { subject: sent.index.subject ?? '', sentAt: sent.receivedAt.toISOString() };
  }
  return driver;
}

function instructionArgs(instruction: say.Instruction): [string, readonly string[]] {
  return [instruction.text, instruction.details];
}

function clientMessageId(transmission: Transmission): string {
  return `manuel-${transmission.id}`;
}

/** What the traffic says of a sent message; its delivery state as the client shows it is left to attestation. */
function listedSent(transmission: Transmission, mailbox: string): ListedMessage {
  return {
    clientMessageId: clientMessageId(transmission),
    ...(transmission.index.messageId ? { messageId: transmission.index.messageId } : {}),
    folder: 'sent',
    from: mailbox,
    to: [...transmission.envelope.rcptTo],
    subject: transmission.index.subject ?? '',
    receivedAt: transmission.receivedAt.toISOString(),
    kind: 'message',
  };
}
