// Each negative TLS profile is refused by Node's own TLS client with the expected error code;
// the valid one is accepted. Real listeners on 127.0.0.1:0, closed at the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { generateCa, generateServerCertificate } from './generate-certificates.ts';
import { resolveServerTls, SERVER_TLS_PROFILES, UnknownTlsProfileError, WRONG_HOST_NAME, type ServerPkiMaterial, type ServerTlsProfile } from './server-tls-profile.ts';

const HOST = 'smtp.operateur-a.test';
const NOW = new Date();

async function testPki(): Promise<ServerPkiMaterial> {
  const ca = await generateCa(NOW);
  const server = await generateServerCertificate(ca, [HOST], NOW);
  return { caCertPem: ca.certPem, caKeyPem: ca.keyPem, serverCertPem: server.certPem, serverKeyPem: server.keyPem };
}

/** Starts a TLS server with the material, connects once trusting the test CA; the error code or 'ok'. */
async function handshake(material: { key: string; cert: string }, caPem: string): Promise<string> {
  const server = tls.createServer({ key: material.key, cert: material.cert }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<string>((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port, servername: HOST, ca: caPem });
      socket.once('secureConnect', () => {
        socket.destroy();
        resolve('ok');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

test('Node refuses each negative profile with its error code and accepts the valid one', async () => {
  const pki = await testPki();
  const expected: Record<ServerTlsProfile, string> = {
    valid: 'ok',
    expired: 'CERT_HAS_EXPIRED',
    'wrong-name': 'ERR_TLS_CERT_ALTNAME_INVALID',
    untrusted: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'self-signed': 'DEPTH_ZERO_SELF_SIGNED_CERT',
  };
  const actual: Record<string, string> = {};
  for (const profile of SERVER_TLS_PROFILES) actual[profile] = await handshake(await resolveServerTls(pki, profile, { now: () => NOW }), pki.caCertPem);
  assert.deepEqual(actual, expected);
});

test('profiles keep the host names (except wrong-name), are cached, and an unknown profile is a typed error', async () => {
  const pki = await testPki();
  const san = async (profile: ServerTlsProfile) => new X509Certificate((await resolveServerTls(pki, profile)).cert).subjectAltName;
  const names = 'DNS:smtp.operateur-a.test, DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1';
  assert.deepEqual([await san('valid'), await san('expired'), await san('untrusted'), await san('self-signed'), await san('wrong-name')], [names, names, names, names, `DNS:${WRONG_HOST_NAME}`]);
  const expired = new X509Certificate((await resolveServerTls(pki, 'expired')).cert);
  assert.ok(new Date(expired.validTo).getTime() < Date.now(), expired.validTo);
  assert.equal(expired.checkIssued(new X509Certificate(pki.caCertPem)), true);
  assert.equal((await resolveServerTls(pki, 'untrusted')).cert, (await resolveServerTls(pki, 'untrusted')).cert);
  await assert.rejects(resolveServerTls(pki, 'périmé' as ServerTlsProfile), (error: UnknownTlsProfileError) => {
    assert.equal(error.code, 'MSS_SIM_PKI_UNKNOWN_TLS_PROFILE');
    assert.equal(error.message, 'Profil TLS « périmé » inconnu : valeurs possibles valid, expired, wrong-name, untrusted, self-signed.');
    return true;
  });
});
