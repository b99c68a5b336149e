// Peeking at the ClientHello on a plain socket, then wrapping it server-side: on Node 20 the
// TLSSocket receives the bytes put back with unshift() and the handshake completes; plaintext,
// silence and early closes give explicit readings.
import assert from 'node:assert/strict';
import net from 'node:net';
import { Duplex } from 'node:stream';
import { before, describe, it } from 'node:test';
import tls from 'node:tls';
import { generateCa, generateServerCertificate, type KeyAndCertificate } from '../services/pki/generate-certificates.ts';
import type { ClientHelloReading } from './client-hello.ts';
import { peekClientHello } from './peek-client-hello.ts';

const NAME = 'peek.operateur-a.test';

interface Outcome {
  readonly reading: Promise<ClientHelloReading>;
  readonly handshake: Promise<string>;
}

interface PeekServer {
  readonly port: number;
  /** The reading and the handshake outcome of the next connection, in order. */
  readonly next: () => Promise<Outcome>;
  close(): Promise<void>;
}

async function startPeekServer(server: KeyAndCertificate, timeoutMs?: number): Promise<PeekServer> {
  const secureContext = tls.createSecureContext({ key: server.keyPem, cert: server.certPem });
  const results: Outcome[] = [];
  const waiting: Array<(outcome: Outcome) => void> = [];
  const listener = net.createServer((socket) => {
    socket.on('error', () => undefined);
    const reading = peekClientHello(socket, timeoutMs);
    const handshake = reading.then(
      () =>
        new Promise<string>((resolve) => {
          const secure = new tls.TLSSocket(socket, { isServer: true, secureContext });
          secure.once('secure', () => resolve(`secure ${secure.getProtocol()}`));
          secure.once('error', (error) => resolve(`error ${error.message}`));
          secure.once('close', () => resolve('closed'));
          secure.on('data', (chunk: Buffer) => secure.write(chunk)); // echo
        }),
    );
    const waiter = waiting.shift();
    if (waiter) waiter({ reading, handshake });
    else results.push({ reading, handshake });
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return {
    port: (listener.address() as net.AddressInfo).port,
    next: () => {
      const ready = results.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => new Promise((resolve) => listener.close(() => resolve())),
  };
}

describe('peekClientHello', { timeout: 30_000 }, () => {
  let ca: KeyAndCertificate;
  let server: KeyAndCertificate;
  before(async () => {
    ca = await generateCa(new Date());
    server = await generateServerCertificate(ca, [NAME], new Date());
  });

  it('reads the ClientHello, and the TLSSocket built afterwards completes the handshake and carries data', async () => {
    const peek = await startPeekServer(server);
    const client = tls.connect({ port: peek.port, host: '127.0.0.1', servername: NAME, ca: ca.certPem, ALPNProtocols: ['smtp'] });
    await new Promise<void>((resolve, reject) => client.once('secureConnect', resolve).once('error', reject));
    const echoed = await echo(client);
    client.destroy();
    const outcome = await peek.next();
    const reading = await outcome.reading;
    await peek.close();
    assert.equal(echoed, 'ping');
    assert.equal(await outcome.handshake, 'secure TLSv1.3');
    assert.equal(reading.kind, 'client-hello');
    assert.deepEqual(reading.kind === 'client-hello' ? [reading.facts.sni, reading.facts.alpn] : [], [NAME, ['smtp']]);
  });

  it('accumulates a ClientHello that arrives in several chunks', async () => {
    const peek = await startPeekServer(server);
    const raw = net.connect(peek.port, '127.0.0.1');
    await new Promise<void>((resolve) => raw.once('connect', resolve));
    raw.setNoDelay(true);
    const client = tls.connect({ socket: splitFirstWrite(raw), servername: NAME, ca: ca.certPem });
    await new Promise<void>((resolve, reject) => client.once('secureConnect', resolve).once('error', reject));
    const echoed = await echo(client);
    client.destroy();
    const outcome = await peek.next();
    await peek.close();
    assert.equal((await outcome.reading).kind, 'client-hello');
    assert.equal(await outcome.handshake, 'secure TLSv1.3');
    assert.equal(echoed, 'ping');
  });

  it('reports plaintext as not a ClientHello; the TLS wrap then fails the handshake', async () => {
    const peek = await startPeekServer(server);
    const raw = net.connect(peek.port, '127.0.0.1', () => raw.write('EHLO client.test\r\n'));
    raw.on('error', () => undefined);
    const outcome = await peek.next();
    const handshake = await outcome.handshake;
    raw.destroy();
    await peek.close();
    assert.deepEqual(await outcome.reading, { kind: 'not-client-hello', reason: 'not-a-tls-handshake-record', preview: 'EHLO client.test\\x0d\\x0a' });
    assert.match(handshake, /^error .*(wrong version number|unknown protocol|http request|packet length)/i);
  });

  it('gives up after its timeout on a silent client, with nothing received', async () => {
    const peek = await startPeekServer(server, 50);
    const raw = net.connect(peek.port, '127.0.0.1');
    raw.on('error', () => undefined);
    const outcome = await peek.next();
    const reading = await Promise.race([outcome.reading, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no reading after 5 s')), 5000).unref())]);
    raw.destroy();
    await peek.close();
    assert.deepEqual(reading, { kind: 'truncated', receivedBytes: 0 });
  });

  it('reports a record cut short by the client closing', async () => {
    const peek = await startPeekServer(server);
    const raw = net.connect(peek.port, '127.0.0.1', () => raw.end(Buffer.from([22, 3, 1, 0x01, 0x00, 1, 0])));
    raw.on('error', () => undefined);
    const outcome = await peek.next();
    const reading = await outcome.reading;
    await peek.close();
    assert.deepEqual(reading, { kind: 'truncated', receivedBytes: 7, expectedBytes: 261 });
  });
});

async function echo(client: tls.TLSSocket): Promise<string> {
  client.write('ping');
  return new Promise<string>((resolve) => client.once('data', (chunk: Buffer) => resolve(chunk.toString())));
}

/** A stream over `raw` whose first write (the ClientHello) leaves in three pieces: 3 bytes, 40, the rest. */
function splitFirstWrite(raw: net.Socket): Duplex {
  let first = true;
  const duplex = new Duplex({
    read: () => undefined,
    write(chunk: Buffer, _encoding, callback) {
      if (!first) return raw.write(chunk, callback);
      first = false;
      raw.write(chunk.subarray(0, 3));
      setTimeout(() => raw.write(chunk.subarray(3, 43)), 20);
      setTimeout(() => raw.write(chunk.subarray(43), callback), 40);
    },
    destroy(error, callback) {
      raw.destroy();
      callback(error);
    },
  });
  raw.on('data', (chunk: Buffer) => duplex.push(chunk));
  raw.on('end', () => duplex.push(null));
  raw.on('error', () => undefined);
  return duplex;
}
