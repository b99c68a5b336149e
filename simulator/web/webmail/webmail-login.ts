// How the webmail logs a mailbox in to the simulator's own submission and IMAP endpoints, as a
// real client: XOAUTH2 with an access token from the simulated Pro Santé Connect (SC.MSS/CONF.07),
// kept in memory until shortly before it expires or its session is revoked (SC.MSS/CONF.28), or
// AUTH PLAIN with the mailbox's test password. Endpoints and the test CA come from the running space.
import { reachableHost } from '../../demonstrations/demonstration-context.ts';
import { mailboxHolderOf } from '../../domain/mailbox-holder.ts';
import { senderDisplayName } from '../../domain/sender-display-name.ts';
import { clientTlsOptions, type ClientTlsOptions } from '../../reference-client/client-tls.ts';
import type { Credential } from '../../reference-client/mail-session.ts';
import { FaultSet } from '../../reference-client/reference-fault.ts';
import type { RunningTrustSpace } from '../../trust-space/trust-space.ts';
import { ownDirectorySettings, type OwnDirectorySettings } from '../own-directory.ts';

export type WebmailAuthentication = 'oauth2' | 'password';

export interface WebmailConnection {
  readonly user: string;
  /** The sender display name its messages carry (MSS/va1.16), empty when the holder is unknown. */
  readonly senderName: string;
  readonly caCertificatePem: string;
  /** A correct client's TLS: the trust space's CA, TLS 1.2 or later, the referential's suites. */
  readonly tls: ClientTlsOptions;
  readonly smtp: { readonly host: string; readonly port: number };
  readonly imap: { readonly host: string; readonly port: number; readonly security: 'starttls' };
  readonly directory: OwnDirectorySettings;
  credential(): Credential;
  /** The server refused the credential: forget the token so that the next call asks for a new one. */
  forget(): void;
}

/** Renew this long before expiry so that a session never starts with a dying token. */
const MARGIN_MS = 30_000;

export class WebmailLogins {
  readonly #tokens = new Map<string, { accessToken: string; sessionId: string; expiresAt: number }>();

  constructor(private readonly space: RunningTrustSpace, private readonly now: () => Date = () => new Date()) {
    space.psc.onSessionRevoked((sessionId) => {
      for (const [address, token] of this.#tokens) if (token.sessionId === sessionId) this.#tokens.delete(address);
    });
  }

  connection(address: string, authentication: WebmailAuthentication): WebmailConnection {
    const { submission, imap } = this.space.endpoints;
    const password = this.space.view().mailbox(address)?.password ?? '';
    return {
      user: address,
      senderName: senderNameOf(this.space, address),
      caCertificatePem: this.space.caCertPem,
      tls: clientTlsOptions(this.space.caCertPem, new FaultSet()),
      smtp: { host: reachableHost(submission.host), port: submission.port },
      imap: { host: reachableHost(imap.host), port: imap.port, security: 'starttls' },
      directory: ownDirectorySettings(this.space),
      credential: () => (authentication === 'password' ? { kind: 'password', password } : { kind: 'oauth2', accessToken: this.#accessToken(address) }),
      forget: () => this.#tokens.delete(address),
    };
  }

  #accessToken(address: string): string {
    const kept = this.#tokens.get(address);
    if (kept && kept.expiresAt - MARGIN_MS > this.now().getTime()) return kept.accessToken;
    const issued = this.space.psc.mailboxGrant(address, { clientId: 'simulateur-webmail' });
    this.#tokens.set(address, { accessToken: issued.accessToken, sessionId: issued.sessionId, expiresAt: issued.expiresAt.getTime() });
    return issued.accessToken;
  }
}

function senderNameOf(space: RunningTrustSpace, address: string): string {
  const holder = mailboxHolderOf(space.view(), address);
  return holder ? senderDisplayName(holder) : '';
}
