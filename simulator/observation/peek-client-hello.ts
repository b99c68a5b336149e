// Reads the client's first TLS record off a plain socket just before the server wraps it in a
// TLSSocket (after a STARTTLS reply, or on accepting an implicit-TLS connection), then puts the
// bytes back with `socket.unshift()`: Node's TLSSocket hands data already buffered on the
// underlying socket to the TLS engine (lib/_tls_wrap.js initRead, "Socket already has some
// buffered data - emulate receiving it"), so the handshake proceeds as if nothing had been read.
// Bounded: one record at most (MAX_TLS_RECORD_BYTES) and a timeout. It only observes: whatever
// it reads (a ClientHello, plaintext, nothing), the caller wraps the socket as it would have.
import type { Socket } from 'node:net';
import { firstRecordLength, MAX_TLS_RECORD_BYTES, readClientHello, type ClientHelloReading } from './client-hello.ts';

/** How long a client may take to send its ClientHello before the peek gives up (the TLS wrap still happens). */
export const DEFAULT_PEEK_TIMEOUT_MS = 10_000;

/** Called once per TLS handshake attempt with what the client offered (or sent instead). */
export type ClientHelloListener = (connectionId: string, reading: ClientHelloReading) => void;

/**
 * Resolves with the reading of the first record once it is complete, or once the client ended,
 * closed or went silent for `timeoutMs`. The socket is left paused, every byte read put back
 * (unless the client ended its side: then there is nothing left to handshake with).
 */
export function peekClientHello(socket: Socket, timeoutMs = DEFAULT_PEEK_TIMEOUT_MS): Promise<ClientHelloReading> {
  return new Promise((resolve) => {
    let received: Buffer = Buffer.alloc(0);
    let settled = false;
    const finish = (putBack: boolean) => {
      if (settled) return;
      settled = true;
      socket.pause();
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      clearTimeout(timer);
      if (putBack && received.length > 0 && !socket.destroyed) socket.unshift(received);
      resolve(readClientHello(received));
    };
    const onData = (chunk: Buffer) => {
      received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
      const needed = firstRecordLength(received);
      if ((needed !== undefined && received.length >= needed) || received.length >= MAX_TLS_RECORD_BYTES) finish(true);
    };
    const onEnd = () => finish(false);
    const timer = setTimeout(() => finish(true), timeoutMs);
    timer.unref();
    if (socket.destroyed || socket.readableEnded) return finish(false);
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
    socket.resume();
  });
}
