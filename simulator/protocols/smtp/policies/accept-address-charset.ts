// Non-ASCII addresses in the envelope (REG-SMTP-06): an address whose local part has a
// character outside ASCII may appear in MAIL FROM or RCPT TO only in a transaction opened with
// `MAIL FROM:<…> SMTPUTF8` (RFC 6531 §3.4); otherwise 553 5.6.7 (RFC 6531 §3.7.4.1, RFC 5248).
// Only the local part is judged: smtp-server hands a punycode domain (`xn--…`, plain ASCII on
// the wire) over as Unicode, and a Unicode domain is outside the trust space anyway.
import { REPLIES } from '../replies.ts';
import { ACCEPTED, refused, type Verdict } from './verdict.ts';

/** The local part of `address` (everything before its last `@`) has a character outside ASCII. */
export function hasNonAsciiLocalPart(address: string): boolean {
  const at = address.lastIndexOf('@');
  return /[^\x00-\x7f]/.test(at === -1 ? address : address.slice(0, at));
}

/** `smtpUtf8`: the transaction's MAIL FROM carried the SMTPUTF8 parameter. */
export function acceptAddressCharset(address: string, smtpUtf8: boolean): Verdict {
  return !smtpUtf8 && hasNonAsciiLocalPart(address) ? refused(REPLIES.nonAsciiAddressWithoutSmtpUtf8(address)) : ACCEPTED;
}
