// Replies that smtp-server 3.21 builds itself, exactly as they reach the wire with our options
// (ENHANCEDSTATUSCODES hidden, see smtp-reply.ts): English texts without enhanced codes, which
// we cannot change through hooks. Listed so that nothing on the wire is a surprise; every line
// is pinned by a wire test, so a library upgrade that changes one fails loudly.
import { GREETING_BANNER, HELO_RESPONSE } from './replies.ts';

export const LIBRARY_REPLIES = {
  // RFC 5321 §4.3.1 greeting; name and banner are our options.
  greeting: (hostname: string) => `220 ${hostname} ESMTP ${GREETING_BANNER}`,
  // RFC 5321 §4.1.1.1 first EHLO line; reverse DNS is off, so the client appears as its address literal.
  ehloFirstLine: (hostname: string, clientAddress: string) => `250-${HELO_RESPONSE.replace('%s', hostname).replace('%s', `[${clientAddress}]`)}`,
  // RFC 3207 §4.
  startTlsReady: '220 Ready to start TLS',
  // RFC 4954 §6 (235).
  authSucceeded: '235 Authentication successful',
  // RFC 4954 §4: a mechanism that is not advertised (PLAIN/LOGIN when password AUTH is off).
  authMechanismNotOffered: '504 Error: Unrecognized authentication type',
  // Google XOAUTH2 protocol: after a failed token the server sends a JSON challenge (334, base64), the client an empty line, then this.
  xoauth2Rejected: '535 Error: Username and Password not accepted',
  // RFC 5321 §4.1.1.2 / §4.1.1.3 (250) for MAIL and RCPT alike.
  accepted: '250 Accepted',
  // RFC 5321 §4.1.1.4.
  dataStart: '354 End data with <CR><LF>.<CR><LF>',
  // RFC 5321 §4.1.1.5, §4.1.1.9, §4.1.1.10.
  flushed: '250 Flushed',
  noop: '250 OK',
  bye: '221 Bye',
  // RFC 5321 §4.2.4 (500) and smtp-server's limit of 10 unknown commands per transaction (421, connection closed).
  commandNotRecognized: '500 Error: command not recognized',
  tooManyUnrecognizedCommands: '421 Error: too many unrecognized commands',
  // RFC 5321 §4.5.3.1.4: command lines over smtp-server's 16 KiB limit; the connection is closed.
  commandLineTooLong: '421 Error: Command line too long',
  // RFC 5321 §4.1.4 / §3.3: bad sequence of commands (503).
  sendHeloFirst: '503 Error: send HELO/EHLO first',
  needMailCommand: '503 Error: need MAIL command',
  needRcptCommand: '503 Error: need RCPT command',
  nestedMailCommand: '503 Error: nested MAIL command',
  // RFC 5321 §4.1.2 syntax (501).
  badSenderSyntax: '501 Error: Bad sender address syntax',
  badRecipientSyntax: '501 Error: Bad recipient address syntax',
  // RFC 1870 §6: SIZE= of MAIL FROM over the advertised limit, refused before our hooks run.
  sizeParameterTooLarge: (maxBytes: number) => `552 Error: message exceeds fixed maximum message size ${maxBytes}`,
  // Cross-protocol protection: an HTTP request line sent to the SMTP port closes the connection.
  httpRequestRefused: '421 HTTP requests not allowed',
  // smtp-server's maxClients check (kept as is in no-greeting-delay.ts); the connection is closed.
  tooManyClients: (hostname: string) => `421 ${hostname} Too many connected clients, try again in a moment`,
  // Idle client (socketTimeout option) and server stopping (closeTimeout elapsed).
  idleTimeout: '421 Timeout - closing connection',
  serverShuttingDown: '421 Server shutting down',
} as const;

/** Google's XOAUTH2 error challenge (https://developers.google.com/gmail/imap/xoauth2-protocol), JSON then base64 in the 334 line. */
export interface Xoauth2Challenge {
  readonly status: '400' | '401';
  readonly schemes: 'bearer';
  readonly scope: string;
}

/** `401`: token unknown, expired or revoked; `400`: valid token for another mailbox (decision, as Google does for a user mismatch). */
export function xoauth2Challenge(status: '400' | '401'): Xoauth2Challenge {
  return { status, schemes: 'bearer', scope: 'openid' };
}

/** The 334 line smtp-server writes for a challenge. */
export function xoauth2ChallengeLine(challenge: Xoauth2Challenge): string {
  return `334 ${Buffer.from(JSON.stringify(challenge)).toString('base64')}`;
}
