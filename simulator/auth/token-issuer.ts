// Stand-in for Pro Santé Connect access tokens (DOMAIN.md §1.2, SC.MSS/CONF.07): opaque random
// bearer tokens bound to one mailbox, checked by the SMTP XOAUTH2 exchange. Issue 3 turns them
// into signed JWTs behind the same small interface (TokenVerifier).
import { randomBytes } from 'node:crypto';

export type TokenRejection = 'unknown' | 'expired' | 'wrong-mailbox' | 'revoked';

export type TokenCheck = { readonly valid: true } | { readonly valid: false; readonly reason: TokenRejection };

export interface IssuedToken {
  readonly token: string;
  readonly expiresAt: Date;
}

/** What the SMTP (and later IMAP) endpoints need: nothing but verification. */
export interface TokenVerifier {
  verify(token: string, mailbox: string): TokenCheck;
}

export interface TokenIssuerOptions {
  readonly now?: () => Date;
  /** Lifetime when `issue` is given none; PSC access tokens are short-lived. Default 3600 s. */
  readonly defaultTtlSeconds?: number;
}

interface TokenRecord {
  readonly mailbox: string;
  readonly expiresAt: number;
  revoked: boolean;
}

/** Expired tokens are kept this long (so that `verify` says `expired`, not `unknown`), then forgotten. */
const EXPIRED_RETENTION_MS = 24 * 60 * 60 * 1000;

export class TokenIssuer implements TokenVerifier {
  readonly #tokens = new Map<string, TokenRecord>();
  readonly #now: () => Date;
  readonly #defaultTtlSeconds: number;

  constructor(options: TokenIssuerOptions = {}) {
    this.#now = options.now ?? (() => new Date());
    this.#defaultTtlSeconds = options.defaultTtlSeconds ?? 3600;
  }

  /** A new 32-byte random token (base64url) for `mailbox`, valid `ttlSeconds` from now. */
  issue(mailbox: string, ttlSeconds: number = this.#defaultTtlSeconds): IssuedToken {
    if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) throw new RangeError(`token lifetime must be a positive number of seconds, got ${ttlSeconds}`);
    const now = this.#now().getTime();
    this.#forgetOldTokens(now);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + ttlSeconds * 1000;
    this.#tokens.set(token, { mailbox: mailbox.toLowerCase(), expiresAt, revoked: false });
    return { token, expiresAt: new Date(expiresAt) };
  }

  /** Mailboxes compare case-insensitively (simulator/domain/mss-address.ts decision). */
  verify(token: string, mailbox: string): TokenCheck {
    const record = this.#tokens.get(token);
    if (!record) return { valid: false, reason: 'unknown' };
    if (record.revoked) return { valid: false, reason: 'revoked' };
    if (this.#now().getTime() >= record.expiresAt) return { valid: false, reason: 'expired' };
    if (record.mailbox !== mailbox.toLowerCase()) return { valid: false, reason: 'wrong-mailbox' };
    return { valid: true };
  }

  /** Revokes a token (SC.MSS/CONF.10 scenarios); unknown tokens are ignored. */
  revoke(token: string): void {
    const record = this.#tokens.get(token);
    if (record) record.revoked = true;
  }

  clear(): void {
    this.#tokens.clear();
  }

  #forgetOldTokens(now: number): void {
    for (const [token, record] of this.#tokens) {
      if (now - record.expiresAt > EXPIRED_RETENTION_MS) this.#tokens.delete(token);
    }
  }
}
