// Options of the SMTP endpoints (smtp-endpoint.ts): one typed object of dependencies and
// settings, shared by the submission and peer endpoints.
import type { ObservationSink } from '../../observation/observation-sink.ts';
import type { MailRouter } from '../../services/routing/incoming-message.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import type { PlanRecipient } from './policies/accept-recipient.ts';

export interface SmtpEndpointSettings {
  /** Read at every RCPT: refuse at RCPT what would otherwise bounce (REG-ANR-05). */
  readonly strictRecipients: boolean;
  /** Read at every connection and AUTH: PLAIN/LOGIN offered and accepted (submission). */
  readonly passwordAuth: boolean;
  /** Advertised with SIZE and enforced; read once, at construction. */
  readonly maxMessageBytes: number;
  /** Read at every RCPT; default DEFAULT_MAX_RECIPIENTS. */
  readonly maxRecipients?: number;
}

export interface SmtpEndpointOptions {
  /** Interface to bind; default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (ephemeral). */
  readonly port?: number;
  /** Name in the greeting and EHLO reply; default `localhost`. */
  readonly hostname?: string;
  readonly view: () => TrustSpaceView;
  readonly planRecipient: PlanRecipient;
  readonly router: MailRouter;
  /** Where connections publish their observations; `null`: no transcript at all, no logging work (benchmarks). */
  readonly observations: ObservationSink | null;
  readonly settings: SmtpEndpointSettings;
  readonly now?: () => Date;
  /** Idle clients are disconnected after this; default 5 min (RFC 5321 §4.5.3.2.7). */
  readonly socketTimeoutMs?: number;
  /** stop() waits this long for transactions in progress; default 10 s. */
  readonly stopTimeoutMs?: number;
  /**
   * Durable mode (--conserver): resolves once the accepted message, and what it caused at once
   * (its bounce), is on disk; the `250` waits for it. A rejection answers `451 4.3.0`.
   */
  readonly durable?: () => Promise<void>;
  /** Concurrent connections; default 1000. */
  readonly maxClients?: number;
}

export interface ListeningAddress {
  readonly host: string;
  readonly port: number;
}

/** RFC 5321 §4.5.3.1.8 asks for at least 100. */
export const DEFAULT_MAX_RECIPIENTS = 1000;
