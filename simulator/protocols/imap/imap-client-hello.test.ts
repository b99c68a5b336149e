// Wire tests: on IMAP STARTTLS and implicit TLS, the observations receives exactly what openssl
// s_client offered, then the negotiated session or the handshake failure, under the journal's
// connection id; imapflow still logs in through the peek; plaintext after STARTTLS is recorded
// as not a ClientHello and the endpoint keeps serving.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImapFlow } from 'imapflow';
import { opensslClient } from '../../observation/testing/openssl-client.ts';
import { TlsRecorder } from '../../observation/testing/tls-recorder.ts';
import { RawImapClient } from './testing/raw-imap-client.ts';
import { SERVER_NAME, startImapTestServer } from './testing/imap-test-server.ts';
import { PHARMACY } from './testing/sample-messages.ts';

const TLS12_OFFER = ['-tls1_2', '-cipher', 'ECDHE-RSA-AES128-GCM-SHA256', '-servername', 'x.test', '-alpn', 'foo', '-groups', 'P-256'];

async function loginWithImapflow(port: number, secure: boolean, ca: string): Promise<void> {
  const client = new ImapFlow({ host: '127.0.0.1', port, secure, servername: SERVER_NAME, tls: { ca }, auth: { user: PHARMACY, pass: 'test-pharmacie-du-parc' }, logger: false, disableAutoIdle: true });
  await client.connect();
  await client.logout();
}

describe('ClientHello on IMAP', { timeout: 30_000 }, () => {
  it('STARTTLS: reports what openssl offers for TLS 1.2, then the session, under the journal id', async () => {
    const recorder = new TlsRecorder();
    const server = await startImapTestServer();
    recorder.attach(server.observations);
    try {
      const run = opensslClient(server.port, ['-starttls', 'imap', ...TLS12_OFFER]);
      const { connectionId, facts } = await recorder.clientHello();
      const established = await recorder.next('established');
      await run;
      assert.ok(server.journal.transcript(connectionId), `${connectionId} is a journal connection`);
      assert.deepEqual(
        { versions: facts.supportedVersions, suites: facts.cipherSuites.map((suite) => suite.code), groups: facts.groups, sni: facts.sni, alpn: facts.alpn },
        { versions: ['TLS 1.2'], suites: [0xc02f, 0x00ff], groups: ['secp256r1'], sni: 'x.test', alpn: ['foo'] },
      );
      assert.deepEqual(established, { kind: 'established', connectionId, session: { protocol: 'TLSv1.2', cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', sni: 'x.test' } });
    } finally {
      await server.stop();
    }
  });

  it('implicit TLS: reports a TLS 1.3 offer with one suite, then the session; with X25519 only, the failure', async () => {
    const recorder = new TlsRecorder();
    const server = await startImapTestServer({ tlsMode: 'implicit' });
    recorder.attach(server.observations);
    try {
      await opensslClient(server.port, ['-tls1_3', '-ciphersuites', 'TLS_AES_256_GCM_SHA384', '-groups', 'P-384', '-servername', SERVER_NAME]);
      const { connectionId, facts } = await recorder.clientHello();
      assert.deepEqual(
        { versions: facts.supportedVersions, suites: facts.cipherSuites.map((suite) => suite.name), groups: facts.groups, sni: facts.sni, alpn: facts.alpn },
        { versions: ['TLS 1.3'], suites: ['TLS_AES_256_GCM_SHA384', 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV'], groups: ['secp384r1'], sni: SERVER_NAME, alpn: [] },
      );
      assert.deepEqual((await recorder.next('established')).session, { protocol: 'TLSv1.3', cipherSuite: 'TLS_AES_256_GCM_SHA384', sni: SERVER_NAME });
      assert.ok(server.journal.transcript(connectionId), `${connectionId} is a journal connection`);

      recorder.events.length = 0;
      await opensslClient(server.port, ['-tls1_3', '-groups', 'X25519']);
      const offered = await recorder.clientHello();
      assert.deepEqual(offered.facts.groups, ['x25519']);
      const failure = await recorder.next('failure');
      assert.equal(failure.connectionId, offered.connectionId);
      assert.match(server.journal.format(failure.connectionId), /échec de la négociation TLS : /);
    } finally {
      await server.stop();
    }
  });

  it('imapflow logs in over STARTTLS and over implicit TLS as before', async () => {
    for (const tlsMode of ['starttls', 'implicit'] as const) {
      const recorder = new TlsRecorder();
      const server = await startImapTestServer({ tlsMode });
    recorder.attach(server.observations);
      try {
        await loginWithImapflow(server.port, tlsMode === 'implicit', server.pki.ca.certPem);
        assert.equal((await recorder.clientHello()).facts.sni, SERVER_NAME, tlsMode);
        assert.equal(server.authenticator.requests.at(-1)?.mailbox, PHARMACY, tlsMode);
      } finally {
        await server.stop();
      }
    }
  });

  it('STARTTLS followed by plaintext: not a ClientHello, a handshake failure, and the endpoint keeps serving', async () => {
    const recorder = new TlsRecorder();
    const server = await startImapTestServer();
    recorder.attach(server.observations);
    try {
      const { client } = await RawImapClient.connect(server.port);
      assert.deepEqual(await client.command('a1', 'STARTTLS'), ['a1 OK Debut de la negociation TLS']);
      client.write('a2 NOOP\r\n');
      const event = await recorder.next('client-hello');
      assert.deepEqual(event.reading, { kind: 'not-client-hello', reason: 'not-a-tls-handshake-record', preview: 'a2 NOOP\\x0d\\x0a' });
      assert.equal((await recorder.next('failure')).connectionId, event.connectionId);
      await client.closed();
      const next = await RawImapClient.connect(server.port);
      assert.match(next.greeting, /^\* OK /);
      next.client.close();
    } finally {
      await server.stop();
    }
  });
});
