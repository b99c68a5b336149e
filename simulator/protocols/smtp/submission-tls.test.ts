// TLS of the submission endpoint: TLS 1.2 minimum (SC.MSS/CONF.01), 1.3 allowed (CONF.02), only
// the six TLS 1.2 suites of CONF.03 (or a chosen subset), DH ≥ 2048 bits and ECDH on P-256 or
// larger; negative certificate profiles served at run time (REG-TLS-03).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TLSSocket } from 'node:tls';
import { LIBRARY_REPLIES } from './library-replies.ts';
import { HOSTNAME, startSubmission } from './testing/endpoint-fixture.ts';
import { RawSmtpClient } from './testing/raw-smtp-client.ts';
import { message, plainPayload, sendData } from './testing/dialogue.ts';
import { CAMILLE, CAMILLE_PASSWORD, DR_MARTIN } from './testing/fake-trust-space.ts';
import { resolveServerTls } from '../../services/pki/server-tls-profile.ts';
import { CONF03_TLS12_CIPHERS, conf03Ciphers } from './tls-settings.ts';

test('each CONF.03 suite negotiates in TLS 1.2, with a 2048-bit DH group or the P-256 curve; TLS 1.3 works', async () => {
  const endpoint = await startSubmission();
  try {
    for (const cipher of CONF03_TLS12_CIPHERS) {
      const { client } = await RawSmtpClient.connect(endpoint.port);
      await client.command('EHLO client.example');
      assert.equal(await client.startTls(endpoint.caPem, HOSTNAME, { maxVersion: 'TLSv1.2', ciphers: cipher }), LIBRARY_REPLIES.startTlsReady);
      const socket = client.socket as TLSSocket;
      assert.equal(socket.getCipher().name, cipher);
      const key = socket.getEphemeralKeyInfo() as { type?: string; name?: string; size?: number };
      assert.deepEqual(cipher.startsWith('DHE') ? { type: key.type, size: key.size } : { type: key.type, name: key.name }, cipher.startsWith('DHE') ? { type: 'DH', size: 2048 } : { type: 'ECDH', name: 'prime256v1' });
      client.close();
    }
    const { client } = await RawSmtpClient.connect(endpoint.port);
    await client.command('EHLO client.example');
    await client.startTls(endpoint.caPem, HOSTNAME);
    assert.equal((client.socket as TLSSocket).getProtocol(), 'TLSv1.3');
    client.close();
  } finally {
    await endpoint.stop();
  }
});

test('TLS 1.1, a suite outside CONF.03 and X25519 alone are refused; the failure is in the journal', async () => {
  const endpoint = await startSubmission();
  try {
    const attempts = [{ maxVersion: 'TLSv1.1', minVersion: 'TLSv1' }, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-SHA' }, { ecdhCurve: 'X25519' }] as const;
    for (const options of attempts) {
      const { client } = await RawSmtpClient.connect(endpoint.port);
      await client.command('EHLO client.example');
      await assert.rejects(client.startTls(endpoint.caPem, HOSTNAME, options), JSON.stringify(options));
      client.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const failures = endpoint.journal
      .connections()
      .flatMap(({ id }) => endpoint.journal.transcript(id)?.lines ?? [])
      .filter((line) => line.direction === '*' && line.text.startsWith('erreur de connexion : '));
    assert.equal(failures.length, 3, JSON.stringify(failures));
  } finally {
    await endpoint.stop();
  }
});

test('a CONF.03 subset with TLS 1.2 only decides the suite of every session', async () => {
  const endpoint = await startSubmission({ tlsOverrides: { ciphers: conf03Ciphers(['0x009E']), maxVersion: 'TLSv1.2' } });
  try {
    const { client } = await RawSmtpClient.connect(endpoint.port);
    await client.command('EHLO client.example');
    await client.startTls(endpoint.caPem, HOSTNAME);
    const socket = client.socket as TLSSocket;
    assert.deepEqual([socket.getProtocol(), socket.getCipher().name], ['TLSv1.2', 'DHE-RSA-AES128-GCM-SHA256']);
    client.close();
  } finally {
    await endpoint.stop();
  }
});

test('the trace of a message names the TLS version negotiated, not the oldest the suite allows (a CBC suite outside CONF.03: « TLSv1.0 »)', async () => {
  const endpoint = await startSubmission({ tlsOverrides: { ciphers: 'ECDHE-RSA-AES128-SHA', maxVersion: 'TLSv1.2' } });
  try {
    const { client } = await RawSmtpClient.connect(endpoint.port);
    await client.command('EHLO client.example');
    await client.startTls(endpoint.caPem, HOSTNAME, { ciphers: 'ECDHE-RSA-AES128-SHA' });
    assert.deepEqual([(client.socket as TLSSocket).getProtocol(), (client.socket as TLSSocket).getCipher().version], ['TLSv1.2', 'TLSv1.0']);
    await client.command('EHLO client.example');
    await client.command(`AUTH PLAIN ${plainPayload(CAMILLE, CAMILLE_PASSWORD)}`);
    await client.command(`MAIL FROM:<${CAMILLE}>`);
    await client.command(`RCPT TO:<${DR_MARTIN}>`);
    assert.match(await sendData(client, message(CAMILLE)), /^250 /);
    const { tls, extended, authenticated } = endpoint.router.messages[0]?.trace ?? {};
    assert.deepEqual({ tls, extended, authenticated }, { tls: { version: 'TLSv1.2', cipher: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA' }, extended: true, authenticated: true });
    client.close();
  } finally {
    await endpoint.stop();
  }
});

test('negative TLS profiles switched at run time: Node refuses the expired and untrusted certificates, then valid works again', async () => {
  const endpoint = await startSubmission();
  try {
    const { ca, server } = endpoint.pki;
    const pki = { caCertPem: ca.certPem, caKeyPem: ca.keyPem, serverCertPem: server.certPem, serverKeyPem: server.keyPem };
    const attempt = async () => {
      const { client } = await RawSmtpClient.connect(endpoint.port);
      await client.command('EHLO client.example');
      try {
        await client.startTls(endpoint.caPem, HOSTNAME);
        return 'ok';
      } catch (error) {
        return (error as NodeJS.ErrnoException).code;
      } finally {
        client.close();
      }
    };
    const outcomes: Record<string, string | undefined> = {};
    for (const profile of ['expired', 'untrusted', 'wrong-name', 'valid'] as const) {
      endpoint.endpoint.useTls({ ...(await resolveServerTls(pki, profile)), clientCa: ca.certPem });
      outcomes[profile] = await attempt();
    }
    assert.deepEqual(outcomes, { expired: 'CERT_HAS_EXPIRED', untrusted: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'wrong-name': 'ERR_TLS_CERT_ALTNAME_INVALID', valid: 'ok' });
  } finally {
    await endpoint.stop();
  }
});
