// The sessions of the simulated Pro Santé Connect, in memory only (SC.MSS/CONF.28 asks the
// client not to persist tokens; the simulator keeps nothing across restarts either). A session
// is what a login opens: its access tokens carry its id (`sid`), its refresh token is rotated
// at each use (the previous one is retired; presenting a retired one revokes the session, OAuth
// 2.0 Security BCP, RFC 9700 §4.14.2). Revoking a session (logout, revocation endpoint, control
// API) makes every access token of it unusable and tells the listeners (SC.MSS/CONF.10).
import { randomBytes, randomUUID } from 'node:crypto';
import type { PscSubject } from './psc-subject.ts';

export type RevocationCause = 'logout' | 'revocation-endpoint' | 'control-api' | 'refresh-token-reuse' | 'reset';

export interface PscSession {
  readonly sid: string;
  readonly subject: PscSubject;
  readonly clientId: string;
  readonly createdAt: Date;
  /** Lifetime of the access tokens of this session. */
  readonly accessTtlSeconds: number;
  refreshToken: string;
  /** Epoch milliseconds. */
  refreshExpiresAt: number;
  revokedAt?: Date;
  revocationCause?: RevocationCause;
}

export type RefreshLookup =
  | { readonly kind: 'current'; readonly session: PscSession }
  | { readonly kind: 'retired'; readonly session: PscSession }
  | { readonly kind: 'unknown' };

/** Sessions whose refresh token expired this long ago are forgotten (memory stays bounded). */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export class PscSessions {
  readonly #sessions = new Map<string, PscSession>();
  /** Refresh token → sid, with whether it is still the current one. */
  readonly #refreshTokens = new Map<string, { readonly sid: string; current: boolean }>();
  readonly #listeners: ((sid: string) => void)[] = [];
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
  }

  open(subject: PscSubject, clientId: string, accessTtlSeconds: number, refreshTtlSeconds: number): PscSession {
    const now = this.#now();
    this.#forgetOld(now.getTime());
    const session: PscSession = { sid: randomUUID(), subject, clientId, createdAt: now, accessTtlSeconds, refreshToken: '', refreshExpiresAt: 0 };
    this.#sessions.set(session.sid, session);
    this.rotate(session, refreshTtlSeconds);
    return session;
  }

  /** A new refresh token for the session; the previous one is retired. */
  rotate(session: PscSession, refreshTtlSeconds: number): string {
    const previous = this.#refreshTokens.get(session.refreshToken);
    if (previous) previous.current = false;
    session.refreshToken = randomBytes(32).toString('base64url');
    session.refreshExpiresAt = this.#now().getTime() + refreshTtlSeconds * 1000;
    this.#refreshTokens.set(session.refreshToken, { sid: session.sid, current: true });
    return session.refreshToken;
  }

  get(sid: string): PscSession | undefined {
    return this.#sessions.get(sid);
  }

  byRefreshToken(token: string): RefreshLookup {
    const entry = this.#refreshTokens.get(token);
    const session = entry ? this.#sessions.get(entry.sid) : undefined;
    if (!entry || !session) return { kind: 'unknown' };
    return { kind: entry.current ? 'current' : 'retired', session };
  }

  /** `true` when the session was live and is now revoked; listeners are told once. */
  revoke(sid: string, cause: RevocationCause): boolean {
    const session = this.#sessions.get(sid);
    if (!session || session.revokedAt) return false;
    session.revokedAt = this.#now();
    session.revocationCause = cause;
    for (const listener of this.#listeners) listener(sid);
    return true;
  }

  list(): readonly PscSession[] {
    return [...this.#sessions.values()];
  }

  onRevoked(listener: (sid: string) => void): void {
    this.#listeners.push(listener);
  }

  /** Reset of the trust space: live sessions are revoked (listeners told), then everything is forgotten. */
  clear(): void {
    for (const session of this.#sessions.values()) this.revoke(session.sid, 'reset');
    this.#sessions.clear();
    this.#refreshTokens.clear();
  }

  #forgetOld(now: number): void {
    for (const session of this.#sessions.values()) {
      if (now - session.refreshExpiresAt <= FORGET_AFTER_MS) continue;
      this.#sessions.delete(session.sid);
      for (const [token, entry] of this.#refreshTokens) if (entry.sid === session.sid) this.#refreshTokens.delete(token);
    }
  }
}
