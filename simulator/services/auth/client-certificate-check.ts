// Does the TLS client certificate name this applicative (APP) mailbox (SC.MSS/CONF.12)? The
// endpoints request a certificate without requiring it (PER/ORG clients have none) and without
// letting TLS reject it, so the whole check is here: issued and signed by the test CA (the
// IGC-Santé stand-in), valid now, extended key usage clientAuth, and the mailbox address among
// its SAN rfc822Name entries (profile: simulator/services/pki/generate-client-certificate.ts).
import { addressKey } from '../../domain/address-key.ts';
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';

const CLIENT_AUTH_OID = '1.3.6.1.5.5.7.3.2';

export type CertificateCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'client-certificate-required' | 'client-certificate-mismatch'; /** French. */ readonly detail: string };

export function checkClientCertificate(peer: PeerCertificate | undefined, address: string, caPem: string, now: Date): CertificateCheck {
  if (!peer?.raw || peer.raw.length === 0) return { ok: false, reason: 'client-certificate-required', detail: 'aucun certificat client présenté pendant la négociation TLS' };
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(peer.raw);
  } catch {
    return mismatch('certificat illisible');
  }
  const ca = new X509Certificate(caPem);
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return mismatch("il n'est pas délivré par l'autorité de certification de test (IGC-Santé simulée)");
  if (now.getTime() < Date.parse(cert.validFrom)) return mismatch(`il n'est valide qu'à partir du ${new Date(cert.validFrom).toISOString()}`);
  if (now.getTime() > Date.parse(cert.validTo)) return mismatch(`il a expiré le ${new Date(cert.validTo).toISOString()}`);
  if (!(cert.keyUsage ?? []).includes(CLIENT_AUTH_OID)) return mismatch("il n'a pas l'usage authentification client (clientAuth)");
  const emails = sanEmails(cert);
  if (!emails.includes(addressKey(address))) return mismatch(`il désigne ${emails.length > 0 ? emails.join(', ') : `« ${cert.subject.replace(/\n/g, ', ')} »`}, pas ${address}`);
  return { ok: true };
}

function mismatch(detail: string): CertificateCheck {
  return { ok: false, reason: 'client-certificate-mismatch', detail };
}

/** OpenSSL's rendering: `email:a@b.fr, DNS:x`. */
function sanEmails(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(', ')
    .filter((entry) => entry.startsWith('email:'))
    .map((entry) => addressKey(entry.slice('email:'.length)));
}
