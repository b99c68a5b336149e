// TLS of the SMTP endpoints (REG-TLS-01, REG-TLS-02): TLS 1.2 minimum (SC.MSS/CONF.01), TLS 1.3 allowed
// (SC.MSS/CONF.02), and for TLS 1.2 only the six suites of SC.MSS/CONF.03, all of them by
// default or a chosen subset (conf03Ciphers), to check that a client copes with each. DHE needs
// `dhparam: 'auto'` (OpenSSL picks a group matching the 2048-bit RSA key: ≥ 2048 bits as
// CONF.03 asks); ECDHE is limited to the NIST curves P-256, P-384, P-521 (CONF.03: curves ≥ 256
// bits; X25519, Node's first default, is a 255-bit curve, so it is left out, for TLS 1.3 as
// well). With `clientCa`, a client certificate is requested but never required, and never
// rejected by TLS itself: the authenticator judges it (APP mailboxes, SC.MSS/CONF.12). A
// negative protocol offer (tls-protocol-offer.ts, REG-TLS-06) replaces versions and suites.
import type { SecureContextOptions } from 'node:tls';
import { negativeOfferSettings, type TlsProtocolOffer } from './tls-protocol-offer.ts';

/** SC.MSS/CONF.03, in the order of the referential, by IANA code. */
export const CONF03_SUITES = {
  '0xC030': 'ECDHE-RSA-AES256-GCM-SHA384',
  '0xC02F': 'ECDHE-RSA-AES128-GCM-SHA256',
  '0xC028': 'ECDHE-RSA-AES256-SHA384',
  '0xC027': 'ECDHE-RSA-AES128-SHA256',
  '0x009F': 'DHE-RSA-AES256-GCM-SHA384',
  '0x009E': 'DHE-RSA-AES128-GCM-SHA256',
} as const;

export type Conf03Code = keyof typeof CONF03_SUITES;

/** OpenSSL names of the six suites: 0xC030, 0xC02F, 0xC028, 0xC027, 0x009F, 0x009E. */
export const CONF03_TLS12_CIPHERS = Object.values(CONF03_SUITES);

export const CONF03_CURVES = 'P-256:P-384:P-521';

export class CipherOutsideConf03Error extends Error {
  readonly code = 'MSS_SIM_SMTP_CIPHER_OUTSIDE_CONF03';
  constructor(suite: string) {
    super(`Suite TLS « ${suite} » hors de SC.MSS/CONF.03 : choisissez parmi ${Object.keys(CONF03_SUITES).join(', ')}.`);
    this.name = 'CipherOutsideConf03Error';
  }
}

/** The OpenSSL cipher list of a subset of CONF.03, given by IANA code (`0xC030`) or OpenSSL name, in the given order. */
export function conf03Ciphers(suites: readonly string[]): string {
  if (suites.length === 0) throw new CipherOutsideConf03Error('(aucune)');
  return suites.map((suite) => conf03Name(suite)).join(':');
}

function conf03Name(suite: string): string {
  const byCode = Object.entries(CONF03_SUITES).find(([code]) => code.toLowerCase() === suite.toLowerCase());
  if (byCode) return byCode[1];
  if ((CONF03_TLS12_CIPHERS as readonly string[]).includes(suite)) return suite;
  throw new CipherOutsideConf03Error(suite);
}

export interface EndpointTls {
  /** PEM private key and certificate (chain) of the server, e.g. from ensurePki() or resolveServerTls(). */
  readonly key: string;
  readonly cert: string;
  /** OpenSSL cipher list for TLS ≤ 1.2; default CONF03_TLS12_CIPHERS (see conf03Ciphers). TLS 1.3 suites stay Node's defaults. */
  readonly ciphers?: string;
  /** Default TLSv1.3 (SC.MSS/CONF.02); TLSv1.2 makes `ciphers` decide every session. */
  readonly maxVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** PEM of the CA whose client certificates are requested (not required): the test CA, for APP mailboxes. */
  readonly clientCa?: string;
  /** A negative offer (tls-protocol-offer.ts) replaces versions and suites; default `referential`. */
  readonly protocols?: TlsProtocolOffer;
}

export type EndpointTlsOptions = SecureContextOptions & { honorCipherOrder: boolean; requestCert?: boolean; rejectUnauthorized?: boolean };

export function tlsServerOptions(tls: EndpointTls): EndpointTlsOptions {
  return {
    key: tls.key,
    cert: tls.cert,
    minVersion: 'TLSv1.2',
    maxVersion: tls.maxVersion ?? 'TLSv1.3',
    ciphers: tls.ciphers ?? CONF03_TLS12_CIPHERS.join(':'),
    honorCipherOrder: true,
    dhparam: 'auto',
    ecdhCurve: CONF03_CURVES,
    ...negativeOfferSettings(tls.protocols ?? 'referential'),
    ...(tls.clientCa !== undefined ? { ca: tls.clientCa, requestCert: true, rejectUnauthorized: false } : {}),
  };
}
