// Life cycle of an endpoint: start on the given host only, graceful stop (idle clients told at
// once, transactions in progress allowed to finish up to the timeout), start errors reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { LIBRARY_REPLIES } from './library-replies.ts';
import { REPLIES } from './replies.ts';
import { formatReply } from './smtp-reply.ts';
import { startPeer } from './testing/endpoint-fixture.ts';
import { CAMILLE, DR_MARTIN, fakePlanRecipient, fakeView } from './testing/fake-trust-space.ts';
import { FakeRouter } from './testing/fake-router.ts';
import { createPeerEndpoint } from './peer-endpoint.ts';
import { message, sendData } from './testing/dialogue.ts';
import { RawSmtpClient } from './testing/raw-smtp-client.ts';

test('start binds 127.0.0.1 by default on an ephemeral port; a busy port is reported', async () => {
  const endpoint = await startPeer({ withoutTls: true });
  try {
    assert.ok(endpoint.port > 0);
    const busy = startPeer({ withoutTls: true, port: endpoint.port });
    await assert.rejects(busy, (error: NodeJS.ErrnoException) => error.code === 'EADDRINUSE');
  } finally {
    await endpoint.stop();
  }
});

test('stop: idle clients get 421 4.3.2 at once, a transaction in progress may finish, then no new connection', async () => {
  const endpoint = await startPeer({ withoutTls: true, stopTimeoutMs: 3000 });
  const idle = (await RawSmtpClient.connect(endpoint.port)).client;
  await idle.command('EHLO mta.operateur-b.test');
  const busy = (await RawSmtpClient.connect(endpoint.port)).client;
  await busy.command('EHLO mta.operateur-b.test');
  await busy.command(`MAIL FROM:<${DR_MARTIN}>`);
  await busy.command(`RCPT TO:<${CAMILLE}>`);
  assert.deepEqual(await busy.command('DATA'), [LIBRARY_REPLIES.dataStart]);
  const stopped = endpoint.stop();
  assert.deepEqual(await idle.reply(), [formatReply(REPLIES.shuttingDown)]);
  await idle.waitClosed();
  busy.write(`${message(DR_MARTIN)}.\r\n`);
  assert.equal(await busy.line(), formatReply(REPLIES.messageAccepted('envoi-1')));
  assert.deepEqual(await busy.command('NOOP'), [LIBRARY_REPLIES.serverShuttingDown]);
  await busy.waitClosed();
  await stopped;
  assert.equal(endpoint.router.messages.length, 1);
  const refused = net.connect({ port: endpoint.port, host: '127.0.0.1' });
  const [error] = (await new Promise((resolve) => refused.once('error', (e) => resolve([e])))) as [NodeJS.ErrnoException];
  assert.equal(error.code, 'ECONNREFUSED');
});

test('stop gives up on a stalled transaction after stopTimeoutMs and destroys its socket', async () => {
  const endpoint = await startPeer({ withoutTls: true, stopTimeoutMs: 200 });
  const stalled = (await RawSmtpClient.connect(endpoint.port)).client;
  await stalled.command('EHLO mta.operateur-b.test');
  await stalled.command(`MAIL FROM:<${DR_MARTIN}>`);
  const started = Date.now();
  await endpoint.stop();
  assert.ok(Date.now() - started < 2000, `stop took ${Date.now() - started} ms`);
  assert.deepEqual(await stalled.reply(), [LIBRARY_REPLIES.serverShuttingDown]);
  await stalled.waitClosed();
  await endpoint.stop(); // idempotent
});

test('an endpoint can be stopped before it started, and a peer endpoint works after another stopped', async () => {
  const neverStarted = createPeerEndpoint({ view: fakeView, planRecipient: fakePlanRecipient, router: new FakeRouter(), observations: null, settings: { strictRecipients: false, passwordAuth: false, maxMessageBytes: 1024 } });
  await neverStarted.stop();
  const first = await startPeer({ withoutTls: true });
  await first.stop();
  const second = await startPeer({ withoutTls: true });
  try {
    const { client } = await RawSmtpClient.connect(second.port);
    await client.command('EHLO mta.operateur-b.test');
    await client.command(`MAIL FROM:<${DR_MARTIN}>`);
    await client.command(`RCPT TO:<${CAMILLE}>`);
    assert.equal(await sendData(client, message(DR_MARTIN)), formatReply(REPLIES.messageAccepted('envoi-1')));
    client.close();
  } finally {
    await second.stop();
  }
});
