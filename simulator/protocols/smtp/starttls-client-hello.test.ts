// Wire tests: after STARTTLS on the submission endpoint, the observations receives exactly what
// openssl s_client offered (versions, suites, groups, SNI, ALPN), then the handshake outcome;
// a real client (nodemailer) still sends through the peek; plaintext after STARTTLS is recorded
// as not a ClientHello and the endpoint keeps serving.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { opensslClient } from '../../observation/testing/openssl-client.ts';
import { TlsRecorder } from '../../observation/testing/tls-recorder.ts';
import { REPLIES } from './replies.ts';
import { formatReply } from './smtp-reply.ts';
import { HOSTNAME, startSubmission } from './testing/endpoint-fixture.ts';
import { CAMILLE, CAMILLE_PASSWORD, DR_MARTIN } from './testing/fake-trust-space.ts';
import { RawSmtpClient } from './testing/raw-smtp-client.ts';

describe('ClientHello after SMTP STARTTLS', { timeout: 30_000 }, () => {
  it('reports what openssl offers for TLS 1.2 with one CONF.03 suite, then the session', async () => {
    const recorder = new TlsRecorder();
    const endpoint = await startSubmission();
    recorder.attach(endpoint.observations);
    try {
      const run = opensslClient(endpoint.port, ['-starttls', 'smtp', '-tls1_2', '-cipher', 'ECDHE-RSA-AES128-GCM-SHA256', '-servername', 'x.test', '-alpn', 'foo', '-groups', 'P-256:P-384']);
      const { connectionId, facts } = await recorder.clientHello();
      const established = await recorder.next('established');
      await run;
      assert.match(connectionId, /^submission-/);
      assert.ok(endpoint.journal.transcript(connectionId), 'the id is the journal connection id');
      assert.deepEqual(
        { versions: facts.supportedVersions, suites: facts.cipherSuites.map((suite) => suite.code), groups: facts.groups, sni: facts.sni, alpn: facts.alpn },
        { versions: ['TLS 1.2'], suites: [0xc02f, 0x00ff], groups: ['secp256r1', 'secp384r1'], sni: 'x.test', alpn: ['foo'] },
      );
      assert.deepEqual(established, { kind: 'established', connectionId, session: { protocol: 'TLSv1.2', cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', sni: 'x.test' } });
    } finally {
      await endpoint.stop();
    }
  });

  it('reports a TLS 1.3 offer with one suite and X25519 only, and the failed handshake (no shared group)', async () => {
    const recorder = new TlsRecorder();
    const endpoint = await startSubmission();
    recorder.attach(endpoint.observations);
    try {
      const run = opensslClient(endpoint.port, ['-starttls', 'smtp', '-tls1_3', '-ciphersuites', 'TLS_AES_256_GCM_SHA384', '-groups', 'X25519']);
      const { connectionId, facts } = await recorder.clientHello();
      const failure = await recorder.next('failure');
      await run;
      assert.deepEqual(
        { versions: facts.supportedVersions, suites: facts.cipherSuites.map((suite) => suite.name), groups: facts.groups, sni: facts.sni },
        { versions: ['TLS 1.3'], suites: ['TLS_AES_256_GCM_SHA384', 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV'], groups: ['x25519'], sni: undefined },
      );
      assert.equal(failure.connectionId, connectionId);
      assert.match(failure.failure.reason, /no suitable key share|no shared group|handshake failure/i);
      assert.equal(recorder.events.filter((event) => event.kind === 'failure').length, 1, 'one failure per handshake');
    } finally {
      await endpoint.stop();
    }
  });

  it('lets nodemailer send over STARTTLS as before', async () => {
    const recorder = new TlsRecorder();
    const endpoint = await startSubmission();
    recorder.attach(endpoint.observations);
    try {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: endpoint.port, secure: false, requireTLS: true, tls: { ca: endpoint.caPem, servername: HOSTNAME }, auth: { user: CAMILLE, pass: CAMILLE_PASSWORD } });
      const info = await transport.sendMail({ from: CAMILLE, to: DR_MARTIN, subject: 'Compte rendu', text: 'Bonjour.' });
      assert.equal(info.response, formatReply(REPLIES.messageAccepted('envoi-1')));
      const { facts } = await recorder.clientHello();
      assert.equal(facts.sni, HOSTNAME);
      assert.deepEqual((await recorder.next('established')).session.protocol, 'TLSv1.3');
    } finally {
      await endpoint.stop();
    }
  });

  it('records plaintext after STARTTLS as not a ClientHello, and the handshake failure; the endpoint keeps serving', async () => {
    const recorder = new TlsRecorder();
    const endpoint = await startSubmission();
    recorder.attach(endpoint.observations);
    try {
      const { client } = await RawSmtpClient.connect(endpoint.port);
      await client.command('EHLO client.test');
      assert.deepEqual(await client.command('STARTTLS'), ['220 Ready to start TLS']);
      client.write('MAIL FROM:<camille@test>\r\n');
      const event = await recorder.next('client-hello');
      assert.deepEqual(event.reading, { kind: 'not-client-hello', reason: 'not-a-tls-handshake-record', preview: 'MAIL FROM:<camille@test>\\x0d\\x0a' });
      assert.equal((await recorder.next('failure')).connectionId, event.connectionId);
      await client.waitClosed();
      const { client: next, greeting } = await RawSmtpClient.connect(endpoint.port);
      assert.match(greeting[0] ?? '', /^220 /);
      next.close();
    } finally {
      await endpoint.stop();
    }
  });
});
