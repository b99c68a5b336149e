// JWS compact serialisation with RS256 (RFC 7515 §7.1, RFC 7519), synchronous on node:crypto
// because the endpoints' authentication is synchronous (MailboxAuthenticator). Only what the
// simulated Pro Santé Connect issues is accepted: `alg` RS256 and the key's `kid`; `none`,
// HMAC and unknown keys are refused (RFC 8725 §3.1). The tests cross-check with jose.
import { sign, verify } from 'node:crypto';
import type { SigningKey } from './signing-key.ts';

/** Larger tokens are refused without parsing (ours are about 1 KiB). */
export const MAX_TOKEN_LENGTH = 8192;

export type JwtCheck = { readonly ok: true; readonly payload: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly problem: string };

export function signJwt(payload: object, key: SigningKey): string {
  const header = encode({ alg: 'RS256', typ: 'JWT', kid: key.kid });
  const body = encode(payload);
  const signature = sign('sha256', Buffer.from(`${header}.${body}`), key.privateKey).toString('base64url');
  return `${header}.${body}.${signature}`;
}

/** Checks form and signature only; claims (iss, aud, exp…) are the caller's business. */
export function verifyJwt(token: string, key: SigningKey): JwtCheck {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, problem: 'jeton trop long' };
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return { ok: false, problem: "ce n'est pas un JWT (trois parties base64url)" };
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = decode(headerPart);
  if (!header || header.alg !== 'RS256') return { ok: false, problem: 'algorithme de signature non accepté (RS256 attendu)' };
  if (header.kid !== key.kid) return { ok: false, problem: 'clé de signature inconnue (kid)' };
  if (!verify('sha256', Buffer.from(`${headerPart}.${payloadPart}`), key.publicKey, Buffer.from(signaturePart, 'base64url'))) {
    return { ok: false, problem: 'signature invalide' };
  }
  const payload = decode(payloadPart);
  return payload ? { ok: true, payload } : { ok: false, problem: 'contenu illisible' };
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
