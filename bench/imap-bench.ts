// `npm run bench:imap`: 10,000 messages of 10 KB in one mailbox, in-process store and IMAP
// endpoint (STARTTLS, TLS 1.3), then imapflow clients fetching every header (ENVELOPE, FLAGS,
// UID) and every full body: one client, then 8 concurrent ones. Prints messages/s and peak RSS
// (target: 10,000 headers in under 2 s). Clients and server share this
// process, so the figures include the client's parsing; CPU time is printed next to wall time
// (on a shared machine it is the steadier figure).
// Usage: npm run bench:imap -- [--messages N] [--clients C] [--no-journal]
import { parseArgs } from 'node:util';
import { ImapFlow } from 'imapflow';
import { createObservations } from '../simulator/observation/create-observations.ts';
import { MessageStore } from '../simulator/services/store/message-store.ts';
import { createImapEndpoint } from '../simulator/protocols/imap/imap-endpoint.ts';
import { FakeAuthenticator } from '../simulator/protocols/imap/testing/fake-authenticator.ts';
import { SERVER_NAME, testPki } from '../simulator/protocols/imap/testing/imap-test-server.ts';
import { tenKilobyteMessage } from './sample-message.ts';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '8' },
    'no-journal': { type: 'boolean', default: false },
  },
});
const messages = Number(values.messages);
const concurrent = Number(values.clients);
const MAILBOX = 'pharmacie.duparc@pharmacien.mssante.fr';
const PASSWORD = 'test-pharmacie-du-parc';

const store = new MessageStore();
const template = tenKilobyteMessage('emetteur@hopital-a.mssante.fr', MAILBOX).toString('latin1');
for (let i = 0; i < messages; i += 1) {
  const raw = Buffer.from(template.replace('<bench-message@', `<bench-${i}@`), 'latin1');
  store.add({ mailbox: MAILBOX, folder: 'INBOX', kind: 'message', envelope: { mailFrom: 'emetteur@hopital-a.mssante.fr', rcptTo: [MAILBOX] }, raw, receivedAt: new Date(), ingress: 'peer' });
}
const pki = await testPki();
const endpoint = createImapEndpoint({
  tlsMode: 'starttls',
  tls: { key: pki.server.keyPem, cert: pki.server.certPem },
  store,
  authenticator: new FakeAuthenticator(),
  observations: values['no-journal'] ? null : createObservations().bus,
});
const { port } = await endpoint.start();

async function session<T>(run: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, servername: SERVER_NAME, tls: { ca: pki.ca.certPem }, auth: { user: MAILBOX, pass: PASSWORD }, logger: false, disableAutoIdle: true });
  await client.connect();
  try {
    const lock = await client.getMailboxLock('INBOX', { readOnly: true });
    try {
      return await run(client);
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

async function fetchAll(kind: 'headers' | 'bodies'): Promise<number> {
  return session(async (client) => {
    let count = 0;
    const query = kind === 'headers' ? { envelope: true, flags: true, uid: true } : { uid: true, source: true };
    for await (const message of client.fetch('1:*', query)) if (message.uid > 0) count += 1;
    if (count !== messages) throw new Error(`fetched ${count} of ${messages} messages`);
    return count;
  });
}

async function measure(label: string, clients: number, kind: 'headers' | 'bodies'): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const counts = await Promise.all(Array.from({ length: clients }, () => fetchAll(kind)));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const total = counts.reduce((a, b) => a + b, 0);
  console.log(`${label.padEnd(34)} ${total} messages en ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s) : ${Math.round(total / seconds)} messages/s`);
}

console.log(`Banc IMAP : ${messages} messages de ${Math.round(Buffer.byteLength(template) / 1024)} Ko, journal ${values['no-journal'] ? 'désactivé' : 'actif'}`);
await measure('1 client, en-têtes', 1, 'headers');
await measure('1 client, messages complets', 1, 'bodies');
await measure(`${concurrent} clients, en-têtes`, concurrent, 'headers');
await measure(`${concurrent} clients, messages complets`, concurrent, 'bodies');
console.log(`RSS maximal : ${Math.round(process.resourceUsage().maxRSS / 1024)} Mo`);
await endpoint.stop();
