// Generation of the simulator's test PKI: a CA standing in for IGC-Santé (REG-TLS-04,
// SC.MSS/CONF.27) and a server certificate for the simulated hosts. RSA 2048 keys, because the
// cipher suites of SC.MSS/CONF.03 are all ECDHE-RSA / DHE-RSA. Pure apart from randomness.
import { isIP } from 'node:net';
import { CLOCK_SKEW_MS, DAY_MS, RSA_KEY, exportKeyPem, generateRsaKeys, randomSerial, signerOf, x509, type CryptoKey, type CryptoKeyPair, type KeyAndCertificate, type Signer } from './x509-tools.ts';

export type { KeyAndCertificate } from './x509-tools.ts';

export const CA_VALIDITY_DAYS = 3650; // 10 years
export const SERVER_VALIDITY_DAYS = 730; // 2 years

/**
 * Subject of the CA. X.520 bounds a commonName to 64 characters, so the long French name
 * « Autorité de certification de test du simulateur MSSanté (IGC-Santé simulée) » is split
 * between CN and OU.
 */
export const CA_SUBJECT: x509.JsonName = [
  { C: ['FR'] },
  { O: ['Simulateur MSSanté'] },
  { OU: ['Autorité de certification de test'] },
  { CN: ['AC de test du simulateur MSSanté (IGC-Santé simulée)'] },
];

/** The self-signed test CA: 10 years, may sign end-entity certificates only (pathLen 0). */
export async function generateCa(now: Date, subject: x509.JsonName = CA_SUBJECT): Promise<KeyAndCertificate> {
  const keys = await generateRsaKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: subject,
    notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
    keys,
    signingAlgorithm: RSA_KEY,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportKeyPem(keys.privateKey) };
}

/**
 * A server certificate signed by the CA: 2 years, serverAuth, SAN = the host names plus
 * `localhost`, 127.0.0.1 and ::1 (clients check the SAN, never the CN: RFC 6125 §6.4.4).
 */
export async function generateServerCertificate(ca: KeyAndCertificate, hostNames: readonly string[], now: Date): Promise<KeyAndCertificate> {
  const notBefore = new Date(now.getTime() - CLOCK_SKEW_MS);
  const notAfter = new Date(now.getTime() + SERVER_VALIDITY_DAYS * DAY_MS);
  return issueServerCertificate(await signerOf(ca), serverSubjectAltNames(hostNames), { notBefore, notAfter });
}

export interface Validity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** A serverAuth certificate with exactly these names and dates, signed by `signer` (also used for the negative TLS profiles). */
/** An existing key pair to certify again (a negative profile of the same server), instead of a new one. */
export interface ExistingServerKey {
  readonly publicKey: CryptoKey;
  readonly keyPem: string;
}

export async function issueServerCertificate(signer: Signer, names: SubjectAltNames, validity: Validity, existing?: ExistingServerKey): Promise<KeyAndCertificate> {
  const keys = existing ? { publicKey: existing.publicKey } : await generateRsaKeys();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: [{ C: ['FR'] }, { O: ['Simulateur MSSanté'] }, { CN: [names.dns[0] ?? names.ips[0] ?? 'localhost'] }],
    issuer: signer.cert.subjectName,
    notBefore: validity.notBefore,
    notAfter: validity.notAfter,
    publicKey: keys.publicKey,
    signingKey: signer.key,
    signingAlgorithm: RSA_KEY,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
        ...names.ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(signer.cert.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: existing ? existing.keyPem : await exportKeyPem((keys as CryptoKeyPair).privateKey) };
}

export interface SubjectAltNames {
  /** DNS names, lower-cased, deduplicated, in the given order, `localhost` last. */
  readonly dns: readonly string[];
  readonly ips: readonly string[];
}

/** The SAN the server certificate must carry for these host names (IP literals go to `ips`). */
export function serverSubjectAltNames(hostNames: readonly string[]): SubjectAltNames {
  const dns = new Set<string>();
  const ips = new Set<string>();
  for (const name of [...hostNames, 'localhost', '127.0.0.1', '::1']) {
    const trimmed = name.trim().toLowerCase();
    if (trimmed === '') continue;
    if (isIP(trimmed)) ips.add(trimmed);
    else dns.add(trimmed);
  }
  return { dns: [...dns], ips: [...ips] };
}
