// How a refused authentication reaches the SMTP client (the decision itself is the
// MailboxAuthenticator's, simulator/services/auth): XOAUTH2 keeps Google's protocol (a JSON challenge in
// a 334 line, the client answers with an empty line, then smtp-server's fixed 535 line,
// library-replies.ts), with `401` when the token itself is refused and `400` when it is valid
// but not for this mailbox; PLAIN and LOGIN get a catalogue reply. The French reason of every
// refusal goes to the journal.
import type { AuthFailureReason, AuthMethod } from '../../../services/auth/mailbox-authenticator.ts';
import { xoauth2Challenge, type Xoauth2Challenge } from '../library-replies.ts';
import { REPLIES } from '../replies.ts';
import type { SmtpReply } from '../smtp-reply.ts';

export type AuthRefusal = { readonly kind: 'reply'; readonly reply: SmtpReply } | { readonly kind: 'xoauth2-challenge'; readonly challenge: Xoauth2Challenge };

const TOKEN_REFUSED: ReadonlySet<AuthFailureReason> = new Set(['token-invalid', 'token-expired', 'token-revoked', 'bad-credentials']);

export function authRefusal(method: AuthMethod, reason: AuthFailureReason): AuthRefusal {
  if (method === 'XOAUTH2') return { kind: 'xoauth2-challenge', challenge: xoauth2Challenge(TOKEN_REFUSED.has(reason) ? '401' : '400') };
  return { kind: 'reply', reply: passwordReply(reason) };
}

function passwordReply(reason: AuthFailureReason): SmtpReply {
  switch (reason) {
    case 'password-auth-disabled':
      return REPLIES.passwordAuthDisabled;
    case 'client-certificate-required':
      return REPLIES.clientCertificateRequired;
    case 'client-certificate-mismatch':
      return REPLIES.clientCertificateMismatch;
    case 'tls-required':
      return REPLIES.startTlsRequired; // unreachable: AUTH is a disabled command before STARTTLS
    default:
      return REPLIES.invalidCredentials; // bad-credentials; token reasons cannot happen with a password
  }
}
