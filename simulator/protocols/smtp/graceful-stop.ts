// Graceful stop of a smtp-server listener (RFC 5321 §3.8): stop accepting, tell idle clients at
// once (421), let transactions in progress finish up to a timeout (smtp-server then sends its own
// `421 Server shutting down` and closes), and finally destroy whatever socket is still open so
// that nothing keeps the process alive.
import type { Socket } from 'node:net';
import type { SMTPServer } from 'smtp-server';
import { REPLIES } from './replies.ts';
import { replyText } from './smtp-reply.ts';

/** Raw sockets of a listener, so that stop() can destroy the stragglers. */
export function trackSockets(server: SMTPServer): Set<Socket> {
  const sockets = new Set<Socket>();
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
}

/** Resolves once the listener is closed and every socket is gone (at most about `timeoutMs`). */
export function stopGracefully(server: SMTPServer, sockets: Set<Socket>, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(guard);
      for (const socket of sockets) socket.destroy();
      resolve();
    };
    // smtp-server calls back when the listener closed, or after its closeTimeout (the same value).
    const guard = setTimeout(finish, timeoutMs + 1000);
    guard.unref();
    server.close(finish);
    for (const connection of server.connections) {
      // Between transactions: nothing to wait for. `send(421, …)` also closes the connection.
      if (!connection.session.envelope?.mailFrom) connection.send(421, replyText(REPLIES.shuttingDown));
    }
  });
}
