// Reading the autoconfig document (SC.MSS/CONF.04): the IMAP and SMTP servers with their socket
// type; a document without one of them, or announcing a server without TLS, is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AutoconfigError, serversOfAutoconfig } from './autoconfig-reading.ts';

const server = (kind: string, type: string, port: number, socket: string) => `<${kind} type="${type}"><hostname>mail.exemple.fr</hostname><port>${port}</port><socketType>${socket}</socketType></${kind}>`;
const doc = (...servers: string[]) => `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="x">${servers.join('')}</emailProvider></clientConfig>`;
const URL = 'http://autoconfig.exemple.fr/mail/config-v1.1.xml';

test('IMAP (STARTTLS or SSL) and SMTP STARTTLS are read with their host and port', () => {
  assert.deepEqual(serversOfAutoconfig(doc(server('incomingServer', 'imap', 143, 'STARTTLS'), server('outgoingServer', 'smtp', 587, 'STARTTLS')), URL), {
    smtp: { host: 'mail.exemple.fr', port: 587, security: 'starttls' },
    imap: { host: 'mail.exemple.fr', port: 143, security: 'starttls' },
  });
  assert.equal(serversOfAutoconfig(doc(server('incomingServer', 'pop3', 995, 'SSL'), server('incomingServer', 'imap', 993, 'SSL'), server('outgoingServer', 'smtp', 587, 'STARTTLS')), URL).imap.security, 'tls');
});

test('a missing server or one without TLS is an AutoconfigError in French', () => {
  assert.throws(() => serversOfAutoconfig(doc(server('outgoingServer', 'smtp', 587, 'STARTTLS')), URL), (error: unknown) => error instanceof AutoconfigError && /ne décrit pas de serveur IMAP et SMTP/.test(error.message));
  assert.throws(() => serversOfAutoconfig(doc(server('incomingServer', 'imap', 143, 'plain'), server('outgoingServer', 'smtp', 587, 'STARTTLS')), URL), /sans TLS/);
  assert.throws(() => serversOfAutoconfig(doc(server('incomingServer', 'imap', 993, 'SSL'), server('outgoingServer', 'smtp', 25, 'plain')), URL), /sans TLS/);
});
