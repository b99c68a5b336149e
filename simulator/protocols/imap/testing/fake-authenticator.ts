// A small MailboxAuthenticator for the IMAP tests (the real one is simulator/services/auth/): PLAIN and
// LOGIN with the passwords of fixtures/mailboxes.json, XOAUTH2 with tokens issued here (valid,
// expired or revoked), a client certificate required for chosen mailboxes, and revocation.
// Every request is kept, so tests can check what the endpoint passed (secure, certificate).
import { readFileSync } from 'node:fs';
import type { AuthRequest, AuthResult, MailboxAuthenticator } from '../../../services/auth/mailbox-authenticator.ts';

interface FixtureMailbox {
  readonly address: string;
  readonly password?: string;
}

const FIXTURES = new URL('../../../../fixtures/mailboxes.json', import.meta.url);

export function fixturePasswords(): Map<string, string> {
  const { mailboxes } = JSON.parse(readFileSync(FIXTURES, 'utf8')) as { mailboxes: FixtureMailbox[] };
  return new Map(mailboxes.filter((m) => m.password).map((m) => [m.address.toLowerCase(), m.password as string]));
}

interface IssuedToken {
  readonly mailbox: string;
  readonly sessionId: string;
  readonly expired: boolean;
  revoked: boolean;
}

export class FakeAuthenticator implements MailboxAuthenticator {
  readonly requests: AuthRequest[] = [];
  readonly passwords = fixturePasswords();
  /** Mailboxes that need a client certificate whose subject CN is the address (APP, SC.MSS/CONF.12). */
  readonly certificateMailboxes = new Set<string>();
  passwordAuth = true;
  readonly #tokens = new Map<string, IssuedToken>();
  readonly #listeners: ((sessionId: string) => void)[] = [];
  #counter = 0;

  issueToken(mailbox: string, options: { readonly expired?: boolean } = {}): string {
    this.#counter += 1;
    const token = `jeton-test-${this.#counter}.${mailbox.length}`;
    this.#tokens.set(token, { mailbox: mailbox.toLowerCase(), sessionId: `psc-session-${this.#counter}`, expired: options.expired ?? false, revoked: false });
    return token;
  }

  sessionIdOf(token: string): string {
    return this.#tokens.get(token)?.sessionId ?? '';
  }

  revoke(sessionId: string): void {
    for (const issued of this.#tokens.values()) if (issued.sessionId === sessionId) issued.revoked = true;
    for (const listener of this.#listeners) listener(sessionId);
  }

  authenticate(request: AuthRequest): AuthResult {
    this.requests.push(request);
    const mailbox = request.mailbox.toLowerCase();
    if (!request.secure) return fail('tls-required', "TLS requis avant l'authentification.");
    if (request.method === 'XOAUTH2') return this.#token(mailbox, request.token ?? '');
    if (!this.passwordAuth) return fail('password-auth-disabled', 'Authentification par mot de passe désactivée : utilisez XOAUTH2.');
    const expected = this.passwords.get(mailbox);
    if (expected === undefined || expected !== request.password) return fail('bad-credentials', 'Identifiant ou mot de passe incorrect.');
    if (this.certificateMailboxes.has(mailbox)) {
      const cn = request.clientCertificate?.subject?.CN;
      if (!cn) return fail('client-certificate-required', 'Certificat client requis pour une boîte applicative.');
      if (String(cn).toLowerCase() !== mailbox) return fail('client-certificate-mismatch', "Certificat client d'une autre boîte.");
    }
    return { ok: true, mailbox, sessionId: `password-${mailbox}` };
  }

  onSessionRevoked(listener: (sessionId: string) => void): void {
    this.#listeners.push(listener);
  }

  #token(mailbox: string, token: string): AuthResult {
    const issued = this.#tokens.get(token);
    if (!issued) return fail('token-invalid', 'Jeton invalide.');
    if (issued.revoked) return fail('token-revoked', 'Jeton révoqué.');
    if (issued.expired) return fail('token-expired', 'Jeton expiré : renouvelez-le auprès de Pro Santé Connect.');
    if (issued.mailbox !== mailbox) return fail('token-wrong-mailbox', 'Ce jeton ne donne pas accès à cette boîte.');
    return { ok: true, mailbox, sessionId: issued.sessionId };
  }
}

function fail(reason: Extract<AuthResult, { ok: false }>['reason'], message: string): AuthResult {
  return { ok: false, reason, message };
}
