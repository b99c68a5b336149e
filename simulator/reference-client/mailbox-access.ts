// Mailbox access over IMAP (SC.MSS/CONF.06): implicit TLS or STARTTLS per configuration, TLS as
// client-tls.ts says, XOAUTH2 (SC.MSS/CONF.07) or password; fetches INBOX messages not seen yet
// (by UID) and APPENDs the client's own sent messages to `Sent` (RFC 6154). A connection that
// cannot be opened, secured or authenticated is a MailboxConnectionError.
import { ImapFlow } from 'imapflow';
import type { ClientTlsOptions } from './client-tls.ts';

export interface MailboxAccessSettings {
  readonly host: string;
  readonly port: number;
  readonly security: 'starttls' | 'tls';
  readonly tls: ClientTlsOptions;
  readonly user: string;
  readonly credential: { readonly kind: 'password'; readonly password: string } | { readonly kind: 'oauth2'; readonly accessToken: string };
}

export interface FetchedMessage {
  readonly uid: number;
  readonly raw: Buffer;
  readonly internalDate?: Date;
}

export async function withMailbox<T>(settings: MailboxAccessSettings, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const auth = settings.credential.kind === 'password' ? { user: settings.user, pass: settings.credential.password } : { user: settings.user, accessToken: settings.credential.accessToken };
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    doSTARTTLS: settings.security === 'starttls' ? true : undefined,
    tls: { ...settings.tls },
    auth,
    logger: false,
  });
  client.on('error', () => undefined); // a late socket error must not crash the harness
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw new MailboxConnectionError(error instanceof Error ? error.message : String(error));
  }
  try {
    return await work(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export async function fetchInboxSince(client: ImapFlow, lastUid: number): Promise<FetchedMessage[]> {
  const lock = await client.getMailboxLock('INBOX');
  try {
    if (!client.mailbox || client.mailbox.exists === 0) return [];
    const fetched: FetchedMessage[] = [];
    for await (const message of client.fetch(`${lastUid + 1}:*`, { uid: true, source: true, internalDate: true }, { uid: true })) {
      if (message.uid <= lastUid || !message.source) continue; // `n:*` always returns the last one
      const internalDate = message.internalDate instanceof Date ? message.internalDate : undefined;
      fetched.push({ uid: message.uid, raw: message.source, ...(internalDate ? { internalDate } : {}) });
    }
    return fetched;
  } finally {
    lock.release();
  }
}

export async function appendSent(client: ImapFlow, raw: Buffer): Promise<void> {
  await client.append('Sent', raw, ['\\Seen']);
}

export class MailboxConnectionError extends Error {
  readonly code = 'MSS_SIM_CLIENT_MAILBOX_CONNECTION';
  constructor(readonly reason: string) {
    super(`Connexion à la boîte impossible : ${reason}`);
    this.name = 'MailboxConnectionError';
  }
}
