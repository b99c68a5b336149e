// What smtp-server does not tell: what the client offered in its ClientHello after STARTTLS,
// and which errors ended a handshake. The second of the two places (with no-greeting-delay.ts)
// that reach into smtp-server's internals:
// - TlsObservingConnection#upgrade: smtp-server 3.21's upgrade() replies nothing itself (the
//   `220` left in handler_STARTTLS), unpipes the plain socket from the command parser, then
//   builds `new tls.TLSSocket(this._socket, …)` at once. Here the socket is unpiped first, the
//   server's hook peeks at the first TLS record (simulator/observation/peek-client-hello.ts,
//   which puts the bytes back), and then the library's own upgrade runs unchanged. Plaintext
//   the parser already held is retired by the library as before (RFC 3207 §4.2).
// - TlsObservingConnection#_onError: errors while `_upgrading` is set are handshake failures.
// Without hooks on the server both are the library's methods, untouched.
// Guard: the fragments this relies on are checked against the library source at load time.
import type { Socket } from 'node:net';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';
import { installedSmtpServerVersion, SmtpLibraryChangedError, versionProblem } from './smtp-library-guard.ts';

export interface StartTlsHooks {
  /** Runs between the `220` reply and the TLS wrap, on the plain socket; resolves when the wrap may proceed. */
  beforeTls(sessionId: string, socket: Socket): Promise<void>;
  /** An error ended the TLS handshake (or the connection during it). */
  tlsFailed(sessionId: string, error: Error): void;
}

const UPGRADE_FRAGMENTS = ['this._socket.unpipe(this._parser)', 'this._upgrading = true', 'new tls.TLSSocket(this._socket, socketOptions)', 'this._upgrading = false'];

/** What is wrong with smtp-server for this file, or undefined when it matches 3.21. */
export function upgradeShapeProblem(version: string, upgradeSource: string, onErrorSource: string): string | undefined {
  const wrongVersion = versionProblem(version);
  if (wrongVersion) return wrongVersion;
  const missing = UPGRADE_FRAGMENTS.find((fragment) => !upgradeSource.includes(fragment));
  if (missing) return `SMTPConnection#upgrade no longer contains ${missing}`;
  if (!onErrorSource.includes("this.emit('error', err)")) return 'SMTPConnection#_onError no longer emits the error';
  return undefined;
}

function assertUpgradeShape(): void {
  const problem = upgradeShapeProblem(installedSmtpServerVersion(), SMTPConnection.prototype.upgrade.toString(), SMTPConnection.prototype._onError.toString());
  if (problem) throw new SmtpLibraryChangedError(problem, 'simulator/protocols/smtp/starttls-observation.ts');
}

assertUpgradeShape();

export class TlsObservingConnection extends SMTPConnection {
  /** smtp-server reports a failed handshake more than once ('error', '_tlsError'): reported once. */
  #failureReported = false;

  override upgrade(callback: () => void, secureCallback?: () => void): void {
    const hooks = this.#hooks();
    if (!hooks) return super.upgrade(callback, secureCallback);
    const socket = this._socket as Socket;
    if (this._parser) socket.unpipe(this._parser); // no TLS byte may reach the command parser
    this._upgrading = true;
    hooks.beforeTls(this.id, socket).then(
      () => {
        if (this._parser && !socket.destroyed) super.upgrade(callback, secureCallback);
        else this.#reportFailure(new Error('connexion fermée par le client avant la négociation TLS'));
      },
      (error: unknown) => this._onError(error instanceof Error ? error : new Error(String(error))),
    );
  }

  override _onError(err: Error & { code?: string; remoteAddress?: string }): void {
    if (this._upgrading) this.#reportFailure(err);
    super._onError(err);
  }

  #reportFailure(error: Error): void {
    if (this.#failureReported) return;
    this.#failureReported = true;
    this.#hooks()?.tlsFailed(this.id, error);
  }

  #hooks(): StartTlsHooks | undefined {
    return (this._server as { startTlsHooks?: StartTlsHooks }).startTlsHooks;
  }
}
