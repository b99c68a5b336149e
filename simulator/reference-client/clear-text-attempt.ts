// What two faulty variants do before connecting properly (reference-fault.ts): authenticate on
// the plain connection, before STARTTLS, as a careless home-made client would. The libraries
// the reference client uses refuse to (no AUTH advertised before TLS), so the attempt is written
// by hand: SMTP `EHLO` then `AUTH`, IMAP `AUTHENTICATE`, each with the XOAUTH2 or PLAIN
// credentials, then the connection is closed whatever the answer. Bounded by a timeout.
import net from 'node:net';
import type { Credential } from './mail-session.ts';

const TIMEOUT_MS = 5000;

/** SASL initial response: XOAUTH2 for a token (SC.MSS/CONF.07), PLAIN for a password. */
function sasl(user: string, credential: Credential): string {
  if (credential.kind === 'oauth2') return `XOAUTH2 ${Buffer.from(`user=${user}\x01auth=Bearer ${credential.accessToken}\x01\x01`).toString('base64')}`;
  return `PLAIN ${Buffer.from(`\0${user}\0${credential.password}`).toString('base64')}`;
}

/** Sends `lines` one after the other, each once `ready` matches what arrived since the previous one; resolves when done or on timeout. */
function converse(host: string, port: number, steps: readonly { readonly ready: RegExp; readonly send: string }[]): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    const timer = setTimeout(() => finish(), TIMEOUT_MS);
    let received = '';
    let step = 0;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const current = steps[step];
      if (!current) return finish();
      if (!current.ready.test(received)) return;
      received = '';
      step += 1;
      socket.write(`${current.send}\r\n`);
    });
  });
}

export function smtpAuthInClear(host: string, port: number, user: string, credential: Credential): Promise<void> {
  return converse(host, port, [
    { ready: /^220 /m, send: 'EHLO client-reference.invalid' },
    { ready: /^250 /m, send: `AUTH ${sasl(user, credential)}` },
    { ready: /^\d{3} /m, send: 'QUIT' },
    { ready: /^\d{3} /m, send: '' },
  ]);
}

export function imapAuthInClear(host: string, port: number, user: string, credential: Credential): Promise<void> {
  return converse(host, port, [
    { ready: /^\* OK/m, send: `a AUTHENTICATE ${sasl(user, credential)}` },
    { ready: /^a (OK|NO|BAD)/m, send: 'b LOGOUT' },
    { ready: /^b /m, send: '' },
  ]);
}
