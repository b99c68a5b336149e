// A raw SMTP client for wire tests that pin exact reply lines: writes bytes as given, reads
// replies line by line (multi-line replies gathered), every wait bounded by a timeout.
import net from 'node:net';
import tls from 'node:tls';

const REPLY_TIMEOUT_MS = 5000;

export class RawSmtpClient {
  #socket: net.Socket;
  /** The TLS socket after startTls(). */
  get socket(): net.Socket {
    return this.#socket;
  }

  #buffer = '';
  readonly #lines: string[] = [];
  #waiter: (() => void) | undefined;
  #closed = false;

  private constructor(socket: net.Socket) {
    this.#socket = socket;
    this.#listen(socket);
  }

  /** Connects and reads the greeting. */
  static async connect(port: number, host = '127.0.0.1'): Promise<{ client: RawSmtpClient; greeting: string[] }> {
    const socket = net.connect({ port, host });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new RawSmtpClient(socket);
    return { client, greeting: await client.reply() };
  }

  /** Connects without waiting for anything. */
  static open(port: number, host = '127.0.0.1'): RawSmtpClient {
    return new RawSmtpClient(net.connect({ port, host }));
  }

  get closed(): boolean {
    return this.#closed;
  }

  write(data: string | Buffer): void {
    this.#socket.write(data);
  }

  /** Sends one command line (CRLF added) and reads its reply. */
  async command(line: string): Promise<string[]> {
    this.write(`${line}\r\n`);
    return this.reply();
  }

  /** The next complete reply: its lines, the last one being `NNN text`. */
  async reply(timeoutMs = REPLY_TIMEOUT_MS): Promise<string[]> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.#nextLine(timeoutMs);
      lines.push(line);
      if (!/^\d{3}-/.test(line)) return lines;
    }
  }

  /** The last line of the next reply. */
  async line(timeoutMs = REPLY_TIMEOUT_MS): Promise<string> {
    const lines = await this.reply(timeoutMs);
    return lines[lines.length - 1] ?? '';
  }

  /** Sends STARTTLS, then does the TLS handshake trusting `ca` for `servername`; returns the 220 line. */
  async startTls(ca: string, servername: string, options: tls.ConnectionOptions = {}): Promise<string> {
    const ready = await this.command('STARTTLS').then((lines) => lines.join('\n'));
    if (!ready.startsWith('220 ')) throw new Error(`STARTTLS refused: ${ready}`);
    this.#socket.removeAllListeners('data');
    const secure = tls.connect({ socket: this.#socket, ca, servername, ...options });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', reject);
    });
    this.#socket = secure;
    this.#listen(secure);
    return ready;
  }

  /** Resolves when the server has closed the connection (bounded). */
  async waitClosed(timeoutMs = REPLY_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.#closed) {
      if (Date.now() > deadline) throw new Error('connection still open');
      await new Promise<void>((resolve) => {
        this.#waiter = resolve;
        setTimeout(resolve, 50).unref();
      });
    }
  }

  close(): void {
    this.#socket.destroy();
  }

  #listen(socket: net.Socket): void {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.#buffer += chunk;
      let end = this.#buffer.indexOf('\r\n');
      while (end !== -1) {
        this.#lines.push(this.#buffer.slice(0, end));
        this.#buffer = this.#buffer.slice(end + 2);
        end = this.#buffer.indexOf('\r\n');
      }
      this.#wake();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.#closed = true;
      this.#wake();
    });
  }

  #wake(): void {
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.();
  }

  async #nextLine(timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.#lines.shift();
      if (line !== undefined) return line;
      if (this.#closed) throw new Error('connection closed by the server');
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no reply within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.#waiter = resolve;
        setTimeout(resolve, remaining).unref();
      });
    }
  }
}
