import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { portListeners } from './port-listeners.ts';

test('the process listening on a port is found, IPv4 and IPv6; nobody once the server is closed', { skip: process.platform !== 'linux' }, async () => {
  for (const host of ['127.0.0.1', '::1']) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const { port } = server.address() as { port: number };
    assert.deepEqual(portListeners(port), [process.pid], host);
    await new Promise((resolve) => server.close(resolve));
    assert.deepEqual(portListeners(port), [], host);
  }
});
