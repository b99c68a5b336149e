// Shortcuts for raw wire tests: a client past STARTTLS and LOGIN, optionally with a folder selected.
import type { ImapTestServer } from './imap-test-server.ts';
import { RawImapClient } from './raw-imap-client.ts';
import { PHARMACY } from './sample-messages.ts';

export async function securedClient(server: ImapTestServer): Promise<RawImapClient> {
  const { client } = await RawImapClient.connect(server.port);
  await client.startTls('t0', server.pki.ca.certPem);
  return client;
}

export async function loggedInClient(server: ImapTestServer, mailbox = PHARMACY, select?: string): Promise<RawImapClient> {
  const client = await securedClient(server);
  const password = server.authenticator.passwords.get(mailbox) ?? '';
  const login = await client.command('t1', `LOGIN ${mailbox} "${password}"`);
  if (!login.at(-1)?.startsWith('t1 OK')) throw new Error(`login failed: ${login.join(' | ')}`);
  if (select) await client.command('t2', `SELECT ${select}`);
  return client;
}
