// For tests: a raw TCP listener on 127.0.0.1:0 that keeps the first TLS record a client sends
// (or whatever it sends instead, up to one record's worth) and then closes the connection, so
// real ClientHellos (openssl, Node's tls.connect) can be read without binary fixtures.
import net from 'node:net';
import { firstRecordLength, MAX_TLS_RECORD_BYTES } from '../client-hello.ts';

export interface RecordCapture {
  readonly port: number;
  /** The first record of the next connection, once received (or the bytes before the client closed). */
  readonly firstRecord: Promise<Buffer>;
  close(): Promise<void>;
}

export async function captureFirstRecord(): Promise<RecordCapture> {
  let deliver: (bytes: Buffer) => void = () => undefined;
  const firstRecord = new Promise<Buffer>((resolve) => (deliver = resolve));
  const server = net.createServer((socket) => {
    let received = Buffer.alloc(0);
    const done = () => {
      deliver(received);
      socket.destroy();
    };
    socket.on('error', () => undefined);
    socket.on('end', done);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const needed = firstRecordLength(received);
      if (needed !== undefined && received.length >= needed) {
        received = received.subarray(0, needed);
        done();
      } else if (received.length >= MAX_TLS_RECORD_BYTES) done();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    firstRecord,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
