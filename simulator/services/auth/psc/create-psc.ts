// The simulated Pro Santé Connect (REG-AUTH-01, REG-AUTH-03; SC.MSS/CONF.07, CONF.10): issues RS256 JWT
// access tokens (short-lived) and rotated refresh tokens for test professionals, verifies them
// for the SMTP and IMAP endpoints, revokes sessions. Memory only; clock injected. HTTP
// endpoints: simulator/web/routes/psc-routes.ts; entitlement: mailbox-entitlement.ts.

export type { AccessTokenCheck, AccessTokenFailure, PscAccessTokenClaims } from './access-token.ts';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { TrustSpaceView } from '../../../domain/trust-space-view.ts';
import { verifyAccessToken, type AccessTokenCheck, type PscAccessTokenClaims } from './access-token.ts';
import { signJwt, verifyJwt } from './compact-jwt.ts';
import { discoveryDocument, type DiscoveryDocument } from './discovery-document.ts';
import {
  DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
  DEFAULT_CLIENT_ID,
  DEFAULT_REFRESH_TOKEN_TTL_SECONDS,
  MAX_TOKEN_TTL_SECONDS,
  PSC_AUDIENCE,
  PSC_TEST_PASSWORD,
} from './psc-constants.ts';
import { pscGrantErrors, type PscGrantError } from './psc-grant-error.ts';
import { PscSessions, type PscSession, type RevocationCause } from './psc-sessions.ts';
import { subjectClaims, subjectForLogin, subjectForMailbox, type SubjectLookup } from './psc-subject.ts';
import type { TokenLifecycle } from '../../../observation/observation.ts';
import { processSigningKey, type PublicJwk, type SigningKey } from './signing-key.ts';

export interface PscOptions {
  readonly view: () => TrustSpaceView;
  /** Base URL + PSC_REALM_PATH; a function when the HTTP port is known only after start. */
  readonly issuer: string | (() => string);
  readonly now?: () => Date;
  readonly accessTokenTtlSeconds?: number;
  readonly refreshTokenTtlSeconds?: number;
  /** Password of every test professional for the `password` grant; default PSC_TEST_PASSWORD. */
  readonly testPassword?: string;
  /** Default: the process's RSA 2048 key (signing-key.ts), in memory, made on first use. */
  readonly signingKey?: SigningKey;
  /** Told of each session opened, refreshed or revoked (`token` observations). */
  readonly observe?: (event: TokenLifecycle) => void;
}

export interface IssuedTokens {
  readonly accessToken: string;
  readonly expiresAt: Date;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly refreshExpiresIn: number;
  readonly sessionId: string;
  readonly claims: PscAccessTokenClaims;
}

export interface PscSessionSummary {
  readonly sessionId: string;
  readonly login: string;
  readonly name: string;
  readonly idNat: string | null;
  readonly mailbox: string | null;
  readonly clientId: string;
  readonly createdAt: string;
  readonly refreshExpiresAt: string;
  readonly revokedAt: string | null;
  readonly revocationCause: RevocationCause | null;
}

export interface Psc {
  issuer(): string;
  discovery(): DiscoveryDocument;
  jwks(): { readonly keys: readonly PublicJwk[] };
  passwordGrant(username: string, password: string, clientId?: string): IssuedTokens;
  refreshGrant(refreshToken: string, clientId?: string): IssuedTokens;
  mailboxGrant(mailbox: string, options?: { readonly clientId?: string; readonly ttlSeconds?: number }): IssuedTokens;
  /** Keycloak logout: ends the session of a current refresh token; PscGrantError otherwise. */
  logout(refreshToken: string): void;
  /** RFC 7009: a refresh or access token; unknown tokens are ignored (§2.2). */
  revokeToken(token: string): void;
  revokeSession(sessionId: string, cause?: RevocationCause): boolean;
  sessions(): readonly PscSessionSummary[];
  verifyAccessToken(token: string): AccessTokenCheck;
  onSessionRevoked(listener: (sessionId: string) => void): void;
  /** Reset: every session revoked (listeners told) and forgotten. */
  clear(): void;
}

export function createPsc(options: PscOptions): Psc {
  const now = options.now ?? (() => new Date());
  // Made on first use (a 2048-bit RSA key costs a few hundred ms of CPU): a simulator that
  // never signs nor checks a token never pays for it.
  let generated: SigningKey | undefined = options.signingKey;
  const key = (): SigningKey => (generated ??= processSigningKey());
  const issuer = typeof options.issuer === 'string' ? () => options.issuer as string : options.issuer;
  const accessTtl = options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  const refreshTtl = options.refreshTokenTtlSeconds ?? DEFAULT_REFRESH_TOKEN_TTL_SECONDS;
  const testPassword = Buffer.from(options.testPassword ?? PSC_TEST_PASSWORD, 'utf8');
  const sessions = new PscSessions(now);
  if (options.observe) sessions.onRevoked((sessionId) => options.observe?.({ type: 'token', event: 'revoked', sessionId }));

  const issue = (session: PscSession, refreshToken: string): IssuedTokens => {
    const issuedAt = Math.floor(now().getTime() / 1000);
    const claims: PscAccessTokenClaims = {
      ...subjectClaims(session.subject),
      iss: issuer(),
      aud: PSC_AUDIENCE,
      azp: session.clientId,
      iat: issuedAt,
      exp: issuedAt + session.accessTtlSeconds,
      jti: randomUUID(),
      sid: session.sid,
      typ: 'Bearer',
      scope: 'openid',
    };
    const refreshExpiresIn = Math.max(0, Math.round((session.refreshExpiresAt - now().getTime()) / 1000));
    return { accessToken: signJwt(claims, key()), expiresAt: new Date(claims.exp * 1000), expiresIn: session.accessTtlSeconds, refreshToken, refreshExpiresIn, sessionId: session.sid, claims };
  };
  const open = (lookup: SubjectLookup, shown: string, clientId: string, ttl: number): IssuedTokens => {
    if (!lookup.ok) throw refusal(lookup.refusal, shown);
    const session = sessions.open(lookup.subject, clientId, ttl, refreshTtl);
    options.observe?.({ type: 'token', event: 'issued', sessionId: session.sid, subject: shown });
    return issue(session, session.refreshToken);
  };

  return {
    issuer,
    discovery: () => discoveryDocument(issuer()),
    jwks: () => ({ keys: [key().jwk] }),
    passwordGrant(username, password, clientId = DEFAULT_CLIENT_ID) {
      const given = Buffer.from(password, 'utf8');
      const lookup = subjectForLogin(username, options.view());
      if (given.length !== testPassword.length || !timingSafeEqual(given, testPassword)) throw pscGrantErrors.badCredentials();
      if (!lookup.ok && lookup.refusal === 'unknown-user') throw pscGrantErrors.badCredentials();
      return open(lookup, username, clientId, accessTtl);
    },
    refreshGrant(refreshToken, clientId = DEFAULT_CLIENT_ID) {
      const session = liveSession(sessions, refreshToken, now());
      if (session.clientId !== clientId) throw pscGrantErrors.otherClient();
      options.observe?.({ type: 'token', event: 'refreshed', sessionId: session.sid });
      return issue(session, sessions.rotate(session, refreshTtl));
    },
    mailboxGrant(mailbox, grant = {}) {
      const ttl = grant.ttlSeconds ?? accessTtl;
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TOKEN_TTL_SECONDS) throw pscGrantErrors.badParameter('ttl_seconds', `un entier de 1 à ${MAX_TOKEN_TTL_SECONDS}`);
      return open(subjectForMailbox(mailbox, options.view()), mailbox, grant.clientId ?? DEFAULT_CLIENT_ID, ttl);
    },
    logout(refreshToken) {
      sessions.revoke(liveSession(sessions, refreshToken, now()).sid, 'logout');
    },
    revokeToken(token) {
      const lookup = sessions.byRefreshToken(token);
      if (lookup.kind !== 'unknown') sessions.revoke(lookup.session.sid, 'revocation-endpoint');
      const access = verifyJwt(token, key());
      if (access.ok && typeof access.payload.sid === 'string') sessions.revoke(access.payload.sid, 'revocation-endpoint');
    },
    revokeSession: (sessionId, cause = 'control-api') => sessions.revoke(sessionId, cause),
    sessions: () => sessions.list().map(summary),
    verifyAccessToken: (token) => verifyAccessToken(token, { key: key(), issuer: issuer(), sessions, now: now() }),
    onSessionRevoked: (listener) => sessions.onRevoked(listener),
    clear: () => sessions.clear(),
  };
}

/** The session of a current refresh token, or the RFC 6749 §5.2 refusal (a retired token revokes its session). */
function liveSession(sessions: PscSessions, refreshToken: string, now: Date): PscSession {
  const lookup = sessions.byRefreshToken(refreshToken);
  if (lookup.kind === 'unknown') throw pscGrantErrors.unknownRefreshToken();
  if (lookup.session.revokedAt) throw pscGrantErrors.sessionRevoked();
  if (lookup.kind === 'retired') {
    sessions.revoke(lookup.session.sid, 'refresh-token-reuse');
    throw pscGrantErrors.refreshTokenReused();
  }
  if (now.getTime() >= lookup.session.refreshExpiresAt) throw pscGrantErrors.refreshTokenExpired();
  return lookup.session;
}

function refusal(kind: 'unknown-user' | 'unknown-mailbox' | 'app-mailbox', shown: string): PscGrantError {
  if (kind === 'app-mailbox') return pscGrantErrors.appMailbox(shown);
  if (kind === 'unknown-mailbox') return pscGrantErrors.unknownMailbox(shown);
  return pscGrantErrors.badCredentials();
}

function summary(session: PscSession): PscSessionSummary {
  const claims = subjectClaims(session.subject);
  return {
    sessionId: session.sid,
    login: claims.preferred_username,
    name: claims.name,
    idNat: claims.SubjectNameID ?? null,
    mailbox: claims.mss_mailbox ?? null,
    clientId: session.clientId,
    createdAt: session.createdAt.toISOString(),
    refreshExpiresAt: new Date(session.refreshExpiresAt).toISOString(),
    revokedAt: session.revokedAt?.toISOString() ?? null,
    revocationCause: session.revocationCause ?? null,
  };
}
