// The reference client's TLS towards its operator, for SMTP and IMAP alike: only the configured
// test CA is trusted and the server name is checked (SC.MSS/CONF.27, MSS/va1.04), TLS 1.2 at
// least (SC.MSS/CONF.01, TLS 1.3 allowed by CONF.02) and, for TLS 1.2, only the six suites of
// SC.MSS/CONF.03 (TLS 1.3 suites stay Node's: AES-GCM and ChaCha20-Poly1305). Three faulty
// variants loosen one of these (reference-fault.ts).
import type { ConnectionOptions } from 'node:tls';
import { CONF03_TLS12_CIPHERS } from '../protocols/smtp/tls-settings.ts';
import type { FaultSet } from './reference-fault.ts';

export type ClientTlsOptions = Pick<ConnectionOptions, 'ca' | 'minVersion' | 'ciphers' | 'rejectUnauthorized'>;

/** What a "compatibility mode" client accepts: every version from TLS 1.0, OpenSSL's security level lowered to 0. */
const LEGACY_COMPATIBLE: ClientTlsOptions = { minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' };

export function clientTlsOptions(caCertificatePem: string, faults: FaultSet): ClientTlsOptions {
  if (faults.has('accepts-legacy-tls')) return { ca: [caCertificatePem], ...LEGACY_COMPATIBLE };
  return {
    ca: [caCertificatePem],
    minVersion: 'TLSv1.2',
    // Node's default list when the client does not restrict it: suites outside SC.MSS/CONF.03 included.
    ...(faults.has('weak-cipher-suites') ? {} : { ciphers: CONF03_TLS12_CIPHERS.join(':') }),
    ...(faults.has('no-certificate-verification') ? { rejectUnauthorized: false } : {}),
  };
}

/** What the client tells its user when it could not reach its operator securely. */
export function connectionFailureShownToUser(action: string, cause: string): string {
  return `${action} : connexion sécurisée à l'opérateur impossible, rien n'a été transmis (${cause}). Vérifiez la configuration ou contactez votre opérateur.`;
}
