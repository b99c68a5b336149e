// `configure` tells the client the announced host (--annoncer-hote), not the listening address,
// and the simulator answers under that name. Real trust space on port 0 on 127.0.0.1.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { endpointsSummary, startTrustSpace } from '../../../simulator/public-api.ts';
import { driverConfiguration } from './driver-configuration.ts';

const ports = { submissionPort: 0, peerPort: 0, imapPort: 0, imapsPort: 0, httpPort: 0 };

test('configure and the endpoints file carry the announced host; the HTTP port answers to it', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mss-announce-'));
  const space = await startTrustSpace({ host: '127.0.0.1', announcedHost: 'localhost', ...ports, dataDir });
  try {
    const user = { address: 'camille.exemple@pharmacien.mssante.fr', password: 'secret-de-test' };
    const configuration = driverConfiguration(space, user);
    assert.equal(configuration.smtp?.host, 'localhost');
    assert.equal(configuration.imap?.host, 'localhost');
    assert.match(configuration.directory.baseUrl, /^http:\/\/localhost:\d+\/fhir\/v2$/);
    assert.match(configuration.mailbox.tokenEndpoint ?? '', /^http:\/\/localhost:\d+\//);
    const summary = endpointsSummary(space);
    assert.equal(summary.submission.host, 'localhost');
    assert.match(summary.controlApi.baseUrl, /^http:\/\/localhost:\d+\/api$/);
    const health = await fetch(`${space.endpoints.http.baseUrl}/api/health`);
    assert.equal(health.status, 200);
  } finally {
    await space.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('without an announced host, configure gives the listening address', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mss-announce-'));
  const space = await startTrustSpace({ host: '127.0.0.1', ...ports, dataDir });
  try {
    const configuration = driverConfiguration(space, { address: 'a@b.mssante.fr', password: 'x' });
    assert.equal(configuration.smtp?.host, '127.0.0.1');
    assert.match(configuration.directory.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\//);
  } finally {
    await space.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('configure gives the Pro Santé Connect identity of the professional, the APP material, or only the autoconfig document', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mss-announce-'));
  const space = await startTrustSpace({ host: '127.0.0.1', ...ports, dataDir });
  try {
    const camille = driverConfiguration(space, { address: 'pharmacie.duparc@pharmacien.mssante.fr', password: 'x' });
    assert.equal(camille.mailbox.authentication, 'oauth2');
    assert.deepEqual({ ...camille.mailbox.psc, discoveryUrl: undefined, tokenEndpoint: undefined }, { login: '899900100019', password: 'psc-test', clientId: 'logiciel-teste', discoveryUrl: undefined, tokenEndpoint: undefined });
    const discovery = (await (await fetch(camille.mailbox.psc?.discoveryUrl ?? '')).json()) as { token_endpoint: string };
    assert.equal(discovery.token_endpoint, camille.mailbox.psc?.tokenEndpoint);
    const certificate = { certificatePem: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n', privateKeyPem: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n' };
    const dpi = driverConfiguration(space, { address: 'dpi@ch-valbrume.mssante.fr', password: 'y' }, { clientCertificate: certificate });
    assert.deepEqual(dpi.mailbox, { address: 'dpi@ch-valbrume.mssante.fr', authentication: 'password', password: 'y', clientCertificate: certificate, replyTo: 'secretariat.cardiologie@ch-valbrume.mssante.fr', holder: { mailboxType: 'APP', entity: 'CH Valbrume – Dossier patient informatisé' } });
    const alone = driverConfiguration(space, { address: 'pharmacie.duparc@pharmacien.mssante.fr', password: 'x' }, { autoconfig: true });
    assert.equal(alone.smtp, undefined);
    assert.equal(alone.imap, undefined);
    assert.match(await (await fetch(`${alone.autoconfig?.url ?? ''}?emailaddress=pharmacie.duparc@pharmacien.mssante.fr`)).text(), new RegExp(`<port>${space.endpoints.submission.port}</port>`));
  } finally {
    await space.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
