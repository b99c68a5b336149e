// The running trust space as its users see it: the handle returned by startTrustSpace()
// (composition root, start-trust-space.ts) and used by the CLI, the control API, the cucumber
// hooks and the benchmark.
import type { Journal } from '../observation/journal.ts';
import type { MessageStore } from '../services/store/message-store.ts';
import type { PatientProfileState } from '../domain/model.ts';
import type { TrustSpaceView } from '../domain/trust-space-view.ts';
import type { TransmissionLog } from '../services/routing/transmission-log.ts';
import type { MonEspaceSante } from '../services/mon-espace-sante/mon-espace-sante.ts';
import type { SimulatedMailboxAuthenticator } from '../services/auth/create-mailbox-authenticator.ts';
import type { Psc } from '../services/auth/psc/create-psc.ts';
import type { DirectoryFaults } from '../services/directory/directory-faults.ts';
import type { TrustSpaceChange } from '../services/directory/trust-space-change.ts';
import type { ClientCertificateStore } from '../services/pki/client-certificates.ts';
import type { FlowRecorder } from '../observation/live-flow/flow-recorder.ts';
import type { OperatorConsole } from '../services/operator-console/operator-console.ts';
import type { TrustSpaceObservations } from '../observation/create-observations.ts';
import type { ServerTlsSetting } from './server-tls-switch.ts';
import type { DurableRestart } from './durable-mode.ts';

export type TlsMode = 'starttls' | 'starttls-optional' | 'implicit' | 'none';

export interface EndpointAddress {
  readonly host: string;
  readonly port: number;
  readonly tls: TlsMode;
}

export interface TrustSpaceEndpoints {
  /** Client submission: STARTTLS then AUTH (REG-SMTP-01, REG-SMTP-02). */
  readonly submission: EndpointAddress;
  /** Peer operators (MTA to MTA), no AUTH, TLS optional in test mode. */
  readonly peer: EndpointAddress;
  /** Mailbox access for clients: IMAP with STARTTLS (SC.MSS/CONF.06). */
  readonly imap: EndpointAddress;
  /** IMAP over implicit TLS. */
  readonly imaps: EndpointAddress;
  /** Control API, CA download, Pro Santé Connect stand-in, Annuaire Santé, liste blanche, autoconfig. */
  readonly http: { readonly host: string; readonly port: number; readonly baseUrl: string };
}

export interface TrustSpaceSettings {
  /** Refuse at RCPT what would otherwise bounce asynchronously (REG-ANR-05, strict mode). */
  strictRecipients: boolean;
  /** AUTH PLAIN/LOGIN with fixture passwords; off mimics a strict operator (XOAUTH2 only). */
  passwordAuth: boolean;
  readonly maxMessageBytes: number;
}

/** The tokens of the simulated Pro Santé Connect, as tests and the harness use them. */
export type TokenControl = Pick<Psc, 'mailboxGrant' | 'revokeSession' | 'sessions'>;

/**
 * The handle the harness, the tests and the command lines hold (simulator/public-api.ts): where
 * to connect, the test credentials, what was observed and stored, and the control actions.
 * The services the HTTP routes serve are in RunningTrustSpace, for the web layer only.
 */
export interface TrustSpace {
  readonly endpoints: TrustSpaceEndpoints;
  readonly caCertPath: string;
  readonly caCertPem: string;
  readonly settings: TrustSpaceSettings;
  /**
   * Bearer token of the HTTP port when it is not on loopback (or `requireToken`): every request
   * but the UI shell, /ca.crt and the OpenID Connect discovery needs it (web/access-check.ts, REG-DEC-01);
   * undefined on loopback, where no token is asked.
   */
  readonly actionToken?: string;
  /** `--lecture-publique`: reads (GET) are open without the token. */
  readonly publicReads?: boolean;
  /** Every fact the simulator observed, typed (connections, TLS, AUTH, SMTP/IMAP exchanges, mail, patients, tokens). */
  readonly observations: TrustSpaceObservations;
  /** Every stored copy, with `waitFor`. */
  readonly store: MessageStore;
  /** Every message accepted over SMTP, as received. */
  readonly transmissions: TransmissionLog;
  /** The French transcripts, per connection (evidence). */
  readonly journal: Journal;
  /** The patients' side: replies and messages under the Mon espace santé rules. */
  readonly mes: MonEspaceSante;
  /** What a manual run asks a person to do or attest, shown in the terminal and the web UI (REG-DEC-04). */
  readonly console: OperatorConsole;
  /** Pro Santé Connect tokens bound to a mailbox, and their revocation (SC.MSS/CONF.07, CONF.10). */
  readonly psc: TokenControl;
  /** Labels the flow entries recorded from now on (a cucumber scenario); undefined clears it. */
  setScenario(label: string | undefined): void;
  /** The current trust space (fixtures plus changes made through the control API). */
  view(): TrustSpaceView;
  setPatientProfile(ins: string, state: PatientProfileState): void;
  /** Adds or removes a mailbox, (un)lists a domain: every publication and the routing follow. */
  change(change: TrustSpaceChange): void;
  /** Resolves once the asynchronous work already scheduled (bounces, receipts, auto-replies) is done. */
  settled(): Promise<void>;
  /** What the submission and IMAP endpoints serve in TLS: certificate profile and protocol offer (REG-TLS-06). */
  readonly serverTls: ServerTlsSetting;
  /**
   * Serves another certificate profile or protocol offer on submission and IMAP from the next
   * handshake on, without restarting anything; reset() restores the start-time setting.
   */
  setServerTls(setting: Partial<ServerTlsSetting>): Promise<void>;
  /** Back to the fixtures: empties mailboxes, journal, conversations, PSC sessions; resets settings, faults and the server TLS. */
  reset(): void;
  /** Graceful: stops accepting, lets transactions in progress finish, closes listeners. */
  stop(): Promise<void>;
}

/** What the composition root wires and the web layer serves, beyond the public handle. */
export interface RunningTrustSpace extends TrustSpace {
  readonly fixturesDir: string;
  /** The simulated Pro Santé Connect: XOAUTH2 access tokens (SC.MSS/CONF.07). */
  readonly psc: Psc;
  /** One authentication decision for SMTP and IMAP; ends sessions (SC.MSS/CONF.10, CONF.11). */
  readonly authenticator: SimulatedMailboxAuthenticator;
  /** Annuaire Santé fault mode (unavailable, slow, empty, key refused), reset by reset(). */
  readonly directoryFaults: DirectoryFaults;
  /** TLS client certificates of the APP mailboxes, issued by the test CA (SC.MSS/CONF.12). */
  readonly clientCertificates: ClientCertificateStore;
  /** The live flow: every message, bounce, refusal, as the web UI shows it. */
  readonly flow: FlowRecorder;
  /** Durable mode (--conserver): the data directory and what was read back from it at start. */
  readonly durable?: DurableRestart;
}
