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
