// Server certificates for the TLS negative modes (REG-TLS-03): a scenario checks that the client
// under test refuses an operator whose certificate is expired (MSS/va1.04, ECO.1.1.5), names
// another host, or is not issued by the trust space's CA (SC.MSS/CONF.27). `valid` is the
// ordinary server certificate of ensurePki(). The others are generated on demand, in memory,
// once per process and PKI, with the same host names; only the leaf is served (no chain). The
// expired, wrong-name and untrusted certificates certify the valid server's own key again, so
// that switching to them costs a signature, not an RSA key generation (one for the foreign CA).
// What Node's TLS client answers to each (pinned by server-tls-profile.test.ts):
//   expired → CERT_HAS_EXPIRED; wrong-name → ERR_TLS_CERT_ALTNAME_INVALID;
//   untrusted → UNABLE_TO_VERIFY_LEAF_SIGNATURE; self-signed → DEPTH_ZERO_SELF_SIGNED_CERT.
import { X509Certificate } from 'node:crypto';
import { generateCa, issueServerCertificate, serverSubjectAltNames, type SubjectAltNames, type Validity } from './generate-certificates.ts';
import { CLOCK_SKEW_MS, DAY_MS, RSA_KEY, exportKeyPem, generateRsaKeys, randomSerial, signerOf, x509, type KeyAndCertificate } from './x509-tools.ts';
import type { ExistingServerKey } from './generate-certificates.ts';

export const SERVER_TLS_PROFILES = ['valid', 'expired', 'wrong-name', 'untrusted', 'self-signed'] as const;
export type ServerTlsProfile = (typeof SERVER_TLS_PROFILES)[number];

/** The only name the `wrong-name` certificate carries. */
export const WRONG_HOST_NAME = 'nom-errone.simulateur.test';

/** What the endpoints need (EndpointTls key and cert). */
export interface ServerTlsMaterial {
  readonly key: string;
  readonly cert: string;
}

/** The PEM of ensurePki() that the profiles derive from. */
export interface ServerPkiMaterial {
  readonly caCertPem: string;
  readonly caKeyPem: string;
  readonly serverCertPem: string;
  readonly serverKeyPem: string;
}

export class UnknownTlsProfileError extends Error {
  readonly code = 'MSS_SIM_PKI_UNKNOWN_TLS_PROFILE';
  constructor(profile: string) {
    super(`Profil TLS « ${profile} » inconnu : valeurs possibles ${SERVER_TLS_PROFILES.join(', ')}.`);
    this.name = 'UnknownTlsProfileError';
  }
}

export function isServerTlsProfile(value: string): value is ServerTlsProfile {
  return (SERVER_TLS_PROFILES as readonly string[]).includes(value);
}

const cache = new WeakMap<ServerPkiMaterial, Map<ServerTlsProfile, Promise<KeyAndCertificate>>>();

export async function resolveServerTls(pki: ServerPkiMaterial, profile: ServerTlsProfile, options: { readonly now?: () => Date } = {}): Promise<ServerTlsMaterial> {
  if (!isServerTlsProfile(profile)) throw new UnknownTlsProfileError(String(profile));
  if (profile === 'valid') return { key: pki.serverKeyPem, cert: pki.serverCertPem };
  let profiles = cache.get(pki);
  if (!profiles) cache.set(pki, (profiles = new Map()));
  let pair = profiles.get(profile);
  if (!pair) {
    pair = generate(pki, profile, (options.now ?? (() => new Date()))());
    profiles.set(profile, pair);
    pair.catch(() => profiles.delete(profile)); // a failed generation is retried next time
  }
  const { keyPem, certPem } = await pair;
  return { key: keyPem, cert: certPem };
}

async function generate(pki: ServerPkiMaterial, profile: Exclude<ServerTlsProfile, 'valid'>, now: Date): Promise<KeyAndCertificate> {
  const names = serverNames(pki.serverCertPem);
  const current = { notBefore: new Date(now.getTime() - CLOCK_SKEW_MS), notAfter: new Date(now.getTime() + 365 * DAY_MS) };
  const same = await serverKey(pki);
  switch (profile) {
    case 'expired':
      return issueServerCertificate(await signerOf(caOf(pki)), names, { notBefore: new Date(now.getTime() - 400 * DAY_MS), notAfter: new Date(now.getTime() - DAY_MS) }, same);
    case 'wrong-name':
      return issueServerCertificate(await signerOf(caOf(pki)), { dns: [WRONG_HOST_NAME], ips: [] }, current, same);
    case 'untrusted': {
      const stranger = await generateCa(now, UNTRUSTED_CA_SUBJECT);
      return issueServerCertificate(await signerOf(stranger), names, current, same);
    }
    case 'self-signed':
      return selfSignedServerCertificate(names, current);
  }
}

/** The untrusted profile's issuer looks like the test CA but is another one. */
const UNTRUSTED_CA_SUBJECT: x509.JsonName = [{ C: ['FR'] }, { O: ['Autorité inconnue'] }, { CN: ["AC étrangère à l'espace de confiance MSSanté"] }];

/** A leaf that signs itself: serverAuth, the right names, no issuer to chain to. */
async function selfSignedServerCertificate(names: SubjectAltNames, validity: Validity): Promise<KeyAndCertificate> {
  const keys = await generateRsaKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: [{ C: ['FR'] }, { O: ['Serveur autosigné'] }, { CN: [names.dns[0] ?? 'localhost'] }],
    notBefore: validity.notBefore,
    notAfter: validity.notAfter,
    keys,
    signingAlgorithm: RSA_KEY,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([...names.dns.map((value) => ({ type: 'dns' as const, value })), ...names.ips.map((value) => ({ type: 'ip' as const, value }))]),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportKeyPem(keys.privateKey) };
}

/** The valid server's key pair: its public key from its certificate, its private key as is. */
async function serverKey(pki: ServerPkiMaterial): Promise<ExistingServerKey> {
  const publicKey = await new x509.X509Certificate(pki.serverCertPem).publicKey.export(RSA_KEY, ['verify']);
  return { publicKey, keyPem: pki.serverKeyPem };
}

function caOf(pki: ServerPkiMaterial): KeyAndCertificate {
  return { certPem: pki.caCertPem, keyPem: pki.caKeyPem };
}

/** The DNS names of the valid server certificate (OpenSSL's `DNS:a, DNS:b, IP Address:…`), IP literals added back by serverSubjectAltNames. */
function serverNames(serverCertPem: string): SubjectAltNames {
  const san = new X509Certificate(serverCertPem).subjectAltName ?? '';
  const dns = san
    .split(', ')
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4));
  return serverSubjectAltNames(dns);
}
