// A minimal IMAP client for @simulateur scenarios: implicit TLS with the test CA, XOAUTH2 with
// a token of the simulated Pro Santé Connect (SC.MSS/CONF.07), the raw messages of INBOX.
import { ImapFlow } from 'imapflow';
import type { TrustSpace } from '../../simulator/public-api.ts';

export type MailboxReading = { readonly ok: true; readonly sources: readonly Buffer[] } | { readonly ok: false; readonly error: string };

export async function readInbox(space: TrustSpace, mailbox: string, accessToken: string): Promise<MailboxReading> {
  const { host, port } = space.endpoints.imaps;
  const client = new ImapFlow({ host, port, secure: true, tls: { ca: [space.caCertPem] }, auth: { user: mailbox, accessToken }, logger: false });
  try {
    await client.connect();
  } catch (error) {
    client.close();
    return { ok: false, error: (error as Error).message };
  }
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const sources: Buffer[] = [];
      const exists = client.mailbox ? client.mailbox.exists : 0;
      if (exists > 0) for await (const message of client.fetch('1:*', { source: true })) if (message.source) sources.push(message.source);
      return { ok: true, sources };
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}
