// The running trust space as its users see it: the handle returned by startTrustSpace()
// (composition root, start-trust-space.ts) and used by the CLI, the control API, the cucumber
// hooks and the benchmark.
import type { Journal } from '../mail/journal.ts';
import type { MessageStore } from '../mail/message-store.ts';
import type { PatientProfileState } from '../domain/model.ts';
import type { TrustSpaceView } from '../domain/trust-space-view.ts';
import type { TransmissionLog } from '../routing/transmission-log.ts';
import type { MonEspaceSante } from '../mes/mon-espace-sante.ts';
import type { TokenIssuer } from '../auth/token-issuer.ts';

export type TlsMode = 'starttls' | 'starttls-optional' | 'none';

export interface EndpointAddress {
  readonly host: string;
  readonly port: number;
  readonly tls: TlsMode;
}

export interface TrustSpaceEndpoints {
  /** Client submission: STARTTLS then AUTH (DOMAIN.md A3). */
  readonly submission: EndpointAddress;
  /** Peer operators (MTA to MTA), no AUTH, TLS optional in test mode. */
  readonly peer: EndpointAddress;
  /** Control API, CA download, later the web UI and directory. */
  readonly http: { readonly host: string; readonly port: number; readonly baseUrl: string };
}

export interface TrustSpaceSettings {
  /** Refuse at RCPT what would otherwise bounce asynchronously (DOMAIN.md A1, strict mode). */
  strictRecipients: boolean;
  /** AUTH PLAIN/LOGIN with fixture passwords; off mimics a strict operator (XOAUTH2 only). */
  passwordAuth: boolean;
  readonly maxMessageBytes: number;
}

export interface TrustSpace {
  readonly endpoints: TrustSpaceEndpoints;
  readonly caCertPath: string;
  readonly caCertPem: string;
  readonly fixturesDir: string;
  readonly settings: TrustSpaceSettings;
  readonly store: MessageStore;
  readonly journal: Journal;
  readonly transmissions: TransmissionLog;
  readonly mes: MonEspaceSante;
  readonly tokens: TokenIssuer;
  /** The current trust space (fixtures plus changes made through the control API). */
  view(): TrustSpaceView;
  setPatientProfile(ins: string, state: PatientProfileState): void;
  /** Resolves once the asynchronous work already scheduled (bounces, receipts, auto-replies) is done. */
  settled(): Promise<void>;
  /** Back to the fixtures: empties mailboxes, journal, conversations, tokens; resets settings. */
  reset(): void;
  /** Graceful: stops accepting, lets transactions in progress finish, closes listeners. */
  stop(): Promise<void>;
}
