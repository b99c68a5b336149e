// Writes responses to the client socket. Responses are gathered and written in blocks of about
// 64 KiB (one buffer, one write: a 10,000-message FETCH costs a few hundred writes, not tens of
// thousands); what is left goes out on the next turn of the event loop or when the session waits
// for the client. `flush` waits while the socket is full (backpressure, so a slow client of a
// large FETCH costs little memory). Every line goes to the journal, literals summarised by size.
import type { Duplex } from 'node:stream';
import { wireSummary, type WireChunk } from './protocol/wire-builder.ts';

const BLOCK_BYTES = 64 * 1024;

export class SocketWriter {
  #socket: Duplex;
  readonly #journal: ((text: string) => void) | null;
  #pending: WireChunk[] = [];
  #pendingBytes = 0;
  #scheduled = false;

  constructor(socket: Duplex, journal: ((text: string) => void) | null) {
    this.#socket = socket;
    this.#journal = journal;
  }

  /** After STARTTLS: write to the TLS socket. */
  replaceSocket(socket: Duplex): void {
    this.send();
    this.#socket = socket;
  }

  line(text: string): void {
    this.#queue(`${text}\r\n`);
    this.#journal?.(text);
  }

  chunks(chunks: readonly WireChunk[]): void {
    for (const chunk of chunks) this.#queue(chunk);
    this.#journal?.(wireSummary(chunks));
  }

  /** Writes what is queued, then waits while the socket is full. */
  async flush(): Promise<void> {
    if (this.#pendingBytes < BLOCK_BYTES && !this.#socket.writableNeedDrain) return;
    this.send();
    const socket = this.#socket;
    if (!socket.writableNeedDrain || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        socket.off('drain', done);
        socket.off('close', done);
        resolve();
      };
      socket.on('drain', done);
      socket.on('close', done);
    });
  }

  /** Writes what is queued now, as one buffer. */
  send(): void {
    if (this.#pending.length === 0) return;
    const block = Buffer.allocUnsafe(this.#pendingBytes);
    let offset = 0;
    for (const chunk of this.#pending) {
      if (typeof chunk === 'string') offset += block.write(chunk, offset, 'latin1');
      else offset += chunk.copy(block, offset);
    }
    this.#pending = [];
    this.#pendingBytes = 0;
    const socket = this.#socket;
    if (!socket.destroyed && !socket.writableEnded) socket.write(block);
  }

  #queue(chunk: WireChunk): void {
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length; // strings are 7-bit: one byte per character
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        this.send();
      });
    }
  }
}
