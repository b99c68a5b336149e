// A small SMTP load generator over raw sockets (lock-step, no pipelining, like smtp-source):
// `reuse` sends many messages per connection, `perconn` one connection per message. Bounded:
// exactly `messages` transactions, each socket with a timeout.
import { connect, type Socket } from 'node:net';

export type LoadMode = 'reuse' | 'perconn';

/** What any generator of the bench is asked to send (smtp-load.ts, Postfix smtp-source). */
export interface LoadShape {
  readonly port: number;
  readonly mode: LoadMode;
  readonly messages: number;
  readonly sessions: number;
  readonly from: string;
  readonly to: string;
}

export interface LoadOptions extends LoadShape {
  readonly host: string;
  /** Full message, CRLF line endings, dot-stuffed, without the final `.`. */
  readonly payload: Buffer;
}

class SmtpSession {
  #buffer = '';
  #waiting: { resolve: (reply: string) => void; reject: (error: Error) => void }[] = [];
  #replies: string[] = [];
  #failure: Error | undefined;

  private constructor(readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.setTimeout(30_000, () => socket.destroy(new Error('SMTP session timed out')));
    socket.on('data', (chunk: string) => this.#onData(chunk));
    socket.on('error', (error) => this.#fail(error));
    socket.on('close', () => this.#fail(new Error('connection closed by the server')));
  }

  static async open(host: string, port: number): Promise<SmtpSession> {
    const socket = connect({ host, port });
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const session = new SmtpSession(socket);
    await session.reply();
    return session;
  }

  reply(): Promise<string> {
    const ready = this.#replies.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error);
  }

  async command(line: string | Buffer): Promise<string> {
    this.socket.write(line);
    return this.reply();
  }

  #onData(chunk: string): void {
    this.#buffer += chunk;
    for (;;) {
      const match = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\n/.exec(this.#buffer);
      if (!match) return;
      this.#buffer = this.#buffer.slice(match[0].length);
      const waiter = this.#waiting.shift();
      if (waiter) waiter.resolve(match[0]);
      else this.#replies.push(match[0]);
    }
  }
}

async function transaction(session: SmtpSession, options: LoadOptions, data: Buffer): Promise<boolean> {
  if (!(await session.command(`MAIL FROM:<${options.from}>\r\n`)).startsWith('250')) return false;
  if (!(await session.command(`RCPT TO:<${options.to}>\r\n`)).startsWith('250')) return false;
  if (!(await session.command('DATA\r\n')).startsWith('354')) return false;
  return (await session.command(data)).startsWith('250');
}

export async function runLoad(options: LoadOptions): Promise<{ accepted: number; refused: number }> {
  const data = Buffer.concat([options.payload, Buffer.from('\r\n.\r\n')]);
  let next = 0;
  let accepted = 0;
  let refused = 0;
  const count = (ok: boolean) => (ok ? (accepted += 1) : (refused += 1));
  const worker = async () => {
    let session: SmtpSession | undefined;
    while (next < options.messages) {
      next += 1;
      if (!session) {
        session = await SmtpSession.open(options.host, options.port);
        await session.command('EHLO bench.local\r\n');
      }
      count(await transaction(session, options, data));
      if (options.mode === 'perconn') {
        await session.command('QUIT\r\n');
        session.socket.destroy();
        session = undefined;
      }
    }
    if (session) {
      await session.command('QUIT\r\n');
      session.socket.destroy();
    }
  };
  await Promise.all(Array.from({ length: options.sessions }, worker));
  return { accepted, refused };
}
