// The IMAP response code for each authentication failure (RFC 5530 §3), so that a client can
// tell "bad credentials" from "token expired" from "TLS first", and the XOAUTH2 challenge
// status (Google's protocol: 401 for a token that is unknown, expired or revoked; 400 for a
// valid token used for a mailbox it does not open, as the SMTP submission endpoint does).
import type { AuthFailureReason } from '../../../services/auth/mailbox-authenticator.ts';

export const AUTH_FAILURE_CODES: Readonly<Record<AuthFailureReason, string>> = {
  'tls-required': 'PRIVACYREQUIRED', // RFC 5530: needs TLS first
  'bad-credentials': 'AUTHENTICATIONFAILED', // RFC 5530: wrong user or password
  'password-auth-disabled': 'AUTHENTICATIONFAILED', // strict operator: XOAUTH2 only (REG-AUTH-01)
  'token-invalid': 'AUTHENTICATIONFAILED', // bad signature, unknown issuer
  'token-expired': 'EXPIRED', // RFC 5530: the credential no longer grants access (SC.MSS/CONF.10)
  'token-revoked': 'EXPIRED', // same for a revoked PSC session (SC.MSS/CONF.10)
  'token-wrong-mailbox': 'AUTHORIZATIONFAILED', // RFC 5530: authenticated, but not for this mailbox
  'not-entitled': 'AUTHORIZATIONFAILED', // the professional may not use this mailbox
  'client-certificate-required': 'AUTHENTICATIONFAILED', // APP mailbox without certificate (SC.MSS/CONF.12)
  'client-certificate-mismatch': 'AUTHORIZATIONFAILED', // certificate of another organisation (SC.MSS/CONF.12)
};

export function xoauth2Status(reason: AuthFailureReason): '400' | '401' {
  return reason === 'token-wrong-mailbox' || reason === 'not-entitled' ? '400' : '401';
}
