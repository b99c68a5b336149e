// STARTTLS, LOGIN and AUTHENTICATE (RFC 3501 §6.2; SC.MSS/CONF.07 XOAUTH2, CONF.09 SASL-IR,
// CONF.12 PLAIN with a client certificate). Nothing secret is checked before TLS: LOGIN and
// AUTHENTICATE are refused with PRIVACYREQUIRED until STARTTLS (RFC 3501 §6.2.3, RFC 5530).
// The decision itself belongs to the MailboxAuthenticator; XOAUTH2 failures follow Google's
// flow: `+ <base64 JSON error>`, the client answers (an empty line), then the tagged NO.
import { sameAddress } from '../../../domain/address-key.ts';
import type { AuthMethod, AuthRequest } from '../../../services/auth/mailbox-authenticator.ts';
import { MAX_AUTH_FAILURES } from '../protocol/imap-limits.ts';
import { imapText } from '../protocol/imap-text.ts';
import { capabilities } from './capabilities.ts';
import { AUTH_FAILURE_CODES, xoauth2Status } from './auth-failure-codes.ts';
import { TEXTS } from './imap-texts.ts';
import { decodeSaslResponse, parsePlain, parseXoauth2, xoauth2Challenge } from './sasl-responses.ts';
import { bad, no, ok, type Completion, type ImapAuthAttempt, type ImapCommand, type SessionContext } from './session-types.ts';

export function startTls(command: ImapCommand, session: SessionContext): Completion {
  command.args.end();
  if (session.services.tlsMode === 'implicit') return bad(TEXTS.startTlsUnavailable);
  if (session.io.secure) return bad(TEXTS.alreadySecure);
  return { ...ok(TEXTS.startTls), after: () => session.io.startTls() };
}

export function login(command: ImapCommand, session: SessionContext): Completion {
  const user = command.args.astring('identifiant');
  const password = command.args.astring('mot de passe');
  command.args.end();
  if (!session.io.secure) return no(TEXTS.privacyRequired, 'PRIVACYREQUIRED');
  return decide(session, { method: 'LOGIN', mailbox: user, password });
}

export async function authenticate(command: ImapCommand, session: SessionContext): Promise<Completion> {
  const mechanism = command.args.atom('mécanisme').toUpperCase();
  const initial = command.args.done ? undefined : command.args.atom('réponse initiale');
  command.args.end();
  if (!session.io.secure) return no(TEXTS.privacyRequired, 'PRIVACYREQUIRED');
  if (mechanism !== 'PLAIN' && mechanism !== 'XOAUTH2') return no(TEXTS.authMechanismUnsupported, 'CANNOT');
  const response = initial ?? (await continuation(session));
  if (response === null) return { ...bad(TEXTS.authCancelled), after: () => session.io.close() };
  if (response === '*') return bad(TEXTS.authCancelled);
  const bytes = decodeSaslResponse(response);
  if (!bytes) return bad(TEXTS.authMalformed);
  return mechanism === 'PLAIN' ? plain(bytes, session) : xoauth2(bytes, session);
}

function continuation(session: SessionContext): Promise<string | null> {
  session.io.sendLine('+ ');
  return session.io.readLine({ secret: true });
}

function plain(bytes: Buffer, session: SessionContext): Completion {
  const credentials = parsePlain(bytes);
  if (!credentials) return bad(TEXTS.authMalformed);
  if (credentials.authzid && !sameAddress(credentials.authzid, credentials.authcid)) {
    return failed(session, no(TEXTS.authzidRefused, 'AUTHORIZATIONFAILED'), { mechanism: 'PLAIN', identity: credentials.authcid, reason: 'authzid-mismatch' });
  }
  return decide(session, { method: 'PLAIN', mailbox: credentials.authcid, password: credentials.password });
}

async function xoauth2(bytes: Buffer, session: SessionContext): Promise<Completion> {
  const credentials = parseXoauth2(bytes);
  if (!credentials) return bad(TEXTS.authMalformed);
  const completion = decide(session, { method: 'XOAUTH2', mailbox: credentials.user, token: credentials.token });
  if (completion.status === 'OK' || !completion.reason) return completion;
  session.io.sendLine(`+ ${xoauth2Challenge(xoauth2Status(completion.reason))}`);
  const answer = await session.io.readLine({ secret: true });
  return answer === null ? { ...completion, after: () => session.io.close() } : completion;
}

type Decision = Completion & { readonly reason?: Parameters<typeof xoauth2Status>[0] };

function decide(session: SessionContext, attempt: Pick<AuthRequest, 'method' | 'mailbox' | 'password' | 'token'>): Decision {
  const certificate = session.io.clientCertificate();
  const result = session.services.authenticator.authenticate({
    ...attempt,
    ...(certificate ? { clientCertificate: certificate } : {}),
    secure: session.io.secure,
    protocol: 'imap',
  });
  if (!result.ok) {
    const completion = no(imapText(result.message), AUTH_FAILURE_CODES[result.reason]);
    return { ...failed(session, completion, { mechanism: attempt.method, identity: attempt.mailbox, reason: result.reason, message: result.message }), reason: result.reason };
  }
  const account = { mailbox: result.mailbox, sessionId: result.sessionId, method: attempt.method };
  session.state = { kind: 'authenticated', account };
  session.services.registry.folders(account.mailbox);
  session.io.authenticated(account);
  session.io.authAttempt({ mechanism: attempt.method, identity: attempt.mailbox, outcome: 'success', mailbox: result.mailbox, sessionId: result.sessionId });
  return ok(TEXTS.authSucceeded, `CAPABILITY ${capabilities(session.state, session.io.secure).join(' ')}`);
}

function failed(session: SessionContext, completion: Completion, attempt: Omit<ImapAuthAttempt, 'outcome'>): Completion {
  session.authFailures += 1;
  session.io.authAttempt({ ...attempt, outcome: 'failure' });
  if (session.authFailures < MAX_AUTH_FAILURES) return completion;
  return {
    ...completion,
    after: () => {
      session.io.sendLine(`* BYE ${imapText(TEXTS.tooManyAuthFailures)}`);
      session.io.close();
    },
  };
}
