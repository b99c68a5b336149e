// Mailbox access over IMAP (SC.MSS/CONF.06): implicit TLS or STARTTLS per configuration, TLS as
// client-tls.ts says, XOAUTH2 (SC.MSS/CONF.07) or password, with the APP mailbox's client
// certificate (SC.MSS/CONF.12); fetches INBOX messages not seen yet (by UID) and APPENDs the
// client's own sent messages to `Sent` (RFC 6154). A connection that cannot be opened, secured
// or authenticated is a MailboxConnectionError.
import { ImapFlow } from 'imapflow';
import type { ClientCertificateMaterial } from './client-driver.ts';
import type { ClientTlsOptions } from './client-tls.ts';

export interface MailboxAccessSettings {
  readonly host: string;
  readonly port: number;
  readonly security: 'starttls' | 'tls';
  readonly tls: ClientTlsOptions;
  readonly user: string;
  readonly credential: { readonly kind: 'password'; readonly password: string } | { readonly kind: 'oauth2'; readonly accessToken: string };
  readonly clientCertificate?: ClientCertificateMaterial;
}

export interface FetchedMessage {
  readonly uid: number;
  readonly raw: Buffer;
  readonly internalDate?: Date;
}

/** A connected, authenticated IMAP client; the caller logs out (or keeps it, held-mailbox.ts). */
export async function openMailbox(settings: MailboxAccessSettings): Promise<ImapFlow> {
  const auth = settings.credential.kind === 'password' ? { user: settings.user, pass: settings.credential.password } : { user: settings.user, accessToken: settings.credential.accessToken };
  const certificate = settings.clientCertificate ? { cert: settings.clientCertificate.certificatePem, key: settings.clientCertificate.privateKeyPem } : {};
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    doSTARTTLS: settings.security === 'starttls' ? true : undefined,
    tls: { ...settings.tls, ...certificate },
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
  return client;
}

export async function withMailbox<T>(settings: MailboxAccessSettings, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = await openMailbox(settings);
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
