// Pull-style reading of a client's bytes: whole lines (bounded) and exact byte counts (literals),
// with backpressure (the socket is paused while too much is buffered). Detachable, so that
// STARTTLS can drop whatever plaintext followed the command (RFC 3501 §6.2.1, RFC 3207 §4.2
// injection attack) and read from the TLS socket instead.
import type { Duplex } from 'node:stream';
import { READ_HIGH_WATER_BYTES } from './imap-limits.ts';

const LF = 0x0a;
const CR = 0x0d;

/** `too-long`: the line exceeded the bound; it was discarded up to and including its LF. */
export type LineResult = { readonly kind: 'line'; readonly line: Buffer } | { readonly kind: 'too-long'; readonly head: Buffer } | { readonly kind: 'end' };

export class SocketReader {
  readonly #socket: Duplex;
  readonly #chunks: Buffer[] = [];
  #buffered = 0;
  #ended = false;
  #wake: (() => void) | undefined;
  readonly #onData = (chunk: Buffer) => {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    if (this.#buffered > READ_HIGH_WATER_BYTES) this.#socket.pause();
    this.#notify();
  };
  readonly #onEnd = () => {
    this.#ended = true;
    this.#notify();
  };

  constructor(socket: Duplex) {
    this.#socket = socket;
    socket.on('data', this.#onData);
    socket.on('end', this.#onEnd);
    socket.on('close', this.#onEnd);
  }

  /** The next line without its CRLF (or bare LF), at most `maxBytes` long. */
  async readLine(maxBytes: number): Promise<LineResult> {
    for (;;) {
      const end = this.#findLineFeed(maxBytes + 2);
      if (end >= 0 && end <= maxBytes + 1) return { kind: 'line', line: stripLineEnd(this.#take(end + 1)) };
      if (end >= 0 || this.#buffered > maxBytes + 1) return this.#discardLongLine();
      if (!(await this.#more())) return { kind: 'end' };
    }
  }

  /** Exactly `count` bytes, or null if the client went away first. */
  async readBytes(count: number): Promise<Buffer | null> {
    while (this.#buffered < count) if (!(await this.#more())) return null;
    return this.#take(count);
  }

  /** Reads and drops `count` bytes without keeping them; false if the client went away. */
  async skipBytes(count: number): Promise<boolean> {
    let left = count;
    for (;;) {
      const dropped = Math.min(left, this.#buffered);
      this.#take(dropped);
      left -= dropped;
      if (left === 0) return true;
      if (!(await this.#more())) return false;
    }
  }

  /** Stops reading this socket and drops whatever was buffered (STARTTLS). */
  detach(): number {
    this.#socket.off('data', this.#onData);
    this.#socket.off('end', this.#onEnd);
    this.#socket.off('close', this.#onEnd);
    const dropped = this.#buffered;
    this.#chunks.length = 0;
    this.#buffered = 0;
    this.#ended = true;
    this.#notify();
    return dropped;
  }

  async #discardLongLine(): Promise<LineResult> {
    const head = Buffer.from(this.#take(Math.min(this.#buffered, 64)));
    for (;;) {
      const end = this.#findLineFeed(Number.MAX_SAFE_INTEGER);
      if (end >= 0) {
        this.#take(end + 1);
        return { kind: 'too-long', head };
      }
      this.#take(this.#buffered);
      if (!(await this.#more())) return { kind: 'end' };
    }
  }

  /** Offset of the first LF within the first `limit` buffered bytes, or -1. */
  #findLineFeed(limit: number): number {
    let offset = 0;
    for (const chunk of this.#chunks) {
      const found = chunk.indexOf(LF);
      if (found >= 0) return offset + found;
      offset += chunk.length;
      if (offset >= limit) return -1;
    }
    return -1;
  }

  #take(count: number): Buffer {
    if (count === 0) return Buffer.alloc(0);
    const first = this.#chunks[0] as Buffer;
    let result: Buffer;
    if (first.length >= count) {
      result = first.subarray(0, count);
      if (first.length === count) this.#chunks.shift();
      else this.#chunks[0] = first.subarray(count);
    } else {
      result = Buffer.allocUnsafe(count);
      let filled = 0;
      while (filled < count) {
        const chunk = this.#chunks[0] as Buffer;
        const used = Math.min(chunk.length, count - filled);
        chunk.copy(result, filled, 0, used);
        filled += used;
        if (used === chunk.length) this.#chunks.shift();
        else this.#chunks[0] = chunk.subarray(used);
      }
    }
    this.#buffered -= count;
    if (this.#buffered <= READ_HIGH_WATER_BYTES && this.#socket.isPaused()) this.#socket.resume();
    return result;
  }

  /** Waits for more bytes; false once the socket ended and nothing more will come. */
  #more(): Promise<boolean> {
    if (this.#ended) return Promise.resolve(false);
    if (this.#socket.isPaused()) this.#socket.resume();
    return new Promise((resolve) => {
      this.#wake = () => resolve(true);
    });
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}

function stripLineEnd(line: Buffer): Buffer {
  const withoutLf = line.subarray(0, line.length - 1);
  return withoutLf.length > 0 && withoutLf[withoutLf.length - 1] === CR ? withoutLf.subarray(0, withoutLf.length - 1) : withoutLf;
}
