// The contract between the SMTP adapters and routing: what an endpoint hands over once it has
// accepted a message (end of DATA), and what routing answers.
import type { MessageIndex } from '../../protocols/mime/message-reader.ts';
import type { SmtpTraceFacts } from '../../protocols/mime/received-trace.ts';
import type { Envelope, Ingress } from '../store/stored-message.ts';

export interface IncomingMessage {
  readonly envelope: Envelope;
  readonly raw: Buffer;
  /** The header index, when the endpoint already computed it (the From check): not computed twice. */
  readonly index?: MessageIndex;
  /** `simulator`: written by the simulated Mon espace santé (a patient's message). */
  readonly ingress: Ingress;
  /** Journal id of the SMTP connection; absent for messages the simulator wrote. */
  readonly connectionId?: string;
  /** The mailbox the client authenticated as (submission endpoint only). */
  readonly authenticatedMailbox?: string;
  readonly receivedAt: Date;
  /** Host name the client gave in EHLO/HELO, for the Received trace and DSN fields. */
  readonly clientHelo?: string;
  /** How the SMTP server received it, for the `Received` line of the delivered copies; absent for messages the simulator wrote. */
  readonly trace?: SmtpTraceFacts;
}

/** What happened to each recipient of an accepted message. */
export type RecipientOutcome =
  | { readonly recipient: string; readonly outcome: 'delivered'; readonly mailbox: string; readonly storedId: string }
  | { readonly recipient: string; readonly outcome: 'bounced'; readonly status: string; readonly bounceId?: string };

export interface RouteResult {
  /** Id of the accepted message in the transmission log: `GET /api/transmissions/{id}` shows it as received. */
  readonly transmissionId: string;
  readonly recipients: readonly RecipientOutcome[];
}

export interface MailRouter {
  /** Delivers or bounces every recipient. Never throws for a recipient: every one is stored or bounced. */
  route(message: IncomingMessage): RouteResult;
}
