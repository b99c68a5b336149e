// What the simulated operator offers in TLS, apart from its certificate (REG-TLS-06): the
// conforming offer of REG-TLS-01 and REG-TLS-02 (TLS 1.2 and 1.3, the six suites of
// SC.MSS/CONF.03), or one of two negative offers that a conforming client must refuse:
// `legacy-versions`, TLS 1.0 and 1.1 only (SC.MSS/CONF.01, MSS/va1.31), and
// `suites-outside-list`, TLS 1.2 only with suites that are not in CONF.03 (ECDHE-RSA with
// AES-CBC-SHA1, 0xC013 and 0xC014). OpenSSL 3 refuses TLS 1.0/1.1 handshakes at its default
// security level 1 (their MD5-SHA1 signatures are disallowed), so the legacy offer lowers it
// with `@SECLEVEL=0`; a client only completes such a handshake if it lowers its own as well.
// Shared by the SMTP (tls-settings.ts) and IMAP (imap-tls.ts) endpoints. Pure.
import type { SecureVersion } from 'node:tls';

export const TLS_PROTOCOL_OFFERS = ['referential', 'legacy-versions', 'suites-outside-list'] as const;
export type TlsProtocolOffer = (typeof TLS_PROTOCOL_OFFERS)[number];

export interface ProtocolSettings {
  readonly minVersion: SecureVersion;
  readonly maxVersion: SecureVersion;
  /** OpenSSL cipher list for TLS ≤ 1.2. */
  readonly ciphers: string;
}

/** ECDHE-RSA with AES-CBC and SHA-1 (0xC013, 0xC014): usable from TLS 1.0 to 1.2, outside SC.MSS/CONF.03. */
export const SUITES_OUTSIDE_CONF03 = 'ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA';

export function isTlsProtocolOffer(value: string): value is TlsProtocolOffer {
  return (TLS_PROTOCOL_OFFERS as readonly string[]).includes(value);
}

/** The versions and suites of a negative offer; undefined for `referential` (the endpoint's own settings apply). */
export function negativeOfferSettings(offer: TlsProtocolOffer): ProtocolSettings | undefined {
  switch (offer) {
    case 'referential':
      return undefined;
    case 'legacy-versions':
      return { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: `${SUITES_OUTSIDE_CONF03}:@SECLEVEL=0` };
    case 'suites-outside-list':
      return { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: SUITES_OUTSIDE_CONF03 };
  }
}
