// The operator's TLS switched at run time (REG-TLS-06), through the composition root, on the
// three client-facing endpoints: submission (STARTTLS), IMAP (STARTTLS) and IMAP over TLS.
// Real listeners on port 0 on 127.0.0.1, real TLS clients; reset() restores the valid setting.
import assert from 'node:assert/strict';
import net from 'node:net';
import { join } from 'node:path';
import tls, { type ConnectionOptions } from 'node:tls';
import { after, afterEach, before, test } from 'node:test';
import { CONF03_TLS12_CIPHERS } from '../protocols/smtp/tls-settings.ts';
import { startTrustSpace } from './start-trust-space.ts';
import type { RunningTrustSpace } from './trust-space.ts';
import { processTempDir } from '../cli/process-temp-dir.ts';

let space: RunningTrustSpace;
before(async () => {
  space = await startTrustSpace({ dataDir: processTempDir('mss-sim-tls-switch-') });
});
afterEach(() => space.reset());
after(() => space.stop());

const CONFORMING: ConnectionOptions = { minVersion: 'TLSv1.2', ciphers: CONF03_TLS12_CIPHERS.join(':') };
const LEGACY_CLIENT: ConnectionOptions = { minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' };

type Endpoint = 'submission' | 'imap' | 'imaps';

/** Reads from `socket` until `pattern` matches what arrived; bounded. */
function readUntil(socket: net.Socket, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => done(new Error(`no ${pattern} within 5 s: ${seen}`)), 5000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('latin1');
      if (pattern.test(seen)) done();
    };
    const done = (error?: Error) => {
      clearTimeout(timer);
      socket.off('data', onData);
      if (error) reject(error);
      else resolve();
    };
    socket.on('data', onData);
  });
}

/** Up to the point where TLS starts: the plain socket after STARTTLS, or none for implicit TLS. */
async function plainUpTo(endpoint: Endpoint): Promise<net.Socket | undefined> {
  if (endpoint === 'imaps') return undefined;
  const { host, port } = space.endpoints[endpoint];
  const socket = net.connect(port, host);
  if (endpoint === 'submission') {
    await readUntil(socket, /^220 /m);
    socket.write('EHLO client.example\r\n');
    await readUntil(socket, /^250 /m);
    socket.write('STARTTLS\r\n');
    await readUntil(socket, /^220 /m);
  } else {
    await readUntil(socket, /^\* OK/m);
    socket.write('a STARTTLS\r\n');
    await readUntil(socket, /^a OK/m);
  }
  return socket;
}

/** `TLSv1.3 TLS_AES_256_GCM_SHA384` on success, else the client's error code. */
async function handshake(endpoint: Endpoint, options: ConnectionOptions): Promise<string> {
  const plain = await plainUpTo(endpoint);
  const { host, port } = space.endpoints[endpoint];
  return new Promise((resolve) => {
    const secure = tls.connect({ ...(plain ? { socket: plain } : { host, port }), ca: space.caCertPem, servername: 'mssante.simulateur.test', ...options }, () => {
      resolve(`${secure.getProtocol()} ${secure.getCipher().standardName}`);
      secure.destroy();
    });
    secure.on('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code ?? error.message);
      secure.destroy();
    });
  });
}

async function everywhere(options: ConnectionOptions): Promise<string[]> {
  return [await handshake('submission', options), await handshake('imap', options), await handshake('imaps', options)];
}

test('legacy versions only: a conforming client is refused everywhere, a client that lowers its security level gets TLS 1.1', async () => {
  await space.setServerTls({ protocols: 'legacy-versions' });
  assert.deepEqual(await everywhere(CONFORMING), Array(3).fill('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION'));
  assert.deepEqual(await everywhere(LEGACY_CLIENT), Array(3).fill('TLSv1.1 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'));
  const failed = space.observations.list('tls-failed');
  assert.ok(failed.length >= 3, JSON.stringify(failed));
  space.reset();
  assert.deepEqual(space.serverTls, { certificate: 'valid', protocols: 'referential' });
  assert.deepEqual(await everywhere(CONFORMING), Array(3).fill('TLSv1.3 TLS_AES_256_GCM_SHA384'));
});

test('suites outside the list only: a client offering only the six suites is refused, Node defaults negotiate 0xC013', async () => {
  await space.setServerTls({ protocols: 'suites-outside-list' });
  assert.deepEqual(await everywhere(CONFORMING), Array(3).fill('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE'));
  assert.deepEqual(await everywhere({}), Array(3).fill('TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'));
});

test('certificate profiles on every endpoint: expired, wrong name, untrusted CA; a client not verifying goes on', async () => {
  const outcomes: Record<string, string[]> = {};
  for (const certificate of ['expired', 'wrong-name', 'untrusted'] as const) {
    await space.setServerTls({ certificate });
    outcomes[certificate] = await everywhere(CONFORMING);
    assert.deepEqual(await everywhere({ ...CONFORMING, rejectUnauthorized: false }), Array(3).fill('TLSv1.3 TLS_AES_256_GCM_SHA384'));
  }
  assert.deepEqual(outcomes, {
    expired: Array(3).fill('CERT_HAS_EXPIRED'),
    'wrong-name': Array(3).fill('ERR_TLS_CERT_ALTNAME_INVALID'),
    untrusted: Array(3).fill('UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
  });
  space.reset();
  assert.deepEqual(await everywhere(CONFORMING), Array(3).fill('TLSv1.3 TLS_AES_256_GCM_SHA384'));
});
