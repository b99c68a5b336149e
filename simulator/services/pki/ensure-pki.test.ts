import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { ensurePki, PKI_FILE_NAMES } from './ensure-pki.ts';

const DAY = 24 * 60 * 60 * 1000;
const HOSTS = ['smtp.operateur-a.test', 'imap.operateur-a.test'];

async function withTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mss-pki-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const serialOf = (pem: string) => new X509Certificate(pem).serialNumber;

test('first call generates a CA and a server certificate with the expected names and lifetimes', async () => {
  await withTempDir(async (dir) => {
    const start = new Date();
    const pki = await ensurePki({ dir, hostNames: HOSTS, now: () => start });
    assert.deepEqual(pki.renewal, { ca: { renew: true, reason: 'missing' }, server: { renew: true, reason: 'missing' } });
    const ca = new X509Certificate(pki.caCertPem);
    const server = new X509Certificate(pki.serverCertPem);
    assert.equal(ca.ca, true);
    assert.match(ca.subject, /CN=AC de test du simulateur MSSanté \(IGC-Santé simulée\)/);
    assert.equal(server.ca, false);
    assert.equal(server.subjectAltName, 'DNS:smtp.operateur-a.test, DNS:imap.operateur-a.test, DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    assert.deepEqual(server.keyUsage, ['1.3.6.1.5.5.7.3.1']);
    assert.equal(server.checkIssued(ca), true);
    const caYears = (new Date(ca.validTo).getTime() - start.getTime()) / (365 * DAY);
    const serverDays = Math.round((new Date(server.validTo).getTime() - start.getTime()) / DAY);
    assert.equal(Math.round(caYears), 10);
    assert.equal(serverDays, 730);
    assert.equal(await readFile(join(dir, PKI_FILE_NAMES.caCert), 'utf8'), pki.caCertPem);
    assert.equal(pki.caCertPath, join(dir, PKI_FILE_NAMES.caCert));
    assert.equal((await stat(pki.serverKeyPath)).mode & 0o777, 0o600);
  });
});

test('second call reuses the files (same serials), third call past expiry regenerates', async () => {
  await withTempDir(async (dir) => {
    const start = new Date();
    const first = await ensurePki({ dir, hostNames: HOSTS, now: () => start });
    const second = await ensurePki({ dir, hostNames: HOSTS, now: () => new Date(start.getTime() + DAY) });
    assert.deepEqual(second.renewal, { ca: { renew: false }, server: { renew: false } });
    assert.equal(serialOf(second.caCertPem), serialOf(first.caCertPem));
    assert.equal(serialOf(second.serverCertPem), serialOf(first.serverCertPem));
    const later = new Date(start.getTime() + 731 * DAY);
    const third = await ensurePki({ dir, hostNames: HOSTS, now: () => later });
    assert.deepEqual(third.renewal, { ca: { renew: false }, server: { renew: true, reason: 'expiring' } });
    assert.equal(serialOf(third.caCertPem), serialOf(first.caCertPem));
    assert.notEqual(serialOf(third.serverCertPem), serialOf(first.serverCertPem));
  });
});

test('a server certificate expiring within 7 days is renewed, one expiring in 8 days is kept', async () => {
  await withTempDir(async (dir) => {
    const start = new Date();
    await ensurePki({ dir, hostNames: HOSTS, now: () => start });
    const kept = await ensurePki({ dir, hostNames: HOSTS, now: () => new Date(start.getTime() + 722 * DAY) });
    assert.deepEqual(kept.renewal.server, { renew: false });
    const renewed = await ensurePki({ dir, hostNames: HOSTS, now: () => new Date(start.getTime() + 724 * DAY) });
    assert.deepEqual(renewed.renewal.server, { renew: true, reason: 'expiring' });
  });
});

test('changed host names renew the server certificate only; an expired CA renews both', async () => {
  await withTempDir(async (dir) => {
    const start = new Date();
    const first = await ensurePki({ dir, hostNames: HOSTS, now: () => start });
    const renamed = await ensurePki({ dir, hostNames: ['smtp.operateur-b.test'], now: () => start });
    assert.deepEqual(renamed.renewal, { ca: { renew: false }, server: { renew: true, reason: 'host-names-changed' } });
    assert.equal(serialOf(renamed.caCertPem), serialOf(first.caCertPem));
    assert.equal(new X509Certificate(renamed.serverCertPem).subjectAltName?.startsWith('DNS:smtp.operateur-b.test, DNS:localhost'), true);
    const farFuture = new Date(start.getTime() + 3650 * DAY);
    const reborn = await ensurePki({ dir, hostNames: ['smtp.operateur-b.test'], now: () => farFuture });
    assert.deepEqual(reborn.renewal, { ca: { renew: true, reason: 'expiring' }, server: { renew: true, reason: 'expiring' } });
    assert.notEqual(serialOf(reborn.caCertPem), serialOf(first.caCertPem));
  });
});

test('a corrupted or foreign server certificate is replaced', async () => {
  await withTempDir(async (dir) => {
    const start = new Date();
    await ensurePki({ dir, hostNames: HOSTS, now: () => start });
    await writeFile(join(dir, PKI_FILE_NAMES.serverCert), 'pas un certificat');
    const repaired = await ensurePki({ dir, hostNames: HOSTS, now: () => start });
    assert.deepEqual(repaired.renewal.server, { renew: true, reason: 'unreadable' });
    const other = await ensurePki({ dir: join(dir, 'autre'), hostNames: HOSTS, now: () => start });
    await writeFile(join(dir, PKI_FILE_NAMES.serverCert), other.serverCertPem);
    await writeFile(join(dir, PKI_FILE_NAMES.serverKey), other.serverKeyPem);
    const foreign = await ensurePki({ dir, hostNames: HOSTS, now: () => start });
    assert.deepEqual(foreign.renewal.server, { renew: true, reason: 'not-issued-by-ca' });
  });
});

test("Node's tls accepts the chain for each host name, TLS 1.2 and 1.3", async () => {
  await withTempDir(async (dir) => {
    const pki = await ensurePki({ dir, hostNames: HOSTS, now: () => new Date() });
    const server = tls.createServer({ key: pki.serverKeyPem, cert: pki.serverCertPem, minVersion: 'TLSv1.2' }, (socket) => socket.end('ok'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      for (const [servername, maxVersion] of [['smtp.operateur-a.test', 'TLSv1.2'], ['imap.operateur-a.test', 'TLSv1.3'], ['localhost', 'TLSv1.3']] as const) {
        const socket = tls.connect({ host: '127.0.0.1', port, servername, ca: pki.caCertPem, maxVersion });
        await once(socket, 'secureConnect');
        assert.equal(socket.authorized, true, servername);
        assert.equal(socket.getProtocol(), maxVersion);
        socket.destroy();
      }
      const wrong = tls.connect({ host: '127.0.0.1', port, servername: 'smtp.inconnu.test', ca: pki.caCertPem });
      const [error] = (await once(wrong, 'error')) as [NodeJS.ErrnoException];
      assert.equal(error.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
    } finally {
      server.close();
    }
  });
});

test('concurrent calls on one folder (parallel workers) end with one consistent CA and server certificate', async () => {
  await withTempDir(async (dir) => {
    const now = () => new Date();
    const results = await Promise.all([1, 2, 3].map(() => ensurePki({ dir, hostNames: HOSTS, now })));
    const serials = new Set(results.map((pki) => serialOf(pki.caCertPem)));
    assert.equal(serials.size, 1);
    // Exactly one call creates the CA; which one wins the lock depends on scheduling.
    assert.deepEqual(results.map((pki) => pki.renewal.ca.renew).sort(), [false, false, true]);
    const onDisk = await ensurePki({ dir, hostNames: HOSTS, now });
    assert.deepEqual(onDisk.renewal, { ca: { renew: false }, server: { renew: false } });
    assert.equal(new X509Certificate(onDisk.serverCertPem).checkIssued(new X509Certificate(onDisk.caCertPem)), true);
  });
});
