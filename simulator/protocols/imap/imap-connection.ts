// One client connection: greeting, then commands read one at a time (readCommand) and run by
// the session; implements the session's I/O port (SessionIo): writing with backpressure,
// reading continuation lines, STARTTLS on the same socket (RFC 3501 §6.2.1: plaintext received
// after the command is dropped), BYE on revocation, reset, stop or inactivity, and the journal
// (`imap-<n>`: every line both ways, secrets redacted, TLS and AUTH facts).
import type { Socket } from 'node:net';
import { TLSSocket, type PeerCertificate, type SecureContext } from 'node:tls';
import type { ObservationSink } from '../../observation/observation-sink.ts';
import { peekClientHello } from '../../observation/peek-client-hello.ts';
import { tlsEstablished, tlsFailure } from '../../observation/tls-observer.ts';
import { trustedClientCertificate } from './imap-tls.ts';
import { journalCommand } from './protocol/command-journal.ts';
import { MAX_LINE_BYTES } from './protocol/imap-limits.ts';
import { imapText } from './protocol/imap-text.ts';
import { readCommand } from './protocol/read-command.ts';
import { SocketReader } from './protocol/socket-reader.ts';
import type { WireChunk } from './protocol/wire-builder.ts';
import { ImapSession } from './session/imap-session.ts';
import { TEXTS } from './session/imap-texts.ts';
import type { Account, ImapAuthAttempt, SessionIo, SessionServices, SessionState } from './session/session-types.ts';
import { SocketWriter } from './socket-writer.ts';
import { upgradeToTls } from './starttls-upgrade.ts';

export interface ConnectionSettings {
  readonly id: string;
  readonly services: SessionServices;
  /** Where the connection's observations go; `null`: no transcript (benchmarks). */
  readonly observations: ObservationSink | null;
  /** For STARTTLS. */
  readonly secureContext: SecureContext;
  readonly requestCert: boolean;
  readonly rejectUnauthorized: boolean;
  readonly idleTimeoutMs: number;
  readonly onError: (error: unknown) => void;
  readonly onAuthenticated: (connection: ImapConnection, account: Account) => void;
  readonly onClosed: (connection: ImapConnection) => void;
}

export class ImapConnection implements SessionIo {
  readonly id: string;
  readonly #settings: ConnectionSettings;
  #socket: Socket;
  #reader: SocketReader;
  readonly #writer: SocketWriter;
  readonly #session: ImapSession;
  #secure: boolean;
  #certificate: PeerCertificate | undefined;
  #waitingForClient = false;
  #pendingBye: string | undefined;
  #closed = false;

  constructor(socket: Socket, secure: boolean, settings: ConnectionSettings) {
    this.id = settings.id;
    this.#settings = settings;
    this.#socket = socket;
    this.#secure = secure;
    this.#reader = new SocketReader(socket);
    const sink = settings.observations;
    this.#writer = new SocketWriter(socket, sink ? (text) => sink.publish({ type: 'protocol-line', connectionId: this.id, direction: 'S', text }) : null);
    this.#session = new ImapSession(this, settings.services, settings.onError);
    this.#watch(socket);
    if (socket instanceof TLSSocket) this.#noteTls(socket);
  }

  get secure(): boolean {
    return this.#secure;
  }

  get state(): SessionState {
    return this.#session.context.state;
  }

  start(): void {
    this.#run().catch((error: unknown) => {
      this.#settings.onError(error);
      this.close();
    });
  }

  /** Says BYE now if the client is not in the middle of a command, else right after it. */
  bye(text: string): void {
    if (this.#closed) return;
    if (!this.#waitingForClient) {
      this.#pendingBye = text;
      return;
    }
    this.sendLine(`* BYE ${imapText(text)}`);
    this.close();
  }

  sendLine(line: string): void {
    this.#writer.line(line);
  }

  sendChunks(chunks: readonly WireChunk[]): void {
    this.#writer.chunks(chunks);
  }

  flush(): Promise<void> {
    return this.#writer.flush();
  }

  async readLine(options: { readonly secret?: boolean } = {}): Promise<string | null> {
    this.#writer.send();
    this.#waitingForClient = true;
    const result = await this.#reader.readLine(MAX_LINE_BYTES);
    this.#waitingForClient = false;
    if (result.kind === 'end' || this.#closed) return null;
    const line = result.kind === 'line' ? result.line.toString('utf8') : '';
    this.#record('C', options.secret ? '***' : line);
    return line;
  }

  clientCertificate(): PeerCertificate | undefined {
    return this.#certificate;
  }

  fact(text: string): void {
    this.#settings.observations?.publish({ type: 'connection-note', connectionId: this.id, text });
  }

  authAttempt(attempt: ImapAuthAttempt): void {
    this.#settings.observations?.publish({ type: 'auth', connectionId: this.id, protocol: 'imap', ...attempt });
  }

  completed(command: { readonly tag: string; readonly verb: string; readonly status: 'OK' | 'NO' | 'BAD'; readonly code?: string }): void {
    this.#settings.observations?.publish({ type: 'imap-command', connectionId: this.id, ...command });
  }

  authenticated(account: Account): void {
    this.#settings.onAuthenticated(this, account);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#writer.send();
    this.#socket.end();
    setTimeout(() => this.#socket.destroy(), 2000).unref();
  }

  destroy(): void {
    this.#closed = true;
    this.#socket.destroy();
  }

  async startTls(): Promise<void> {
    this.#writer.send();
    const dropped = this.#reader.detach();
    if (dropped > 0) this.fact(`${dropped} octets reçus entre STARTTLS et la négociation TLS ignorés (RFC 3501 §6.2.1)`);
    this.#socket.setTimeout(0);
    const sink = this.#settings.observations;
    if (sink) {
      sink.publish({ type: 'tls-client-hello', connectionId: this.id, offer: await peekClientHello(this.#socket) });
      if (this.#closed) return void sink.publish({ type: 'tls-failed', connectionId: this.id, ...tlsFailure('connexion fermée par le client avant la négociation TLS') });
    }
    const { socket: secure, handshake } = upgradeToTls(this.#socket, this.#settings);
    this.#socket = secure;
    this.#writer.replaceSocket(secure);
    this.#watch(secure);
    const failure = await handshake;
    if (failure !== undefined) {
      this.#settings.observations?.publish({ type: 'tls-failed', connectionId: this.id, ...tlsFailure(failure) });
      this.destroy();
      return;
    }
    this.#secure = true;
    this.#reader = new SocketReader(secure);
    this.#noteTls(secure);
  }

  async #run(): Promise<void> {
    this.sendLine(this.#session.greeting());
    while (!this.#closed) {
      this.#writer.send();
      this.#waitingForClient = true;
      const input = await readCommand(this.#reader, { continuation: (text) => this.sendLine(`+ ${imapText(text)}`) });
      this.#waitingForClient = false;
      if (this.#closed || input.kind === 'end') break;
      if (input.kind === 'refused') {
        this.#record('C', `(commande refusée : ${input.text})`);
        this.#session.refuse(input.tag, input.text);
        if (input.close) this.#pendingBye ??= input.text;
      } else {
        this.#record('C', journalCommand(input.parts));
        await this.#session.handle(input.parts);
      }
      if (this.#pendingBye !== undefined && !this.#closed) {
        this.sendLine(`* BYE ${imapText(this.#pendingBye)}`);
        this.close();
      }
    }
    this.close();
  }

  #watch(socket: Socket): void {
    socket.setTimeout(this.#settings.idleTimeoutMs);
    socket.on('timeout', () => this.bye(TEXTS.idleTimeout));
    socket.on('error', (error: Error) => this.#settings.observations?.publish({ type: 'connection-error', connectionId: this.id, message: error.message }));
    socket.once('close', () => {
      if (socket !== this.#socket) return;
      this.#closed = true;
      this.#settings.observations?.publish({ type: 'connection-closed', connectionId: this.id });
      this.#settings.onClosed(this);
    });
  }

  #noteTls(socket: TLSSocket): void {
    this.#settings.observations?.publish({ type: 'tls-established', connectionId: this.id, ...tlsEstablished(socket) });
    this.#certificate = trustedClientCertificate(socket);
  }

  #record(direction: 'C' | 'S', text: string): void {
    this.#settings.observations?.publish({ type: 'protocol-line', connectionId: this.id, direction, text });
  }
}
