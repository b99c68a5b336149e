// The submission endpoint, where a vendor's client sends mail as its MSSanté operator would
// receive it (REG-SMTP-01 to REG-SMTP-03, REG-AUTH; SC.MSS/CONF.05, CONF.07, CONF.12):
// - STARTTLS required: before TLS, AUTH is neither advertised nor accepted (it is disabled for
//   the session, so smtp-server answers `500 Error: command not recognized`), and MAIL gets
//   `530 5.7.0` (RFC 3207 §4); a client certificate is requested (not required) when the TLS
//   settings name a client CA, for APP mailboxes;
// - AUTH decided by the MailboxAuthenticator (XOAUTH2 with simulated Pro Santé Connect tokens;
//   PLAIN/LOGIN with fixture passwords while password AUTH is on; APP mailboxes: client
//   certificate then PLAIN). Advertised per connection from the settings: `PLAIN LOGIN XOAUTH2`,
//   or, password AUTH off, `PLAIN XOAUTH2` (PLAIN kept for APP mailboxes, SC.MSS/CONF.12) or
//   `XOAUTH2` alone when no client CA is configured;
// - a connection whose PSC session is revoked after AUTH can no longer send (SC.MSS/CONF.10);
// - the 5th failed AUTH of a connection is answered 421 and the connection closed (REG-AUTH-07);
// - envelope sender and From header = the authenticated mailbox; recipients checked at RCPT;
//   SIZE advertised and enforced; DSN, 8BITMIME, SMTPUTF8, PIPELINING advertised.
import { sameAddress } from '../../domain/address-key.ts';
import type { PeerCertificate } from 'node:tls';
import type { SMTPServerAuthentication, SMTPServerSession } from 'smtp-server';
import { MAX_AUTH_FAILURES } from '../../services/auth/auth-failure-limit.ts';
import type { AuthMethod, MailboxAuthenticator } from '../../services/auth/mailbox-authenticator.ts';
import type { AuthCallback, EndpointRole, ObserveConnection } from './endpoint-role.ts';
import { authRefusal } from './policies/auth-refusal.ts';
import { acceptFromHeader } from './policies/accept-from-header.ts';
import { ACCEPTED } from './policies/verdict.ts';
import { REPLIES } from './replies.ts';
import { smtpError } from './smtp-reply.ts';
import { SmtpEndpoint } from './smtp-endpoint.ts';
import type { SmtpEndpointOptions } from './smtp-endpoint-options.ts';
import { tlsServerOptions, type EndpointTls } from './tls-settings.ts';

export interface SubmissionEndpointOptions extends SmtpEndpointOptions {
  readonly tls: EndpointTls;
  /** How AUTH is decided (createMailboxAuthenticator, simulator/services/auth). */
  readonly authenticator: MailboxAuthenticator;
}

const WITH_PASSWORDS = ['PLAIN', 'LOGIN', 'XOAUTH2'];
const STRICT_WITH_APP = ['PLAIN', 'XOAUTH2'];
const TOKENS_ONLY = ['XOAUTH2'];

export function createSubmissionEndpoint(options: SubmissionEndpointOptions): SmtpEndpoint {
  return new SmtpEndpoint(submissionRole(options), options);
}


function submissionRole(options: SubmissionEndpointOptions): EndpointRole {
  const { authenticator } = options;
  const certificates = new WeakMap<SMTPServerSession, PeerCertificate>();
  // Each AUTH and each end of a session takes the next number: a connection is cut when its
  // session ended after it authenticated; one authenticated since (CONF.11: the tokens of an
  // ended, not revoked, session stay valid) may send.
  let sequence = 0;
  const authSessions = new WeakMap<SMTPServerSession, { readonly sessionId: string; readonly at: number }>();
  const authFailures = new WeakMap<SMTPServerSession, number>();
  const endedAt = new Map<string, number>();
  authenticator.onSessionRevoked((sessionId) => endedAt.set(sessionId, ++sequence));
  const mailboxOf = (session: SMTPServerSession): string | undefined => (typeof session.user === 'string' ? session.user : undefined);
  const strictMethods = options.tls.clientCa !== undefined ? STRICT_WITH_APP : TOKENS_ONLY;
  return {
    name: 'submission',
    ingress: 'submission',
    serverOptions: () => ({ ...tlsServerOptions(options.tls), authOptional: true, authMethods: WITH_PASSWORDS, disabledCommands: [] }),
    onConnect(session, server) {
      server.options.authMethods = options.settings.passwordAuth ? WITH_PASSWORDS : strictMethods;
      if (!session.secure) session.disabledCommands = ['AUTH'];
    },
    onSecure(session, socket) {
      delete session.disabledCommands;
      const peer = socket.getPeerCertificate();
      if (peer.raw) certificates.set(session, peer);
    },
    onAuth(auth, session, observe, callback) {
      // Every failure counts (bad credentials, the XOAUTH2 challenge of a refused token); the last
      // allowed one is answered 421, which makes smtp-server close the connection (REG-AUTH-07).
      const counted: AuthCallback = (error, response) => {
        if (error || response?.user === undefined) {
          const failures = (authFailures.get(session) ?? 0) + 1;
          authFailures.set(session, failures);
          if (failures >= MAX_AUTH_FAILURES) {
            callback(smtpError(REPLIES.tooManyAuthFailures(MAX_AUTH_FAILURES)));
            return;
          }
        }
        callback(error, response);
      };
      const result = authenticate(auth, session, { authenticator, certificate: certificates.get(session), observe, callback: counted });
      if (result !== undefined) authSessions.set(session, { sessionId: result, at: ++sequence });
    },
    senderContext: (session) => {
      const mailbox = mailboxOf(session);
      const authSession = authSessions.get(session);
      const sessionRevoked = authSession !== undefined && (endedAt.get(authSession.sessionId) ?? -1) > authSession.at;
      return { endpoint: 'submission', secure: session.secure, ...(mailbox !== undefined ? { authenticatedMailbox: mailbox, sessionRevoked } : {}) };
    },
    checkMessage: (index, session) => {
      const mailbox = mailboxOf(session);
      return mailbox === undefined ? ACCEPTED : acceptFromHeader(index, mailbox);
    },
    authenticatedMailbox: mailboxOf,
  };
}

interface AuthContext {
  readonly authenticator: MailboxAuthenticator;
  readonly certificate: PeerCertificate | undefined;
  readonly observe: ObserveConnection;
  readonly callback: AuthCallback;
}

/** Answers the AUTH exchange; returns the authenticated session id on success. */
function authenticate(auth: SMTPServerAuthentication, session: SMTPServerSession, context: AuthContext): string | undefined {
  const { observe, callback } = context;
  const method = auth.method as AuthMethod; // only the three advertised methods reach onAuth
  const username = auth.username ?? '';
  if (method !== 'XOAUTH2' && auth.authzid && !sameAddress(auth.authzid, username)) {
    observe?.({ type: 'auth', protocol: 'smtp', mechanism: method, identity: username, outcome: 'failure', reason: 'bad-credentials', message: "identité d'autorisation différente de l'identifiant" });
    callback(smtpError(REPLIES.invalidCredentials));
    return undefined;
  }
  const result = context.authenticator.authenticate({
    method,
    mailbox: username,
    ...(method === 'XOAUTH2' ? { token: auth.accessToken ?? '' } : { password: auth.password ?? '' }),
    ...(context.certificate ? { clientCertificate: context.certificate } : {}),
    secure: session.secure,
    protocol: 'smtp',
  });
  if (result.ok) {
    observe?.({ type: 'auth', protocol: 'smtp', mechanism: method, identity: username, outcome: 'success', mailbox: result.mailbox, ...(result.sessionId !== undefined ? { sessionId: result.sessionId } : {}) });
    callback(null, { user: result.mailbox });
    return result.sessionId;
  }
  observe?.({ type: 'auth', protocol: 'smtp', mechanism: method, identity: username, outcome: 'failure', reason: result.reason, message: result.message });
  const refusal = authRefusal(method, result.reason);
  if (refusal.kind === 'xoauth2-challenge') callback(null, { data: refusal.challenge });
  else callback(smtpError(refusal.reply)); // the fact above already explains
  return undefined;
}
