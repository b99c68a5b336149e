// The RSA key the simulated Pro Santé Connect signs its access tokens with (RS256, RFC 7518
// §3.3). Generated once per process and kept in memory only (decision): tokens do not survive a
// restart, like the sessions they belong to; nothing secret is written to disk. Trust spaces
// started one after the other in one process (tests, the fault matrix) share it, which saves a
// 2048-bit generation (a few hundred ms of CPU) per start; a token of one of them is still
// refused by another, whose sessions do not know its `sid`. The public
// half is published as a JWKS (RFC 7517) whose `kid` is the RFC 7638 thumbprint.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface PublicJwk {
  readonly kty: 'RSA';
  readonly n: string;
  readonly e: string;
  readonly kid: string;
  readonly use: 'sig';
  readonly alg: 'RS256';
}

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly kid: string;
  readonly jwk: PublicJwk;
}

let processKey: SigningKey | undefined;

/** The key of this process, generated on first use. */
export function processSigningKey(): SigningKey {
  processKey ??= generateSigningKey();
  return processKey;
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return signingKeyFrom(privateKey, publicKey);
}

export function signingKeyFrom(privateKey: KeyObject, publicKey: KeyObject): SigningKey {
  const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const kid = jwkThumbprint(n, e);
  return { privateKey, publicKey, kid, jwk: { kty: 'RSA', n, e, kid, use: 'sig', alg: 'RS256' } };
}

/** RFC 7638 §3: SHA-256 of the required members in lexicographic order, base64url. */
export function jwkThumbprint(n: string, e: string): string {
  return createHash('sha256').update(JSON.stringify({ e, kty: 'RSA', n })).digest('base64url');
}
