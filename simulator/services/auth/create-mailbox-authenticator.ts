// The MailboxAuthenticator of the simulated operator (mailbox-authenticator.ts), one decision
// for SMTP and IMAP (REG-AUTH-01, REG-AUTH-05):
// - always under TLS (SC.MSS/CONF.05, CONF.06);
// - XOAUTH2 (SC.MSS/CONF.07): a simulated Pro Santé Connect access token, verified (signature,
//   issuer, audience, session not revoked, expiry), whose holder may use the claimed mailbox
//   (mailbox-entitlement.ts); the session id of a success is the PSC session (`sid`), shared by
//   the access tokens refreshed within it, so that revoking it ends every connection it opened;
// - APP mailboxes (SC.MSS/CONF.12): a TLS client certificate naming the mailbox, then PLAIN or
//   LOGIN with the mailbox address and its fixture password, whatever `passwordAuth` says;
// - PER/ORG/CAB mailboxes with PLAIN or LOGIN: the fixture password, only while
//   `settings.passwordAuth` (read at each attempt; off mimics a strict operator).
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Mailbox } from '../../domain/model.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import { authFailureMessages as say } from './auth-failure-messages.ts';
import { checkClientCertificate } from './client-certificate-check.ts';
import type { AuthFailureReason, AuthRequest, AuthResult, MailboxAuthenticator } from './mailbox-authenticator.ts';
import type { Psc } from './psc/create-psc.ts';
import type { TokenLifecycle } from '../../observation/observation.ts';
import { mailboxEntitlement } from './psc/mailbox-entitlement.ts';

export interface MailboxAuthenticatorOptions {
  readonly view: () => TrustSpaceView;
  readonly psc: Pick<Psc, 'verifyAccessToken' | 'onSessionRevoked'>;
  readonly settings: { readonly passwordAuth: boolean };
  /** PEM of the CA issuing the APP mailboxes' client certificates (the test CA of ensurePki). */
  readonly clientCertificateCa: string;
  readonly now?: () => Date;
  /** Told when the operator ends a session's connections (`token` observation, `connections-ended`). */
  readonly observe?: (event: TokenLifecycle) => void;
}

export interface SimulatedMailboxAuthenticator extends MailboxAuthenticator {
  /**
   * SC.MSS/CONF.11: the operator ends the connections of a session while its PSC tokens stay
   * valid (the client must reopen silently): the listeners are told, nothing is revoked.
   */
  endSession(sessionId: string): void;
}

export function createMailboxAuthenticator(options: MailboxAuthenticatorOptions): SimulatedMailboxAuthenticator {
  const now = options.now ?? (() => new Date());
  const listeners: ((sessionId: string) => void)[] = [];
  const tell = (sessionId: string) => {
    for (const listener of listeners) listener(sessionId);
  };
  options.psc.onSessionRevoked(tell);
  return {
    authenticate(request) {
      if (!request.secure) return failure('tls-required', say.tlsRequired());
      const view = options.view();
      if (request.method === 'XOAUTH2') return authenticateToken(request, view, options.psc);
      const mailbox = view.mailbox(request.mailbox);
      if (mailbox?.type === 'APP') return authenticateApplication(request, mailbox, options.clientCertificateCa, now());
      return authenticatePassword(request, mailbox, options.settings.passwordAuth);
    },
    onSessionRevoked(listener) {
      listeners.push(listener);
    },
    endSession(sessionId) {
      options.observe?.({ type: 'token', event: 'connections-ended', sessionId });
      tell(sessionId);
    },
  };
}

function authenticateToken(request: AuthRequest, view: TrustSpaceView, psc: MailboxAuthenticatorOptions['psc']): AuthResult {
  const check = psc.verifyAccessToken(request.token ?? '');
  if (!check.ok) {
    if (check.reason === 'token-revoked') return failure('token-revoked', say.tokenRevoked());
    return failure(check.reason, check.reason === 'token-expired' ? say.tokenExpired(check.detail) : say.tokenInvalid(check.detail));
  }
  const mailbox = view.mailbox(request.mailbox);
  if (!mailbox) return failure('bad-credentials', say.unknownMailbox(request.mailbox));
  const claims = check.claims;
  switch (mailboxEntitlement(claims, mailbox, view)) {
    case 'entitled':
      return { ok: true, mailbox: mailbox.address, sessionId: claims.sid };
    case 'app-mailbox':
      return failure('client-certificate-required', say.appMailboxToken(mailbox.address));
    case 'wrong-mailbox':
      return failure('token-wrong-mailbox', say.tokenWrongMailbox(claims.mss_mailbox ?? '', mailbox.address));
    case 'not-entitled':
      return failure('not-entitled', say.notEntitled(`${claims.name} (${claims.preferred_username})`, mailbox.address));
  }
}

function authenticateApplication(request: AuthRequest, mailbox: Mailbox, caPem: string, now: Date): AuthResult {
  const certificate = checkClientCertificate(request.clientCertificate, mailbox.address, caPem, now);
  if (!certificate.ok) {
    if (certificate.reason === 'client-certificate-required') return failure(certificate.reason, say.certificateRequired(mailbox.address));
    return failure(certificate.reason, say.certificateMismatch(mailbox.address, certificate.detail));
  }
  if (!sameSecret(request.password ?? '', mailbox.password)) return failure('bad-credentials', say.wrongPassword(mailbox.address));
  return { ok: true, mailbox: mailbox.address, sessionId: `certificat-${randomUUID()}` };
}

function authenticatePassword(request: AuthRequest, mailbox: Mailbox | undefined, passwordAuth: boolean): AuthResult {
  if (!passwordAuth) return failure('password-auth-disabled', say.passwordAuthDisabled(request.mailbox));
  if (!mailbox) return failure('bad-credentials', say.unknownMailbox(request.mailbox));
  if (!sameSecret(request.password ?? '', mailbox.password)) return failure('bad-credentials', say.wrongPassword(mailbox.address));
  return { ok: true, mailbox: mailbox.address, sessionId: `mot-de-passe-${randomUUID()}` };
}

function failure(reason: AuthFailureReason, message: string): AuthResult {
  return { ok: false, reason, message };
}

/** Constant-time comparison (length still leaks, which is fine for published test passwords). */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
