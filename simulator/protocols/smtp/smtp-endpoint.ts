// What the submission and peer endpoints share: a smtp-server listener (without the 100 ms
// greeting delay) whose hooks ask the pure policies, journal every connection, collect DATA,
// hand accepted mail to routing, and stop gracefully. The role (endpoint-role.ts) says what
// differs. Never binds anything but the given host (default loopback, REG-DEC-01), never
// does reverse DNS (REG-DEC-02).
import { addressKey } from '../../domain/address-key.ts';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { SMTPServerAddress, SMTPServerDataStream, SMTPServerOptions, SMTPServerSession } from 'smtp-server';
import { collectMessage } from './collect-message.ts';
import { deliverMessage } from './deliver-message.ts';
import type { EndpointRole, ObserveConnection } from './endpoint-role.ts';
import { stopGracefully, trackSockets } from './graceful-stop.ts';
import { createSmtpObserver, smtpConnectionId, type SmtpObserver } from './smtp-observer.ts';
import { ImmediateGreetingServer } from './no-greeting-delay.ts';
import { peekClientHello } from '../../observation/peek-client-hello.ts';
import { tlsEstablished, tlsFailure } from '../../observation/tls-observer.ts';
import type { StartTlsHooks } from './starttls-observation.ts';
import { acceptRecipient } from './policies/accept-recipient.ts';
import { acceptSender } from './policies/accept-sender.ts';
import type { Verdict } from './policies/verdict.ts';
import { GREETING_BANNER, HELO_RESPONSE, REPLIES } from './replies.ts';
import { smtpError } from './smtp-reply.ts';
import { DEFAULT_MAX_RECIPIENTS, type ListeningAddress, type SmtpEndpointOptions } from './smtp-endpoint-options.ts';
import { tlsServerOptions, type EndpointTls } from './tls-settings.ts';

export type { ListeningAddress, SmtpEndpointOptions, SmtpEndpointSettings } from './smtp-endpoint-options.ts';

export class SmtpEndpoint {
  readonly #role: EndpointRole;
  readonly #options: SmtpEndpointOptions;
  readonly #server: ImmediateGreetingServer;
  readonly #sockets: Set<Socket>;
  readonly #observer: SmtpObserver | null;
  readonly #connectionIds = new WeakMap<SMTPServerSession, string>();
  /** The TLS version each secured session negotiated (`TLSv1.3`), for its `Received` lines. */
  readonly #tlsVersions = new WeakMap<SMTPServerSession, string>();
  #listening = false;

  constructor(role: EndpointRole, options: SmtpEndpointOptions) {
    this.#role = role;
    this.#options = options;
    this.#observer = options.observations ? createSmtpObserver(options.observations, role.name) : null;
    this.#server = new ImmediateGreetingServer(this.#serverOptions(), this.#startTlsHooks());
    // Client-caused errors (TLS handshake refused, resets) are observations (smtp-observer.ts); never a crash.
    this.#server.on('error', () => undefined);
    this.#sockets = trackSockets(this.#server);
  }

  /** Listens on the given host and port; rejects with the listen error (e.g. EADDRINUSE). */
  async start(): Promise<ListeningAddress> {
    const host = this.#options.host ?? '127.0.0.1';
    const listener = this.#server.server;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => {
        listener.off('listening', onListening);
        reject(error);
      };
      const onListening = () => {
        listener.off('error', onError);
        resolve();
      };
      listener.once('error', onError);
      listener.once('listening', onListening);
      this.#server.listen(this.#options.port ?? 0, host);
    });
    this.#listening = true;
    return { host, port: (listener.address() as AddressInfo).port };
  }

  /**
   * Serves other TLS material from the next handshake on: a negative profile of
   * resolveServerTls() (simulator/services/pki/server-tls-profile.ts), another CONF.03 cipher subset, TLS
   * 1.2 only. Connections already under TLS keep theirs. For endpoints built with TLS.
   */
  useTls(tls: EndpointTls): void {
    this.#server.updateSecureContext({ requestCert: false, ca: undefined, ...tlsServerOptions(tls) });
  }

  async stop(): Promise<void> {
    if (!this.#listening) return;
    this.#listening = false;
    await stopGracefully(this.#server, this.#sockets, this.#options.stopTimeoutMs ?? 10_000);
  }

  #serverOptions(): SMTPServerOptions {
    const { observations, settings } = this.#options;
    return {
      name: this.#options.hostname ?? 'localhost',
      banner: GREETING_BANNER,
      heloResponse: HELO_RESPONSE,
      size: settings.maxMessageBytes,
      hideENHANCEDSTATUSCODES: true, // smtp-reply.ts: our enhanced codes are in our texts
      hideDSN: false, // RFC 3461 parameters reach the envelope
      disableReverseLookup: true,
      logger: this.#observer?.logger ?? false,
      socketTimeout: this.#options.socketTimeoutMs ?? 300_000,
      closeTimeout: this.#options.stopTimeoutMs ?? 10_000,
      maxClients: this.#options.maxClients ?? 1000,
      ...this.#role.serverOptions(),
      onConnect: (session, callback) => this.#onConnect(session, callback),
      onSecure: (socket, session, callback) => {
        const established = tlsEstablished(socket as TLSSocket);
        this.#tlsVersions.set(session, established.protocol);
        this.#observe(session)?.({ type: 'tls-established', ...established });
        this.#role.onSecure?.(session, socket as TLSSocket);
        callback();
      },
      onAuth: (auth, session, callback) => {
        if (this.#role.onAuth) this.#role.onAuth(auth, session, this.#observe(session), callback);
        else callback(smtpError(REPLIES.invalidCredentials)); // unreachable: AUTH is a disabled command there
      },
      onMailFrom: (address, session, callback) => callback(this.#errorOf(acceptSender(address.address, this.#role.senderContext(session), smtpUtf8Requested(address)), session)),
      onRcptTo: (address, session, callback) => callback(this.#errorOf(this.#acceptRecipient(address, session), session)),
      onData: (stream, session, callback) => this.#onData(stream, session, callback),
      onClose: (session) => this.#options.observations?.publish({ type: 'connection-closed', connectionId: this.#connectionId(session) }),
    };
  }

  /** Peeks at the ClientHello after STARTTLS and reports failed handshakes, when someone listens. */
  #startTlsHooks(): StartTlsHooks | undefined {
    const sink = this.#options.observations;
    if (!sink) return undefined;
    const id = (sessionId: string) => smtpConnectionId(this.#role.name, sessionId);
    return {
      beforeTls: async (sessionId, socket) => void sink.publish({ type: 'tls-client-hello', connectionId: id(sessionId), offer: await peekClientHello(socket) }),
      tlsFailed: (sessionId, error) => void sink.publish({ type: 'tls-failed', connectionId: id(sessionId), ...tlsFailure(error) }),
    };
  }

  #onConnect(session: SMTPServerSession, callback: (error?: Error | null) => void): void {
    this.#options.observations?.publish({ type: 'connection-opened', connectionId: this.#connectionId(session), protocol: 'smtp', endpoint: this.#role.name, remoteAddress: session.remoteAddress });
    this.#role.onConnect?.(session, this.#server);
    callback();
  }

  #acceptRecipient(address: SMTPServerAddress, session: SMTPServerSession): Verdict {
    const recipient = addressKey(address.address);
    const accepted = session.envelope.rcptTo;
    return acceptRecipient(address.address, {
      endpoint: this.#role.name,
      view: this.#options.view(),
      planRecipient: this.#options.planRecipient,
      strict: this.#options.settings.strictRecipients,
      acceptedSoFar: accepted.length,
      repeated: accepted.some((previous) => addressKey(previous.address) === recipient),
      maxRecipients: this.#options.settings.maxRecipients ?? DEFAULT_MAX_RECIPIENTS,
      // From the accepted MAIL's own parameters: smtp-server keeps a refused MAIL's SMTPUTF8 on the envelope.
      smtpUtf8: session.envelope.mailFrom !== false && smtpUtf8Requested(session.envelope.mailFrom),
    });
  }

  #onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null, message?: string) => void): void {
    collectMessage(stream, (message) => {
      if (message.kind === 'aborted') {
        this.#observe(session)?.({ type: 'connection-note', text: `connexion interrompue pendant DATA (${message.bytes} octets reçus)` });
        return; // the connection is gone: nobody to answer
      }
      if (message.kind === 'too-large') return callback(smtpError(REPLIES.messageTooLarge(this.#options.settings.maxMessageBytes)));
      const outcome = deliverMessage(message.raw, session, {
        role: this.#role,
        router: this.#options.router,
        connectionId: this.#connectionId(session),
        receivedAt: (this.#options.now ?? (() => new Date()))(),
        observe: this.#observe(session),
        refused: (reply) => this.#observer?.refused(this.#connectionId(session), reply),
        serverName: this.#options.hostname ?? 'localhost',
        ...(this.#tlsVersions.has(session) ? { tlsVersion: this.#tlsVersions.get(session) } : {}),
      });
      if (!outcome.accepted) return callback(outcome.error);
      const durable = this.#options.durable;
      if (!durable) return callback(null, outcome.text);
      durable().then(
        () => callback(null, outcome.text),
        (error: unknown) => {
          this.#observe(session)?.({ type: 'connection-note', text: `écriture sur disque impossible, message refusé (451) : ${error instanceof Error ? error.message : String(error)}` });
          callback(smtpError(REPLIES.routingFailed));
        },
      );
    });
  }

  /** One string per connection, shared by every message and observation it carries. */
  #connectionId(session: SMTPServerSession): string {
    let id = this.#connectionIds.get(session);
    if (id === undefined) this.#connectionIds.set(session, (id = smtpConnectionId(this.#role.name, session.id)));
    return id;
  }

  /** The hook's answer to a verdict; a refusal's detail is observed (journal, live flow). */
  #errorOf(verdict: Verdict, session: SMTPServerSession): Error | null {
    if (verdict.accepted) return null;
    this.#observer?.refused(this.#connectionId(session), verdict.reply);
    return smtpError(verdict.reply);
  }

  /** Publishes an observation of the session's connection; `null` when transcripts are off. */
  #observe(session: SMTPServerSession): ObserveConnection {
    const sink = this.#options.observations;
    if (!sink) return null;
    const connectionId = this.#connectionId(session);
    return (observation) => sink.publish({ ...observation, connectionId });
  }
}

/** The MAIL FROM command carried the SMTPUTF8 parameter (smtp-server gives `args: false` without parameters, a flag as `true`; RFC 6531 §3.4). */
function smtpUtf8Requested(mailFrom: SMTPServerAddress): boolean {
  const args = mailFrom.args as Record<string, unknown> | false | undefined;
  return args ? args['SMTPUTF8'] === true : false;
}
