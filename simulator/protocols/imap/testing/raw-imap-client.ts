// A raw IMAP client for wire tests that pin exact responses: writes bytes as given, reads
// responses line by line with literals inlined, every wait bounded by a timeout.
import net from 'node:net';
import tls from 'node:tls';
import { SERVER_NAME } from './imap-test-server.ts';

const TIMEOUT_MS = 5000;

export class RawImapClient {
  #socket: net.Socket;
  #buffer = Buffer.alloc(0);
  #wake: (() => void) | undefined;
  #ended = false;

  private constructor(socket: net.Socket) {
    this.#socket = socket;
    this.#listen(socket);
  }

  static async connect(port: number): Promise<{ client: RawImapClient; greeting: string }> {
    const socket = net.connect({ port, host: '127.0.0.1' });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new RawImapClient(socket);
    return { client, greeting: await client.line() };
  }

  /** Connects with implicit TLS. */
  static async connectTls(port: number, ca: string, options: tls.ConnectionOptions = {}): Promise<{ client: RawImapClient; greeting: string }> {
    const socket = tls.connect({ port, host: '127.0.0.1', servername: SERVER_NAME, ca, ...options });
    await new Promise<void>((resolve, reject) => {
      socket.once('secureConnect', resolve);
      socket.once('error', reject);
    });
    const client = new RawImapClient(socket);
    return { client, greeting: await client.line() };
  }

  get ended(): boolean {
    return this.#ended;
  }

  write(data: string | Buffer): void {
    this.#socket.write(data);
  }

  /** Sends `tag text` and returns every response line up to and including the tagged one. */
  async command(tag: string, text: string): Promise<string[]> {
    this.write(`${tag} ${text}\r\n`);
    return this.until(tag);
  }

  /** Response lines up to and including the one starting with `tag `. */
  async until(tag: string, timeoutMs = TIMEOUT_MS): Promise<string[]> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.line(timeoutMs);
      lines.push(line);
      if (line.startsWith(`${tag} `)) return lines;
    }
  }

  /** One response line, literals inlined (`{n}` CRLF bytes kept as they came). */
  async line(timeoutMs = TIMEOUT_MS): Promise<string> {
    let text = '';
    for (;;) {
      const lineFeed = await this.#waitFor(() => this.#buffer.indexOf(0x0a), timeoutMs);
      const piece = this.#take(lineFeed + 1).toString('latin1');
      const literal = /\{(\d+)\}\r\n$/.exec(piece);
      if (!literal) return text + piece.replace(/\r\n$/, '');
      const size = Number(literal[1]);
      await this.#waitFor(() => (this.#buffer.length >= size ? size : -1), timeoutMs);
      text += piece + this.#take(size).toString('latin1');
    }
  }

  /** STARTTLS, then TLS on the same socket (checks the server with the CA); `injected` is sent right after the command. */
  async startTls(tag: string, ca: string, options: tls.ConnectionOptions = {}, injected = ''): Promise<string[]> {
    this.write(`${tag} STARTTLS\r\n${injected}`);
    const lines = await this.until(tag);
    const plain = this.#socket;
    plain.removeAllListeners('data');
    const secure = tls.connect({ socket: plain, servername: SERVER_NAME, ca, ...options });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', reject);
    });
    this.#socket = secure;
    this.#listen(secure);
    return lines;
  }

  /** Resolves once the server closed the connection (bounded). */
  async closed(timeoutMs = TIMEOUT_MS): Promise<void> {
    await this.#waitFor(() => (this.#ended ? 0 : -1), timeoutMs);
  }

  close(): void {
    this.#socket.destroy();
  }

  #listen(socket: net.Socket): void {
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#wake?.();
    });
    socket.on('close', () => {
      this.#ended = true;
      this.#wake?.();
    });
    socket.on('error', () => undefined);
  }

  #take(count: number): Buffer {
    const taken = this.#buffer.subarray(0, count);
    this.#buffer = this.#buffer.subarray(count);
    return taken;
  }

  async #waitFor(found: () => number, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const position = found();
      if (position >= 0) return position;
      if (this.#ended) throw new Error(`connection closed; buffered: ${JSON.stringify(this.#buffer.toString('latin1').slice(0, 200))}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no response within ${timeoutMs} ms; buffered: ${JSON.stringify(this.#buffer.toString('latin1').slice(0, 200))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
