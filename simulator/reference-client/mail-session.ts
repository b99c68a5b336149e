// The configured client's access to its operator: where its servers are (given by `configure`,
// or read from the autoconfig document, SC.MSS/CONF.04), its credentials for SMTP and IMAP
// (password; XOAUTH2 tokens it obtains itself from the Pro Santé Connect identity, kept in memory
// only, SC.MSS/CONF.07, CONF.28) and, for an APP mailbox, its TLS client certificate
// (SC.MSS/CONF.12).
import { addressKey } from '../domain/address-key.ts';
import { fetchAutoconfig, type DiscoveredServers } from './autoconfig-reading.ts';
import type { ClientCertificateMaterial, DriverConfiguration } from './client-driver.ts';
import type { FaultSet } from './reference-fault.ts';
import { PSC_TEST_PASSWORD } from '../services/auth/psc/psc-constants.ts';
import { TokenSource } from './token-source.ts';

export type Credential = { readonly kind: 'password'; readonly password: string } | { readonly kind: 'oauth2'; readonly accessToken: string };

/** What the reference client presents on each connection: its credential and, for an APP mailbox, its certificate. */
export interface ConnectionIdentity {
  readonly user: string;
  readonly credential: Credential;
  readonly clientCertificate?: ClientCertificateMaterial;
}

export class ReferenceDriverNotConfiguredError extends Error {
  readonly code = 'MSS_SIM_DRIVER_NOT_CONFIGURED';
  constructor() {
    super("Le client de référence n'est pas configuré : appeler configure() d'abord.");
    this.name = 'ReferenceDriverNotConfiguredError';
  }
}

export class IncompleteConfigurationError extends Error {
  readonly code = 'MSS_SIM_DRIVER_CONFIGURATION_INCOMPLETE';
  constructor(readonly missing: string) {
    super(`Configuration incomplète du client de référence : « ${missing} » est requis.`);
    this.name = 'IncompleteConfigurationError';
  }
}

/** Ports a client guesses when it ignores the autoconfig document (fault `ignores-autoconfig`). */
const GUESSED_PORTS = { smtp: 587, imap: 993 } as const;

export class MailSession {
  readonly #tokens: TokenSource | undefined;
  #servers: Promise<DiscoveredServers> | undefined;
  constructor(readonly configuration: DriverConfiguration, now: () => Date, private readonly faults: FaultSet) {
    const mailbox = configuration.mailbox;
    if (mailbox.authentication === 'password' && mailbox.password === undefined) throw new IncompleteConfigurationError('mailbox.password');
    if ((!configuration.smtp || !configuration.imap) && !configuration.autoconfig) throw new IncompleteConfigurationError('smtp, imap ou autoconfig');
    if (mailbox.authentication === 'oauth2') this.#tokens = new TokenSource(tokenSettings(mailbox, now));
  }

  get address(): string {
    return addressKey(this.configuration.mailbox.address);
  }

  /** The servers given by configure, else those of the autoconfig document (read once). */
  servers(): Promise<DiscoveredServers> {
    const { smtp, imap, autoconfig } = this.configuration;
    if (smtp && imap) return Promise.resolve({ smtp, imap });
    if (this.faults.has('ignores-autoconfig')) {
      const host = new URL(autoconfig?.url ?? 'http://127.0.0.1/').hostname;
      return Promise.resolve({ smtp: { host, port: GUESSED_PORTS.smtp, security: 'starttls' }, imap: { host, port: GUESSED_PORTS.imap, security: 'tls' } });
    }
    this.#servers ??= fetchAutoconfig(autoconfig?.url ?? '', this.address);
    this.#servers.catch(() => (this.#servers = undefined));
    return this.#servers;
  }

  async identity(): Promise<ConnectionIdentity> {
    const certificate = this.configuration.mailbox.clientCertificate;
    const presented = certificate && !this.faults.has('app-without-client-certificate') ? { clientCertificate: certificate } : {};
    return { user: this.address, credential: await this.#credential(), ...presented };
  }

  async #credential(): Promise<Credential> {
    const password = this.configuration.mailbox.password;
    if (this.#tokens && !(this.faults.has('plain-auth-on-oauth-mailbox') && password !== undefined)) return { kind: 'oauth2', accessToken: await this.#tokens.accessToken() };
    return { kind: 'password', password: password ?? '' };
  }

  forget(): void {
    this.#tokens?.forget();
  }
}

/** The PSC identity as a third party uses it; the older fields, and the simulator's mailbox grant, otherwise. */
function tokenSettings(mailbox: DriverConfiguration['mailbox'], now: () => Date): ConstructorParameters<typeof TokenSource>[0] {
  const psc = mailbox.psc;
  if (psc) return { discoveryUrl: psc.discoveryUrl, mailbox: mailbox.address, username: psc.login, password: psc.password, clientId: psc.clientId, now };
  if (!mailbox.tokenEndpoint) throw new IncompleteConfigurationError('mailbox.psc');
  return { tokenEndpoint: mailbox.tokenEndpoint, mailbox: mailbox.address, ...(mailbox.username ? { username: mailbox.username, password: mailbox.clientSecret ?? PSC_TEST_PASSWORD } : {}), now };
}
