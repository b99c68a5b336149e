// Generation of the simulator's test PKI: a CA standing in for IGC-Santé (DOMAIN.md §1.2,
// SC.MSS/CONF.27) and a server certificate for the simulated hosts. RSA 2048 keys, because the
// cipher suites of SC.MSS/CONF.03 are all ECDHE-RSA / DHE-RSA. Pure apart from randomness.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const RSA_KEY: webcrypto.RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** Back-dating of notBefore, so that a client whose clock is slightly behind accepts the certificate. */
const CLOCK_SKEW_MS = 60 * 60 * 1000;
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

export interface KeyAndCertificate {
  readonly certPem: string;
  readonly keyPem: string;
}

/** The self-signed test CA: 10 years, may sign end-entity certificates only (pathLen 0). */
export async function generateCa(now: Date): Promise<KeyAndCertificate> {
  const keys = await generateRsaKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: CA_SUBJECT,
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
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await importKeyPem(ca.keyPem);
  const keys = await generateRsaKeys();
  const names = serverSubjectAltNames(hostNames);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: [{ C: ['FR'] }, { O: ['Simulateur MSSanté'] }, { CN: [names.dns[0] ?? 'localhost'] }],
    issuer: caCert.subjectName,
    notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter: new Date(now.getTime() + SERVER_VALIDITY_DAYS * DAY_MS),
    publicKey: keys.publicKey,
    signingKey: caKey,
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
      await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportKeyPem(keys.privateKey) };
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

async function generateRsaKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(RSA_KEY, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function exportKeyPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function importKeyPem(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(pem);
  return (await webcrypto.subtle.importKey('pkcs8', der, RSA_KEY, false, ['sign'])) as CryptoKey;
}

/** 16 random bytes, first bit cleared so that the DER INTEGER stays positive (RFC 5280 §4.1.2.2). */
function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return Buffer.from(bytes).toString('hex');
}
