// The submission endpoint, where a vendor's client sends mail as its MSSanté operator would
// receive it (DOMAIN.md §1.2, A3; SC.MSS/CONF.05, CONF.07):
// - STARTTLS required: before TLS, AUTH is neither advertised nor accepted (it is disabled for
//   the session, so smtp-server answers `500 Error: command not recognized`), and MAIL gets
//   `530 5.7.0` (RFC 3207 §4);
// - AUTH XOAUTH2 with tokens of the simulated Pro Santé Connect, and PLAIN/LOGIN with fixture
//   passwords while password AUTH is enabled (advertised per connection from the settings);
// - envelope sender and From header = the authenticated mailbox; recipients checked at RCPT;
//   SIZE advertised and enforced; DSN, 8BITMIME, SMTPUTF8, PIPELINING advertised.
import type { SMTPServerSession } from 'smtp-server';
import type { TokenVerifier } from '../auth/token-issuer.ts';
import type { EndpointRole } from './endpoint-role.ts';
import { AUTH_FAILURE_LABELS, acceptAuth, type AuthAttempt } from './policies/accept-auth.ts';
import { acceptFromHeader } from './policies/accept-from-header.ts';
import { ACCEPTED } from './policies/verdict.ts';
import { REPLIES } from './replies.ts';
import { smtpError } from './smtp-reply.ts';
import { SmtpEndpoint } from './smtp-endpoint.ts';
import type { SmtpEndpointOptions } from './smtp-endpoint-options.ts';
import { tlsServerOptions, type EndpointTls } from './tls-settings.ts';

export interface SubmissionEndpointOptions extends SmtpEndpointOptions {
  readonly tls: EndpointTls;
  readonly tokens: TokenVerifier;
}

const WITH_PASSWORDS = ['PLAIN', 'LOGIN', 'XOAUTH2'];
const TOKENS_ONLY = ['XOAUTH2'];

export function createSubmissionEndpoint(options: SubmissionEndpointOptions): SmtpEndpoint {
  return new SmtpEndpoint(submissionRole(options), options);
}

function submissionRole(options: SubmissionEndpointOptions): EndpointRole {
  const mailboxOf = (session: SMTPServerSession): string | undefined => (typeof session.user === 'string' ? session.user : undefined);
  return {
    name: 'submission',
    ingress: 'submission',
    serverOptions: () => ({ ...tlsServerOptions(options.tls), authOptional: true, authMethods: WITH_PASSWORDS, disabledCommands: [] }),
    onConnect(session, server) {
      server.options.authMethods = options.settings.passwordAuth ? WITH_PASSWORDS : TOKENS_ONLY;
      if (!session.secure) session.disabledCommands = ['AUTH'];
    },
    onSecure(session) {
      delete session.disabledCommands;
    },
    onAuth(auth, session, fact, callback) {
      const attempt = authAttempt(auth);
      if (!attempt) return callback(smtpError(REPLIES.invalidCredentials)); // only the three methods above are offered
      const verdict = acceptAuth(attempt, { view: options.view(), tokens: options.tokens, passwordAuth: options.settings.passwordAuth });
      if (verdict.accepted) {
        fact?.(`AUTH ${attempt.method} réussie : ${verdict.mailbox}`);
        return callback(null, { user: verdict.mailbox });
      }
      fact?.(`AUTH ${attempt.method} refusée pour ${attempt.username} : ${AUTH_FAILURE_LABELS[verdict.reason]} (${verdict.reason})`);
      if (verdict.refusal.kind === 'xoauth2-challenge') return callback(null, { data: verdict.refusal.challenge });
      return callback(smtpError(verdict.refusal.reply));
    },
    senderContext: (session) => {
      const mailbox = mailboxOf(session);
      return { endpoint: 'submission', secure: session.secure, ...(mailbox !== undefined ? { authenticatedMailbox: mailbox } : {}) };
    },
    checkMessage: (index, session) => {
      const mailbox = mailboxOf(session);
      return mailbox === undefined ? ACCEPTED : acceptFromHeader(index, mailbox);
    },
    authenticatedMailbox: mailboxOf,
  };
}

function authAttempt(auth: { method: string; username?: string; password?: string | null; authzid?: string; accessToken?: string }): AuthAttempt | undefined {
  const username = auth.username ?? '';
  if (auth.method === 'XOAUTH2') return { method: 'XOAUTH2', username, accessToken: auth.accessToken ?? '' };
  if (auth.method === 'PLAIN' || auth.method === 'LOGIN') {
    return { method: auth.method, username, password: auth.password ?? '', ...(auth.authzid ? { authzid: auth.authzid } : {}) };
  }
  return undefined;
}
