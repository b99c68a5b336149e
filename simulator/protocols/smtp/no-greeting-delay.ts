// smtp-server waits a fixed 100 ms before its 220 greeting (SMTPConnection.init:
// `setTimeout(() => this.connectionReady(), 100)`, not an option), which caps clients that open
// one connection per message near 76 msg/s (REG-DEC-02; measured with bench/smtp-bench.ts, --mode perconn). This file
// reaches into smtp-server's internals to remove it (starttls-observation.ts is the only other):
// - ImmediateGreetingServer overrides SMTPServer#connect (public, typed) to build an
//   ImmediateGreetingConnection instead of an SMTPConnection; the body is the library's own.
// - ImmediateGreetingConnection#init is the library's init with the timer replaced by
//   setImmediate: the greeting leaves on the next turn of the event loop.
// What changed: the early-talker check is kept (bytes received before the greeting still get
// smtp-server's `421 <name> You talk too soon`), but its window shrinks from 100 ms to one
// event-loop turn. The maxClients check is unchanged.
// Guard: both overridden methods are checked against the library source at load time; another
// smtp-server version or a changed body throws SmtpLibraryChangedError at once, instead of
// silently running with the delay or with a broken connection setup.
// The connections also observe STARTTLS (TlsObservingConnection, starttls-observation.ts).
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { SMTPConnection, type SMTPConnectionOptions } from 'smtp-server/lib/smtp-connection.js';
import { installedSmtpServerVersion, SmtpLibraryChangedError, versionProblem } from './smtp-library-guard.ts';
import { TlsObservingConnection, type StartTlsHooks } from './starttls-observation.ts';

export { SmtpLibraryChangedError } from './smtp-library-guard.ts';

/** What is wrong with the installed smtp-server for this file, or undefined when it matches 3.21. */
export function libraryShapeProblem(version: string, initSource: string, connectSource: string): string | undefined {
  const wrongVersion = versionProblem(version);
  if (wrongVersion) return wrongVersion;
  if (!initSource.includes('this._setListeners(') || !initSource.includes('this.connectionReady(), 100)')) {
    return 'SMTPConnection#init no longer schedules connectionReady after 100 ms';
  }
  for (const fragment of ['new SMTPConnection(this, socket, socketOptions)', 'this.connections.add(connection)', 'connection.init()']) {
    if (!connectSource.includes(fragment)) return `SMTPServer#connect no longer contains ${fragment}`;
  }
  return undefined;
}

function assertLibraryShape(): void {
  const problem = libraryShapeProblem(installedSmtpServerVersion(), SMTPConnection.prototype.init.toString(), SMTPServer.prototype.connect.toString());
  if (problem) throw new SmtpLibraryChangedError(problem);
}

assertLibraryShape();

class ImmediateGreetingConnection extends TlsObservingConnection {
  /** smtp-server 3.21 SMTPConnection#init, with setImmediate instead of the 100 ms timer. */
  override init(): void {
    this._setListeners(() => {
      const maxClients = this._server.options.maxClients;
      if (maxClients && this._server.connections.size > maxClients) {
        this.send(421, `${this.name} Too many connected clients, try again in a moment`, false);
        return;
      }
      setImmediate(() => this.connectionReady());
    });
  }
}

/** An SMTPServer whose connections greet without the fixed 100 ms delay. */
export class ImmediateGreetingServer extends SMTPServer {
  /** Read by the connections at STARTTLS; undefined: the library's upgrade, untouched. */
  readonly startTlsHooks: StartTlsHooks | undefined;

  constructor(options: SMTPServerOptions, startTlsHooks?: StartTlsHooks) {
    super(options);
    this.startTlsHooks = startTlsHooks;
  }

  /** smtp-server 3.21 SMTPServer#connect, building an ImmediateGreetingConnection. */
  override connect(socket: Socket | TLSSocket, socketOptions?: SMTPConnectionOptions | null): void {
    const connection = new ImmediateGreetingConnection(this, socket, socketOptions);
    this.connections.add(connection);
    connection.on('error', (error: Error) => this._onError(error));
    connection.on('connect', (data) => this._onClientConnect(data));
    connection.init();
  }
}
