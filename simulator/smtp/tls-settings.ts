// TLS of the SMTP endpoints (DOMAIN.md §1.2): TLS 1.2 minimum (SC.MSS/CONF.01), TLS 1.3 allowed
// (SC.MSS/CONF.02), and for TLS 1.2 only the six suites of SC.MSS/CONF.03. DHE needs `dhparam:
// 'auto'` (OpenSSL picks a group matching the 2048-bit RSA key: ≥ 2048 bits as CONF.03 asks);
// ECDHE is limited to the NIST curves P-256, P-384, P-521 (CONF.03: curves ≥ 256 bits; X25519,
// Node's first default, is a 255-bit curve, so it is left out, for TLS 1.3 as well).
import type { SecureContextOptions } from 'node:tls';

/** SC.MSS/CONF.03, in the order of the referential: 0xC030, 0xC02F, 0xC028, 0xC027, 0x009F, 0x009E. */
export const CONF03_TLS12_CIPHERS = [
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-SHA384',
  'ECDHE-RSA-AES128-SHA256',
  'DHE-RSA-AES256-GCM-SHA384',
  'DHE-RSA-AES128-GCM-SHA256',
] as const;

export const CONF03_CURVES = 'P-256:P-384:P-521';

export interface EndpointTls {
  /** PEM private key and certificate (chain) of the server, e.g. from ensurePki(). */
  readonly key: string;
  readonly cert: string;
  /** OpenSSL cipher list for TLS ≤ 1.2; default CONF03_TLS12_CIPHERS. TLS 1.3 suites stay Node's defaults. */
  readonly ciphers?: string;
}

export function tlsServerOptions(tls: EndpointTls): SecureContextOptions & { honorCipherOrder: boolean } {
  return {
    key: tls.key,
    cert: tls.cert,
    minVersion: 'TLSv1.2',
    ciphers: tls.ciphers ?? CONF03_TLS12_CIPHERS.join(':'),
    honorCipherOrder: true,
    dhparam: 'auto',
    ecdhCurve: CONF03_CURVES,
  };
}
