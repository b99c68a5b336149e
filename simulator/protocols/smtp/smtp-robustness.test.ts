// Hostile and careless clients (REG-SMTP-04): the server keeps answering per RFC 5321,
// the process never crashes, and a normal transaction still works afterwards. Peer endpoint
// without TLS (the cheapest way in), submission where AUTH matters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIBRARY_REPLIES } from './library-replies.ts';
import { REPLIES } from './replies.ts';
import { formatReply } from './smtp-reply.ts';
import { HOSTNAME, nextClosedConnection, startPeer, type TestEndpoint } from './testing/endpoint-fixture.ts';
import { CAMILLE, DR_MARTIN } from './testing/fake-trust-space.ts';
import { message, sendData } from './testing/dialogue.ts';
import { RawSmtpClient } from './testing/raw-smtp-client.ts';

const ACCEPTED = formatReply(REPLIES.messageAccepted('envoi-1'));

/** A complete, normal transaction on a fresh connection: the server is still healthy. */
async function normalTransaction(endpoint: TestEndpoint): Promise<void> {
  const { client } = await RawSmtpClient.connect(endpoint.port);
  await client.command('EHLO mta.operateur-b.test');
  await client.command(`MAIL FROM:<${DR_MARTIN}>`);
  await client.command(`RCPT TO:<${CAMILLE}>`);
  assert.equal(await sendData(client, message(DR_MARTIN)), ACCEPTED);
  assert.deepEqual(await client.command('QUIT'), [LIBRARY_REPLIES.bye]);
  client.close();
}

async function withPeer(run: (endpoint: TestEndpoint) => Promise<void>, overrides: Parameters<typeof startPeer>[0] = {}): Promise<void> {
  const endpoint = await startPeer({ withoutTls: true, ...overrides });
  try {
    await run(endpoint);
    await normalTransaction(endpoint);
  } finally {
    await endpoint.stop();
  }
}

test('bad commands and bad sequences get their RFC 5321 replies; 10 unknown commands close the connection', async () => {
  await withPeer(async (endpoint) => {
    const { client } = await RawSmtpClient.connect(endpoint.port);
    assert.deepEqual(await client.command(`MAIL FROM:<${DR_MARTIN}>`), [LIBRARY_REPLIES.sendHeloFirst]);
    await client.command('EHLO mta.operateur-b.test');
    assert.deepEqual(await client.command(`RCPT TO:<${CAMILLE}>`), [LIBRARY_REPLIES.needMailCommand]);
    assert.deepEqual(await client.command('MAIL FROM:pas-une-adresse'), [LIBRARY_REPLIES.badSenderSyntax]);
    assert.deepEqual(await client.command(`MAIL FROM:<${DR_MARTIN}>`), [LIBRARY_REPLIES.accepted]);
    assert.deepEqual(await client.command(`MAIL FROM:<${DR_MARTIN}>`), [LIBRARY_REPLIES.nestedMailCommand]);
    assert.deepEqual(await client.command('DATA'), [LIBRARY_REPLIES.needRcptCommand]);
    assert.deepEqual(await client.command('RCPT TO:<a@b@c>'), [LIBRARY_REPLIES.badRecipientSyntax]);
    for (let i = 1; i < 10; i += 1) assert.deepEqual(await client.command(`BONJOUR${i}`), [LIBRARY_REPLIES.commandNotRecognized]);
    assert.deepEqual(await client.command('BONJOUR10'), [LIBRARY_REPLIES.tooManyUnrecognizedCommands]);
    await client.waitClosed();
  });
});

test('pipelining abuse: 100 commands in one write get 100 replies in order, then a pipelined transaction', async () => {
  await withPeer(async (endpoint) => {
    const { client } = await RawSmtpClient.connect(endpoint.port);
    await client.command('EHLO mta.operateur-b.test');
    client.write('NOOP\r\n'.repeat(50) + 'RSET\r\n'.repeat(50));
    for (let i = 0; i < 100; i += 1) assert.deepEqual(await client.reply(), [i < 50 ? LIBRARY_REPLIES.noop : LIBRARY_REPLIES.flushed]);
    client.write(`MAIL FROM:<${DR_MARTIN}>\r\nRCPT TO:<${CAMILLE}>\r\nDATA\r\n`);
    assert.deepEqual([await client.line(), await client.line(), await client.line()], [LIBRARY_REPLIES.accepted, LIBRARY_REPLIES.accepted, LIBRARY_REPLIES.dataStart]);
    client.write(`${message(DR_MARTIN)}.\r\nQUIT\r\n`);
    assert.deepEqual([await client.line(), await client.line()], [ACCEPTED, LIBRARY_REPLIES.bye]);
    client.close();
  });
});

test('bare LF and 8-bit bytes in DATA are kept byte for byte; 8-bit garbage commands get 500', async () => {
  await withPeer(async (endpoint) => {
    const { client } = await RawSmtpClient.connect(endpoint.port);
    await client.command('EHLO mta.operateur-b.test');
    client.write(Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x41, 0x0d, 0x0a]));
    assert.deepEqual(await client.reply(), [LIBRARY_REPLIES.commandNotRecognized]);
    await client.command(`MAIL FROM:<${DR_MARTIN}> BODY=8BITMIME`);
    await client.command(`RCPT TO:<${CAMILLE}>`);
    const raw = Buffer.concat([Buffer.from(`From: ${DR_MARTIN}\nSubject: LF seuls\n\nligne 1\nligne 2\r\n`), Buffer.from([0xc3, 0xa9, 0xff, 0x00, 0x1b, 0x0d, 0x0a])]);
    assert.equal(await sendData(client, raw), ACCEPTED);
    assert.deepEqual(endpoint.router.messages[0]?.raw, raw);
    client.close();
  });
});

test('a 100 KB command line closes the connection with 421; a 1 MB header is accepted whole', async () => {
  await withPeer(async (endpoint) => {
    const { client } = await RawSmtpClient.connect(endpoint.port);
    await client.command('EHLO mta.operateur-b.test');
    assert.deepEqual(await client.command(`NOOP ${'a'.repeat(100 * 1024)}`), [LIBRARY_REPLIES.commandLineTooLong]);
    await client.waitClosed();
    const second = (await RawSmtpClient.connect(endpoint.port)).client;
    await second.command('EHLO mta.operateur-b.test');
    await second.command(`MAIL FROM:<${DR_MARTIN}>`);
    await second.command(`RCPT TO:<${CAMILLE}>`);
    const raw = `X-Long: ${'b'.repeat(1024 * 1024)}\r\n${message(DR_MARTIN)}`;
    assert.equal(await sendData(second, raw), ACCEPTED);
    assert.equal(endpoint.router.messages[0]?.raw.length, Buffer.byteLength(raw));
    second.close();
  });
});

test('a client disconnecting mid-DATA: nothing routed, the journal says so', async () => {
  await withPeer(async (endpoint) => {
    const { client } = await RawSmtpClient.connect(endpoint.port);
    await client.command('EHLO mta.operateur-b.test');
    await client.command(`MAIL FROM:<${DR_MARTIN}>`);
    await client.command(`RCPT TO:<${CAMILLE}>`);
    assert.deepEqual(await client.command('DATA'), [LIBRARY_REPLIES.dataStart]);
    const closed = nextClosedConnection(endpoint);
    client.write('Subject: interrompu\r\n\r\ndébut du message');
    await new Promise((resolve) => setTimeout(resolve, 20));
    client.close();
    const id = await closed;
    assert.equal(endpoint.router.messages.length, 0);
    const facts = endpoint.journal.transcript(id)?.lines.filter((line) => line.direction === '*').map((line) => line.text);
    assert.equal(facts?.length, 1);
    assert.match(facts?.[0] ?? '', /^connexion interrompue pendant DATA \((3\d|40) octets reçus\)$/); // the parser may hold back the last bytes
  });
});

test('an HTTP request to the SMTP port is refused and the connection closed', async () => {
  await withPeer(async (endpoint) => {
    const { client } = await RawSmtpClient.connect(endpoint.port);
    assert.deepEqual(await client.command('GET / HTTP/1.1'), [LIBRARY_REPLIES.httpRequestRefused]);
    await client.waitClosed();
  });
});

test('200 concurrent connections each send a message', async () => {
  await withPeer(async (endpoint) => {
    await Promise.all(Array.from({ length: 200 }, () => normalTransaction(endpoint)));
    assert.equal(endpoint.router.messages.length, 200);
  });
});

test('an idle client is disconnected after socketTimeoutMs; clients beyond maxClients get 421', async () => {
  await withPeer(
    async (endpoint) => {
      const { client } = await RawSmtpClient.connect(endpoint.port);
      assert.deepEqual(await client.reply(2000), [LIBRARY_REPLIES.idleTimeout]);
      await client.waitClosed();
      const first = await RawSmtpClient.connect(endpoint.port);
      const second = await RawSmtpClient.connect(endpoint.port);
      const third = RawSmtpClient.open(endpoint.port);
      assert.deepEqual(await third.reply(), [LIBRARY_REPLIES.tooManyClients(HOSTNAME)]);
      await third.waitClosed();
      first.client.close();
      second.client.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
    { socketTimeoutMs: 300, maxClients: 2 },
  );
});

test('the trace handed to routing says how the message came: HELO without TLS nor AUTH, the EHLO name as given', async () => {
  await withPeer(async (endpoint) => {
    const { client } = await RawSmtpClient.connect(endpoint.port);
    assert.match((await client.command('HELO vieux_mta'))[0] ?? '', /^250 /);
    await client.command(`MAIL FROM:<${DR_MARTIN}>`);
    await client.command(`RCPT TO:<${CAMILLE}>`);
    assert.equal(await sendData(client, message(DR_MARTIN)), ACCEPTED);
    assert.deepEqual(endpoint.router.messages[0]?.trace, { helo: 'vieux_mta', remoteAddress: '127.0.0.1', serverName: HOSTNAME, extended: false, authenticated: false, smtpUtf8: false });
    client.close();
  });
});
