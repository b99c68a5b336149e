// STARTTLS on an accepted socket (RFC 3501 §6.2.1): a server-side TLSSocket over the plain one,
// resolved once the handshake is done or failed (a client refusing our certificate closes).
import type { Socket } from 'node:net';
import { TLSSocket, type SecureContext } from 'node:tls';

export interface UpgradeOptions {
  readonly secureContext: SecureContext;
  readonly requestCert: boolean;
  readonly rejectUnauthorized: boolean;
}

/** The TLS socket at once (so the caller can watch it), and the handshake outcome: undefined, or why it failed. */
export function upgradeToTls(plain: Socket, options: UpgradeOptions): { readonly socket: TLSSocket; readonly handshake: Promise<string | undefined> } {
  const socket = new TLSSocket(plain, { isServer: true, ...options });
  const handshake = new Promise<string | undefined>((resolve) => {
    const settle = (reason: string | undefined) => {
      socket.off('secure', onSecure);
      socket.off('error', onError);
      socket.off('close', onClose);
      resolve(reason);
    };
    const onSecure = () => settle(undefined);
    const onError = (error: Error) => settle(error.message);
    const onClose = () => settle('connexion fermée par le client');
    socket.once('secure', onSecure);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
  return { socket, handshake };
}
