// How the SMTP and IMAP endpoints authenticate a client as a mailbox (SC.MSS/CONF.07, CONF.12;
// REG-AUTH-01, REG-AUTH-05): one decision for both protocols. Implemented by the auth module
// (Pro Santé Connect stand-in, passwords, client certificates); consumed by the endpoints.
import type { PeerCertificate } from 'node:tls';

export type AuthMethod = 'PLAIN' | 'LOGIN' | 'XOAUTH2';

export interface AuthRequest {
  readonly method: AuthMethod;
  /** The mailbox the client claims (PLAIN/LOGIN user, XOAUTH2 `user=`). */
  readonly mailbox: string;
  readonly password?: string;
  /** XOAUTH2 bearer token (a JWT of the simulated Pro Santé Connect). */
  readonly token?: string;
  /** The TLS client certificate, when the client presented one (APP mailboxes, SC.MSS/CONF.12). */
  readonly clientCertificate?: PeerCertificate;
  /** The connection is under TLS (STARTTLS done, or implicit TLS). */
  readonly secure: boolean;
  /** `smtp` or `imap`, for the journal and for messages. */
  readonly protocol: 'smtp' | 'imap';
}

export type AuthFailureReason =
  | 'tls-required'
  | 'bad-credentials'
  | 'password-auth-disabled'
  | 'token-invalid'
  | 'token-expired'
  | 'token-revoked'
  | 'token-wrong-mailbox'
  | 'not-entitled'
  | 'client-certificate-required'
  | 'client-certificate-mismatch';

export type AuthResult =
  | {
      readonly ok: true;
      /** Canonical mailbox address (as in the fixtures). */
      readonly mailbox: string;
      /** Identifies the authenticated session (the PSC session `sid` for XOAUTH2, shared by refreshed tokens), so that revocation can end it. */
      readonly sessionId: string;
    }
  | {
      readonly ok: false;
      readonly reason: AuthFailureReason;
      /** French, for the client's user and the journal (never contains a secret). */
      readonly message: string;
    };

export interface MailboxAuthenticator {
  authenticate(request: AuthRequest): AuthResult;
  /** Called with the session id when the control API revokes a session (SC.MSS/CONF.10, CONF.11). */
  onSessionRevoked(listener: (sessionId: string) => void): void;
}
