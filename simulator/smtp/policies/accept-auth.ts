// AUTH policy of the submission endpoint (DOMAIN.md §1.2, A3):
// - XOAUTH2 (SC.MSS/CONF.07): the bearer token must be valid for the mailbox named in `user=`;
//   a refusal is a Google-style JSON challenge (the library then answers 535);
// - PLAIN / LOGIN with the mailbox's fixture password, only while password AUTH is enabled
//   (a strict operator offers XOAUTH2 only); no proxy authorisation (authzid ≠ authcid).
import { timingSafeEqual } from 'node:crypto';
import type { TokenRejection, TokenVerifier } from '../../auth/token-issuer.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import { xoauth2Challenge, type Xoauth2Challenge } from '../library-replies.ts';
import { REPLIES } from '../replies.ts';
import type { SmtpReply } from '../smtp-reply.ts';

export type AuthAttempt =
  | { readonly method: 'PLAIN' | 'LOGIN'; readonly username: string; readonly password: string; readonly authzid?: string }
  | { readonly method: 'XOAUTH2'; readonly username: string; readonly accessToken: string };

export type AuthFailureReason =
  | 'unknown-mailbox'
  | 'wrong-password'
  | 'password-auth-disabled'
  | 'authzid-mismatch'
  | `token-${TokenRejection}`;

/** French wording of each failure, for the journal (vendor-facing evidence). */
export const AUTH_FAILURE_LABELS: Readonly<Record<AuthFailureReason, string>> = {
  'unknown-mailbox': 'boîte aux lettres inconnue',
  'wrong-password': 'mot de passe incorrect',
  'password-auth-disabled': 'authentification par mot de passe désactivée',
  'authzid-mismatch': "identité d'autorisation différente de l'identifiant",
  'token-unknown': 'jeton inconnu',
  'token-expired': 'jeton expiré',
  'token-wrong-mailbox': 'jeton délivré pour une autre boîte aux lettres',
  'token-revoked': 'jeton révoqué',
};

export type AuthRefusal = { readonly kind: 'reply'; readonly reply: SmtpReply } | { readonly kind: 'xoauth2-challenge'; readonly challenge: Xoauth2Challenge };

export type AuthVerdict =
  | { readonly accepted: true; /** Canonical address from the fixtures. */ readonly mailbox: string }
  | { readonly accepted: false; readonly reason: AuthFailureReason; readonly refusal: AuthRefusal };

export interface AuthContext {
  readonly view: TrustSpaceView;
  readonly tokens: TokenVerifier;
  readonly passwordAuth: boolean;
}

export function acceptAuth(attempt: AuthAttempt, context: AuthContext): AuthVerdict {
  return attempt.method === 'XOAUTH2' ? acceptToken(attempt.username, attempt.accessToken, context) : acceptPassword(attempt, context);
}

function acceptToken(username: string, token: string, context: AuthContext): AuthVerdict {
  const mailbox = context.view.mailbox(username);
  if (!mailbox) return { accepted: false, reason: 'unknown-mailbox', refusal: challenge('401') };
  const check = context.tokens.verify(token, mailbox.address);
  if (!check.valid) return { accepted: false, reason: `token-${check.reason}`, refusal: challenge(check.reason === 'wrong-mailbox' ? '400' : '401') };
  return { accepted: true, mailbox: mailbox.address };
}

function acceptPassword(attempt: Extract<AuthAttempt, { method: 'PLAIN' | 'LOGIN' }>, context: AuthContext): AuthVerdict {
  if (!context.passwordAuth) return passwordRefusal('password-auth-disabled');
  if (attempt.authzid && attempt.authzid.toLowerCase() !== attempt.username.toLowerCase()) return passwordRefusal('authzid-mismatch');
  const mailbox = context.view.mailbox(attempt.username);
  if (!mailbox) return passwordRefusal('unknown-mailbox');
  if (!sameSecret(attempt.password, mailbox.password)) return passwordRefusal('wrong-password');
  return { accepted: true, mailbox: mailbox.address };
}

function passwordRefusal(reason: AuthFailureReason): AuthVerdict {
  return { accepted: false, reason, refusal: { kind: 'reply', reply: REPLIES.invalidCredentials } };
}

function challenge(status: '400' | '401'): AuthRefusal {
  return { kind: 'xoauth2-challenge', challenge: xoauth2Challenge(status) };
}

/** Constant-time comparison of two secrets (length still leaks, which is fine for test fixtures). */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
