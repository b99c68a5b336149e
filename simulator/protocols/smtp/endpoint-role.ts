// What differs between the two SMTP endpoints built on SmtpEndpoint (smtp-endpoint.ts): the
// submission endpoint for clients (submission-endpoint.ts) and the peer endpoint for other
// operators' MTAs (peer-endpoint.ts).
import type { TLSSocket } from 'node:tls';
import type { MessageIndex } from '../mime/message-reader.ts';
import type { SMTPServer, SMTPServerAuthentication, SMTPServerAuthenticationResponse, SMTPServerOptions, SMTPServerSession } from 'smtp-server';
import type { Ingress } from '../../services/store/stored-message.ts';
import type { Observation } from '../../observation/observation.ts';
import type { SenderContext } from './policies/accept-sender.ts';
import type { Verdict } from './policies/verdict.ts';

/** Publishes an observation of the current connection (its id filled in); `null` when transcripts are off. */
export type ObserveConnection = ((observation: ConnectionObservation) => void) | null;

/** An observation about one connection, before the endpoint names the connection. */
export type ConnectionObservation = DistributiveOmit<Extract<Observation, { connectionId: string }>, 'connectionId'>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type AuthCallback = (error: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void;

export interface EndpointRole {
  /** Endpoint name in the journal and in connection ids. */
  readonly name: 'submission' | 'peer';
  readonly ingress: Exclude<Ingress, 'simulator'>;
  /** smtp-server options specific to this role (AUTH, STARTTLS, TLS material). */
  serverOptions(): Partial<SMTPServerOptions>;
  /** Before the greeting: per-session adjustments. */
  onConnect?(session: SMTPServerSession, server: SMTPServer): void;
  /** TLS is established (STARTTLS); the socket gives the client certificate, if any. */
  onSecure?(session: SMTPServerSession, socket: TLSSocket): void;
  /** Absent: AUTH is disabled on this endpoint. */
  onAuth?(auth: SMTPServerAuthentication, session: SMTPServerSession, observe: ObserveConnection, callback: AuthCallback): void;
  senderContext(session: SMTPServerSession): SenderContext;
  /** End-of-DATA check before routing (submission: the From header). */
  checkMessage(index: MessageIndex, session: SMTPServerSession): Verdict;
  authenticatedMailbox(session: SMTPServerSession): string | undefined;
}
