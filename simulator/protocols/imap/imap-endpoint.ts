// The IMAP endpoint of the simulated operators (REG-IMAP-01; SC.MSS/CONF.06: IMAP4rev1 with
// STARTTLS; implicit TLS as well): a listener on the given host (loopback by default,
// REG-DEC-01) whose connections read the MessageStore through the shared MailboxRegistry. Sessions
// whose Pro Santé Connect session is revoked get BYE (SC.MSS/CONF.10); a trust space reset
// ends the sessions that have a folder selected; stop() says BYE to everyone, waits, destroys.
import net from 'node:net';
import tls from 'node:tls';
import type { MailboxAuthenticator } from '../../services/auth/mailbox-authenticator.ts';
import type { ObservationSink } from '../../observation/observation-sink.ts';
import type { MessageStore } from '../../services/store/message-store.ts';
import { peekClientHello } from '../../observation/peek-client-hello.ts';
import { tlsFailure } from '../../observation/tls-observer.ts';
import { ImapConnection } from './imap-connection.ts';
import { imapTlsOptions, type ImapTlsOptions } from './imap-tls.ts';
import { mailboxRegistryFor } from './mailbox/mailbox-registry.ts';
import { imapText } from './protocol/imap-text.ts';
import { TEXTS } from './session/imap-texts.ts';

export type { ImapTlsOptions } from './imap-tls.ts';

export interface ImapEndpointOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (any free port). */
  readonly port?: number;
  /** `starttls`: plain greeting then STARTTLS (port 143 style); `implicit`: TLS from the first byte (993 style). */
  readonly tlsMode: 'starttls' | 'implicit';
  readonly tls: ImapTlsOptions;
  readonly store: MessageStore;
  readonly authenticator: MailboxAuthenticator;
  /** Where connections publish their observations; `null`: no transcripts (benchmarks). */
  readonly observations: ObservationSink | null;
  readonly now?: () => Date;
  /** Inactivity before BYE (RFC 3501 §5.4: at least 30 minutes); default 30 minutes. */
  readonly idleTimeoutMs?: number;
  /** Default 1000. */
  readonly maxConnections?: number;
  /** How long stop() lets commands in progress finish; default 5 s. */
  readonly stopTimeoutMs?: number;
  /** Journal endpoint name; default `imap` or `imaps`. */
  readonly name?: string;
  /** Unexpected errors (bugs); the client gets `NO [SERVERBUG]`. Default console.error. */
  readonly onError?: (error: unknown) => void;
}

export interface ImapEndpoint {
  start(): Promise<{ readonly host: string; readonly port: number }>;
  stop(): Promise<void>;
  /**
   * Serves other TLS material from the next handshake on (a negative certificate or protocol
   * offer, REG-TLS-06); connections already open keep what they were accepted with.
   */
  useTls(tls: ImapTlsOptions): void;
}

let connectionCounter = 0;

export function createImapEndpoint(options: ImapEndpointOptions): ImapEndpoint {
  return new ImapListener(options);
}

class ImapListener implements ImapEndpoint {
  readonly #options: ImapEndpointOptions;
  readonly #server: net.Server;
  /** Implicit TLS: the handshake is tls.Server's, on sockets handed over by #server after the ClientHello peek. */
  readonly #tlsServer: tls.Server | undefined;
  /** Implicit TLS: connection id by `address:port` of the client, from hand-over to handshake outcome. */
  readonly #handedOver = new Map<string, string>();
  #secureContext: tls.SecureContext;
  #tls: ImapTlsOptions;
  readonly #connections = new Set<ImapConnection>();
  readonly #bySession = new Map<string, Set<ImapConnection>>();
  readonly #registry;
  #unsubscribeReset: (() => void) | undefined;
  #listening = false;

  constructor(options: ImapEndpointOptions) {
    this.#options = options;
    this.#tls = options.tls;
    const tlsOptions = imapTlsOptions(options.tls);
    this.#secureContext = tls.createSecureContext(tlsOptions);
    this.#registry = mailboxRegistryFor(options.store, options.now ?? (() => new Date()));
    if (options.tlsMode === 'implicit') {
      this.#tlsServer = tls.createServer(tlsOptions, (socket) => this.#accept(socket, true, this.#takeHandedOver(socket)));
      this.#tlsServer.on('tlsClientError', (error: Error, socket: tls.TLSSocket) => this.#handshakeFailed(error, socket));
    }
    this.#server = net.createServer((socket) => {
      if (!this.#tlsServer) return this.#accept(socket, false);
      this.#handOver(socket, this.#tlsServer).catch((error: unknown) => {
        this.#reportError(error);
        socket.destroy();
      });
    });
    this.#server.on('error', () => undefined); // listen errors reach start(); nothing else is fatal
    options.authenticator.onSessionRevoked((sessionId) => {
      for (const connection of this.#bySession.get(sessionId) ?? []) connection.bye(TEXTS.sessionRevoked);
    });
  }

  async start(): Promise<{ host: string; port: number }> {
    const host = this.#options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#options.port ?? 0, host, () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    this.#listening = true;
    this.#unsubscribeReset = this.#registry.onReset(() => {
      for (const connection of this.#connections) if (connection.state.kind === 'selected') connection.bye(TEXTS.mailboxReset);
    });
    return { host, port: (this.#server.address() as net.AddressInfo).port };
  }

  useTls(tlsSettings: ImapTlsOptions): void {
    const tlsOptions = imapTlsOptions(tlsSettings);
    this.#secureContext = tls.createSecureContext(tlsOptions);
    this.#tls = tlsSettings;
    this.#tlsServer?.setSecureContext(tlsOptions);
  }

  async stop(): Promise<void> {
    if (!this.#listening) return;
    this.#listening = false;
    this.#unsubscribeReset?.();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const connection of this.#connections) connection.bye(TEXTS.shuttingDown);
    const timeout = this.#options.stopTimeoutMs ?? 5000;
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, timeout).unref())]);
    for (const connection of this.#connections) connection.destroy();
    await closed;
  }

  /** Implicit TLS: peeks at the ClientHello (when observed), then lets tls.Server run the handshake on the socket. */
  async #handOver(socket: net.Socket, tlsServer: tls.Server): Promise<void> {
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    const id = `imap-${++connectionCounter}`;
    this.#handedOver.set(key, id);
    socket.once('close', () => this.#handedOver.delete(key));
    const sink = this.#options.observations;
    if (sink) {
      socket.on('error', () => undefined); // until tls.Server takes it: the outcome is the handshake's
      sink.publish({ type: 'tls-client-hello', connectionId: id, offer: await peekClientHello(socket) });
      if (socket.destroyed) return this.#handshakeFailed(new Error('socket hang up'), socket, id);
    }
    tlsServer.emit('connection', socket);
  }

  #takeHandedOver(socket: net.Socket): string | undefined {
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    const id = this.#handedOver.get(key);
    this.#handedOver.delete(key);
    return id;
  }

  #accept(socket: net.Socket, secure: boolean, knownId?: string): void {
    const id = knownId ?? `imap-${++connectionCounter}`;
    const name = this.#options.name ?? (this.#options.tlsMode === 'implicit' ? 'imaps' : 'imap');
    const sink = this.#options.observations;
    sink?.publish({ type: 'connection-opened', connectionId: id, protocol: 'imap', endpoint: name, remoteAddress: socket.remoteAddress ?? '?' });
    if (!this.#listening || this.#connections.size >= (this.#options.maxConnections ?? 1000)) {
      const text = this.#listening ? TEXTS.tooManyConnections : TEXTS.shuttingDown;
      socket.on('error', () => undefined);
      socket.end(`* BYE ${imapText(text)}\r\n`);
      setTimeout(() => socket.destroy(), 1000).unref(); // a client that never closes its side keeps no socket here
      sink?.publish({ type: 'protocol-line', connectionId: id, direction: 'S', text: `* BYE ${imapText(text)}` });
      sink?.publish({ type: 'connection-closed', connectionId: id });
      return;
    }
    const connection = new ImapConnection(socket, secure, {
      id,
      services: { registry: this.#registry, store: this.#options.store, authenticator: this.#options.authenticator, now: this.#options.now ?? (() => new Date()), tlsMode: this.#options.tlsMode },
      observations: this.#options.observations,
      secureContext: this.#secureContext,
      requestCert: this.#tls.requestCert ?? false,
      rejectUnauthorized: this.#tls.rejectUnauthorized ?? false,
      idleTimeoutMs: this.#options.idleTimeoutMs ?? 30 * 60 * 1000,
      onError: (error) => this.#reportError(error),
      onAuthenticated: (c, account) => {
        const set = this.#bySession.get(account.sessionId) ?? new Set();
        set.add(c);
        this.#bySession.set(account.sessionId, set);
      },
      onClosed: (c) => this.#forget(c),
    });
    this.#connections.add(connection);
    connection.start();
  }

  #forget(connection: ImapConnection): void {
    this.#connections.delete(connection);
    for (const [sessionId, set] of this.#bySession) {
      set.delete(connection);
      if (set.size === 0) this.#bySession.delete(sessionId);
    }
  }

  #reportError(error: unknown): void {
    (this.#options.onError ?? ((cause) => console.error('Erreur interne du serveur IMAP du simulateur :', cause)))(error);
  }

  #handshakeFailed(error: Error, socket: net.Socket, knownId?: string): void {
    const sink = this.#options.observations;
    // A client gone before the handshake ended may have no address left: its failure gets a new id.
    const id = knownId ?? this.#takeHandedOver(socket) ?? `imap-${++connectionCounter}`;
    if (sink) {
      sink.publish({ type: 'connection-opened', connectionId: id, protocol: 'imap', endpoint: this.#options.name ?? 'imaps', remoteAddress: socket.remoteAddress ?? '?' });
      sink.publish({ type: 'tls-failed', connectionId: id, ...tlsFailure(error) });
      sink.publish({ type: 'connection-closed', connectionId: id });
    }
    socket.destroy();
  }
}
