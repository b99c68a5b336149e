// The `Received:` trace line an SMTP server puts at the top of every message it accepts
// (REG-SMTP-07; RFC 5321 §4.4, a MUST; grammar of §4.4 `Time-stamp-line`): where the message came from (the
// name the client gave in EHLO, its address), which server took it, how (`with` ESMTP,
// ESMTPS with TLS, ESMTPA authenticated, ESMTPSA both: RFC 3848; UTF8SMTP… for an SMTPUTF8
// transaction: RFC 6531 §3.7.3), the server's id of the transmission, the recipient when there is
// only one, and when. Clients and bounce parsers read it to follow a message's path and to spot
// loops. 7-bit only (a client's odd EHLO name goes in a comment, reduced to safe characters),
// folded on several lines as Postfix does. Pure.
import { formatRfc5322Date } from './rfc5322-date.ts';

export interface SmtpTraceFacts {
  /** The EHLO/HELO argument, as the client gave it (any text). */
  readonly helo?: string;
  /** The client's IP address (IPv4, IPv6, or IPv4-mapped IPv6). */
  readonly remoteAddress: string;
  /** The name of the server that accepted the message. */
  readonly serverName: string;
  /** EHLO or HELO opened the session. */
  readonly extended: boolean;
  readonly tls?: { readonly version: string; readonly cipher: string };
  readonly authenticated: boolean;
  readonly smtpUtf8: boolean;
}

export interface TraceLine extends SmtpTraceFacts {
  /** The server's id of the transmission. */
  readonly id: string;
  /** The envelope recipients: named (`for`) only when there is one, as Postfix does. */
  readonly recipients: readonly string[];
  readonly at: Date;
}

/** A domain name, or an address literal (`[192.0.2.1]`, `[IPv6:…]`), as RFC 5321 §4.1.3 writes them. */
const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const ADDRESS_LITERAL = /^\[(?:\d{1,3}(?:\.\d{1,3}){3}|IPv6:[0-9A-Fa-f:.]{2,45})\]$/;

/** The `with` keyword of RFC 3848 (and RFC 6531 for SMTPUTF8). */
export function withKeyword(facts: Pick<SmtpTraceFacts, 'extended' | 'tls' | 'authenticated' | 'smtpUtf8'>): string {
  const base = facts.smtpUtf8 ? 'UTF8SMTP' : facts.extended ? 'ESMTP' : 'SMTP';
  return `${base}${facts.tls ? 'S' : ''}${facts.authenticated ? 'A' : ''}`;
}

/** The client's address as an RFC 5321 address literal (`[127.0.0.1]`, `[IPv6:::1]`). */
export function addressLiteral(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return `[${mapped[1]}]`;
  return address.includes(':') ? `[IPv6:${address}]` : `[${address}]`;
}

/** Text a comment may hold: printable ASCII without parentheses nor backslash, at most 64 characters. */
function commentText(text: string): string {
  const safe = text.replace(/[^\x21-\x27\x2a-\x5b\x5d-\x7e]/g, '?');
  return safe.length > 64 ? `${safe.slice(0, 64)}...` : safe;
}

/** `Received: …` with its CRLF, folded (continuation lines start with a tab). */
export function receivedTrace(line: TraceLine): string {
  const literal = addressLiteral(line.remoteAddress);
  const helo = line.helo?.trim() ?? '';
  const from = helo !== '' && helo.length <= 255 && (DOMAIN.test(helo) || ADDRESS_LITERAL.test(helo)) ? `from ${helo} (${literal})` : `from ${literal} (helo=${helo === '' ? 'none' : commentText(helo)})`;
  const parts = [`Received: ${from}`];
  if (line.tls) parts.push(`(using ${commentText(line.tls.version)} with cipher ${commentText(line.tls.cipher)})`);
  parts.push(`by ${line.serverName} (Simulateur MSSante) with ${withKeyword(line)} id ${line.id}`);
  const only = line.recipients.length === 1 ? line.recipients[0] : undefined;
  // A recipient outside ASCII is left out: the header stays 7-bit whatever the transaction.
  const date = formatRfc5322Date(line.at);
  parts.push(only !== undefined && /^[\x21-\x7e]+$/.test(only) ? `for <${only}>; ${date}` : `; ${date}`);
  return `${parts.join('\r\n\t')}\r\n`;
}
