// Access tokens of the simulated Pro Santé Connect: their claims, and their verification for
// the SMTP and IMAP endpoints (SC.MSS/CONF.07): signature (RS256, our key), issuer, audience,
// session not revoked (SC.MSS/CONF.10), not expired. Synchronous.
import { verifyJwt } from './compact-jwt.ts';
import { PSC_AUDIENCE } from './psc-constants.ts';
import type { PscSessions } from './psc-sessions.ts';
import type { SubjectClaims } from './psc-subject.ts';
import type { SigningKey } from './signing-key.ts';

export interface PscAccessTokenClaims extends SubjectClaims {
  readonly iss: string;
  readonly aud: string;
  readonly azp: string;
  readonly exp: number;
  readonly iat: number;
  readonly jti: string;
  readonly sid: string;
  readonly typ: 'Bearer';
  readonly scope: string;
}

export type AccessTokenFailure = 'token-invalid' | 'token-expired' | 'token-revoked';

export type AccessTokenCheck =
  | { readonly ok: true; readonly claims: PscAccessTokenClaims }
  | { readonly ok: false; readonly reason: AccessTokenFailure; /** French, never the token. */ readonly detail: string };

export interface VerifyContext {
  readonly key: SigningKey;
  readonly issuer: string;
  readonly sessions: PscSessions;
  readonly now: Date;
}

export function verifyAccessToken(token: string, context: VerifyContext): AccessTokenCheck {
  const checked = verifyJwt(token, context.key);
  if (!checked.ok) return { ok: false, reason: 'token-invalid', detail: checked.problem };
  const claims = checked.payload as Partial<PscAccessTokenClaims>;
  if (claims.iss !== context.issuer) return { ok: false, reason: 'token-invalid', detail: `émetteur inattendu (${String(claims.iss).slice(0, 100)})` };
  if (claims.aud !== PSC_AUDIENCE) return { ok: false, reason: 'token-invalid', detail: `audience inattendue (${PSC_AUDIENCE} attendue)` };
  if (typeof claims.exp !== 'number' || typeof claims.sid !== 'string') return { ok: false, reason: 'token-invalid', detail: 'revendications exp ou sid absentes' };
  const session = context.sessions.get(claims.sid);
  if (!session || session.revokedAt) return { ok: false, reason: 'token-revoked', detail: 'session Pro Santé Connect terminée' };
  if (context.now.getTime() >= claims.exp * 1000) return { ok: false, reason: 'token-expired', detail: `expiré depuis ${new Date(claims.exp * 1000).toISOString()}` };
  return { ok: true, claims: claims as PscAccessTokenClaims };
}
