// Switches, at run time and for one scenario, what the operator's client-facing endpoints
// (submission, IMAP with STARTTLS, IMAP over TLS) serve in TLS (REG-TLS-06): the certificate
// (valid, expired, wrong name, untrusted CA: REG-TLS-03) and the protocol offer (tls-protocol-offer.ts).
// No listener restarts: each endpoint builds a new secure context used from the next handshake
// on. reset() goes back to the setting the trust space started with. The peer endpoint (other
// operators) keeps its TLS: the client under test never connects to it.
import { resolveServerTls, type ServerPkiMaterial, type ServerTlsMaterial, type ServerTlsProfile } from '../services/pki/server-tls-profile.ts';
import type { ImapTlsOptions } from '../protocols/imap/imap-tls.ts';
import type { EndpointTls } from '../protocols/smtp/tls-settings.ts';
import type { TlsProtocolOffer } from '../protocols/smtp/tls-protocol-offer.ts';

export interface ServerTlsSetting {
  readonly certificate: ServerTlsProfile;
  readonly protocols: TlsProtocolOffer;
}

export interface TlsSwitchTargets {
  readonly submission: { useTls(tls: EndpointTls): void };
  readonly imap: readonly { useTls(tls: ImapTlsOptions): void }[];
}

export interface ServerTlsSwitchOptions {
  readonly pki: ServerPkiMaterial;
  readonly initial: ServerTlsSetting;
  /** The material of `initial.certificate`, already resolved at start. */
  readonly initialMaterial: ServerTlsMaterial;
  readonly targets: () => TlsSwitchTargets;
  readonly now: () => Date;
}

export class ServerTlsSwitch {
  readonly #options: ServerTlsSwitchOptions;
  #current: ServerTlsSetting;

  constructor(options: ServerTlsSwitchOptions) {
    this.#options = options;
    this.#current = options.initial;
  }

  get current(): ServerTlsSetting {
    return this.#current;
  }

  /** Serves `setting` from the next handshake on; a certificate profile is generated the first time it is asked for. */
  async set(setting: Partial<ServerTlsSetting>): Promise<void> {
    const next = { ...this.#current, ...setting };
    const material = next.certificate === this.#options.initial.certificate ? this.#options.initialMaterial : await resolveServerTls(this.#options.pki, next.certificate, { now: this.#options.now });
    this.#apply(next, material);
  }

  /** Back to the start-time setting; nothing is rebuilt when it is already served. */
  reset(): void {
    const initial = this.#options.initial;
    if (this.#current.certificate === initial.certificate && this.#current.protocols === initial.protocols) return;
    this.#apply(initial, this.#options.initialMaterial);
  }

  #apply(setting: ServerTlsSetting, material: ServerTlsMaterial): void {
    const { submission, imap } = this.#options.targets();
    const ca = this.#options.pki.caCertPem;
    submission.useTls({ ...material, clientCa: ca, protocols: setting.protocols });
    for (const endpoint of imap) endpoint.useTls({ ...material, ca, requestCert: true, protocols: setting.protocols });
    this.#current = setting;
  }
}
