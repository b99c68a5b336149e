// The configured client's access to its operator: credentials for SMTP and IMAP from the
// configuration (password, or XOAUTH2 tokens kept in memory only, SC.MSS/CONF.28).
import { addressKey } from '../domain/address-key.ts';
import type { DriverConfiguration } from './client-driver.ts';
import { PSC_TEST_PASSWORD } from '../services/auth/psc/psc-constants.ts';
import { TokenSource } from './token-source.ts';

export type Credential = { readonly kind: 'password'; readonly password: string } | { readonly kind: 'oauth2'; readonly accessToken: string };

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

export class MailSession {
  readonly #tokens: TokenSource | undefined;
  constructor(readonly configuration: DriverConfiguration, now: () => Date) {
    const mailbox = configuration.mailbox;
    if (mailbox.authentication === 'password' && mailbox.password === undefined) throw new IncompleteConfigurationError('mailbox.password');
    if (mailbox.authentication === 'oauth2') {
      if (!mailbox.tokenEndpoint) throw new IncompleteConfigurationError('mailbox.tokenEndpoint');
      this.#tokens = new TokenSource({
        tokenEndpoint: mailbox.tokenEndpoint,
        mailbox: mailbox.address,
        ...(mailbox.username ? { username: mailbox.username, clientSecret: mailbox.clientSecret ?? PSC_TEST_PASSWORD } : {}),
        now,
      });
    }
  }

  get address(): string {
    return addressKey(this.configuration.mailbox.address);
  }

  async credential(): Promise<Credential> {
    if (this.#tokens) return { kind: 'oauth2', accessToken: await this.#tokens.accessToken() };
    return { kind: 'password', password: this.configuration.mailbox.password ?? '' };
  }

  forget(): void {
    this.#tokens?.forget();
  }
}
