// Whether the PKI files found on disk can be reused (REG-TLS-04: kept across restarts, regenerated
// when expired or about to expire, or when the simulated host names changed). Pure: PEM text
// and a date in, a decision out; parsing with Node's own X509Certificate.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { serverSubjectAltNames } from './generate-certificates.ts';

/** Certificates expiring within this margin are renewed (REG-TLS-04: 7 days). */
export const RENEWAL_MARGIN_MS = 7 * 24 * 60 * 60 * 1000;

export interface PkiFiles {
  readonly caCertPem?: string;
  readonly caKeyPem?: string;
  readonly serverCertPem?: string;
  readonly serverKeyPem?: string;
}

export type RenewalReason = 'missing' | 'unreadable' | 'expiring' | 'not-yet-valid' | 'host-names-changed' | 'not-issued-by-ca' | 'key-mismatch';

export type Renewal = { readonly renew: false } | { readonly renew: true; readonly reason: RenewalReason };

export interface RenewalDecision {
  /** Renewing the CA renews the server certificate too. */
  readonly ca: Renewal;
  readonly server: Renewal;
}

const KEEP: Renewal = { renew: false };

export function decideRenewal(files: PkiFiles, hostNames: readonly string[], now: Date): RenewalDecision {
  const ca = checkCa(files, now);
  if (ca.renew) return { ca, server: ca };
  return { ca, server: checkServer(files, hostNames, now) };
}

function checkCa(files: PkiFiles, now: Date): Renewal {
  if (files.caCertPem === undefined || files.caKeyPem === undefined) return { renew: true, reason: 'missing' };
  const cert = parseCertificate(files.caCertPem);
  if (!cert || !cert.ca) return { renew: true, reason: 'unreadable' };
  return checkValidity(cert, now) ?? checkKey(cert, files.caKeyPem) ?? KEEP;
}

function checkServer(files: PkiFiles, hostNames: readonly string[], now: Date): Renewal {
  if (files.serverCertPem === undefined || files.serverKeyPem === undefined) return { renew: true, reason: 'missing' };
  const cert = parseCertificate(files.serverCertPem);
  const ca = parseCertificate(files.caCertPem ?? '');
  if (!cert || !ca) return { renew: true, reason: 'unreadable' };
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return { renew: true, reason: 'not-issued-by-ca' };
  const validity = checkValidity(cert, now);
  if (validity) return validity;
  if (!sameNames(cert, hostNames)) return { renew: true, reason: 'host-names-changed' };
  return checkKey(cert, files.serverKeyPem) ?? KEEP;
}

function checkValidity(cert: X509Certificate, now: Date): Renewal | undefined {
  if (new Date(cert.validFrom).getTime() > now.getTime()) return { renew: true, reason: 'not-yet-valid' };
  if (new Date(cert.validTo).getTime() - now.getTime() <= RENEWAL_MARGIN_MS) return { renew: true, reason: 'expiring' };
  return undefined;
}

function checkKey(cert: X509Certificate, keyPem: string): Renewal | undefined {
  try {
    return cert.checkPrivateKey(createPrivateKey(keyPem)) ? undefined : { renew: true, reason: 'key-mismatch' };
  } catch {
    return { renew: true, reason: 'unreadable' };
  }
}

/** The certificate's SAN (as OpenSSL prints it) against the names it should carry now. */
function sameNames(cert: X509Certificate, hostNames: readonly string[]): boolean {
  const expected = serverSubjectAltNames(hostNames);
  const wanted = [...expected.dns.map((name) => `dns:${name}`), ...expected.ips.map(ipEntry)].sort();
  const actual = (cert.subjectAltName ?? '').toLowerCase().split(', ').filter((entry) => entry !== '').sort();
  return wanted.length === actual.length && wanted.every((entry, index) => entry === actual[index]);
}

/** OpenSSL prints IPv6 SAN entries uncompressed (`0:0:0:0:0:0:0:1`); compared lower-cased. */
function ipEntry(ip: string): string {
  if (!ip.includes(':')) return `ip address:${ip}`;
  const [head = '', tail = ''] = ip.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const zeros = ip.includes('::') ? Array(8 - headGroups.length - tailGroups.length).fill('0') : [];
  const groups = [...headGroups, ...zeros, ...tailGroups].map((group) => group.replace(/^0+(?=.)/, ''));
  return `ip address:${groups.join(':').toLowerCase()}`;
}

function parseCertificate(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}
