// TLS of the IMAP endpoints, as for SMTP (REG-TLS-01, REG-TLS-02, simulator/protocols/smtp/tls-settings.ts): TLS
// 1.2 minimum (SC.MSS/CONF.01), 1.3 allowed (CONF.02), the six suites of CONF.03 for TLS 1.2,
// curves of at least 256 bits, DHE groups matching the key. A client certificate may be asked
// for (APP mailboxes, SC.MSS/CONF.12); by default the handshake does not require one and the
// authenticator decides (a PER or ORG client has none). A negative protocol offer
// (../smtp/tls-protocol-offer.ts, REG-TLS-06) replaces versions and suites.
import type { PeerCertificate, SecureVersion, TLSSocket, TlsOptions } from 'node:tls';
import { CONF03_CURVES, CONF03_TLS12_CIPHERS } from '../smtp/tls-settings.ts';
import { negativeOfferSettings, type TlsProtocolOffer } from '../smtp/tls-protocol-offer.ts';

export interface ImapTlsOptions {
  /** PEM private key and certificate (chain) of the server. */
  readonly key: string;
  readonly cert: string;
  /** CAs whose client certificates are trusted (the test PKI's CA). */
  readonly ca?: string | readonly string[];
  /** Ask the client for a certificate (default false). */
  readonly requestCert?: boolean;
  /** Refuse the handshake without a trusted client certificate (default false). */
  readonly rejectUnauthorized?: boolean;
  readonly minVersion?: SecureVersion;
  readonly maxVersion?: SecureVersion;
  /** OpenSSL cipher list for TLS ≤ 1.2; default the suites of SC.MSS/CONF.03. */
  readonly ciphers?: string;
  /** A negative offer (tls-protocol-offer.ts) replaces versions and suites; default `referential`. */
  readonly protocols?: TlsProtocolOffer;
}

export function imapTlsOptions(tls: ImapTlsOptions): TlsOptions {
  return {
    key: tls.key,
    cert: tls.cert,
    ...(tls.ca === undefined ? {} : { ca: typeof tls.ca === 'string' ? tls.ca : [...tls.ca] }),
    minVersion: tls.minVersion ?? 'TLSv1.2',
    ...(tls.maxVersion === undefined ? {} : { maxVersion: tls.maxVersion }),
    ciphers: tls.ciphers ?? CONF03_TLS12_CIPHERS.join(':'),
    honorCipherOrder: true,
    dhparam: 'auto',
    ecdhCurve: CONF03_CURVES,
    ...negativeOfferSettings(tls.protocols ?? 'referential'),
    requestCert: tls.requestCert ?? false,
    rejectUnauthorized: tls.rejectUnauthorized ?? false,
  };
}

/** The client's certificate when it presented one that chains to a trusted CA; otherwise undefined. */
export function trustedClientCertificate(socket: TLSSocket): PeerCertificate | undefined {
  const certificate = socket.getPeerCertificate();
  if (!certificate || Object.keys(certificate).length === 0 || !socket.authorized) return undefined;
  return certificate;
}
