// Shared building blocks of the test PKI (generate-certificates.ts, client and negative
// certificates): RSA 2048 keys (the cipher suites of SC.MSS/CONF.03 are all ECDHE-RSA /
// DHE-RSA), PKCS#8 PEM import and export, random serial numbers. @peculiar/x509 on WebCrypto.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export const RSA_KEY: webcrypto.RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Back-dating of notBefore, so that a client whose clock is slightly behind accepts the certificate. */
export const CLOCK_SKEW_MS = 60 * 60 * 1000;

export interface KeyAndCertificate {
  readonly certPem: string;
  readonly keyPem: string;
}

export async function generateRsaKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(RSA_KEY, true, ['sign', 'verify'])) as CryptoKeyPair;
}

export async function exportKeyPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

export async function importKeyPem(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(pem);
  return (await webcrypto.subtle.importKey('pkcs8', der, RSA_KEY, false, ['sign'])) as CryptoKey;
}

/** 16 random bytes, first bit cleared so that the DER INTEGER stays positive (RFC 5280 §4.1.2.2). */
export function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return Buffer.from(bytes).toString('hex');
}

/** The CA as a signer: its parsed certificate and its private key. */
export interface Signer {
  readonly cert: x509.X509Certificate;
  readonly key: CryptoKey;
}

export async function signerOf(ca: KeyAndCertificate): Promise<Signer> {
  return { cert: new x509.X509Certificate(ca.certPem), key: await importKeyPem(ca.keyPem) };
}

export { x509 };
