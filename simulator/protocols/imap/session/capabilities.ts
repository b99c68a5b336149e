// CAPABILITY (RFC 3501 §6.1.1, §7.2.1). Before TLS on the STARTTLS port: STARTTLS and
// LOGINDISABLED, no AUTH= (RFC 3501 §6.2.3: no plain-text authentication without TLS); under
// TLS: AUTH=PLAIN (APP mailboxes, demos) and AUTH=XOAUTH2 (SC.MSS/CONF.07) with SASL-IR
// (RFC 4959, SC.MSS/CONF.09). After authentication, no AUTH= at all.
import type { SessionState } from './session-types.ts';

const EXTENSIONS = [
  'IMAP4rev1',
  'LITERAL+', // RFC 7888
  'SASL-IR', // RFC 4959
  'ID', // RFC 2971
  'ENABLE', // RFC 5161
  'IDLE', // RFC 2177
  'NAMESPACE', // RFC 2342
  'UIDPLUS', // RFC 4315
  'MOVE', // RFC 6851
  'UNSELECT', // RFC 3691
  'SPECIAL-USE', // RFC 6154
  'LIST-EXTENDED', // RFC 5258
  'CHILDREN', // RFC 3348
] as const;

export function capabilities(state: SessionState, secure: boolean): string[] {
  if (state.kind !== 'not-authenticated') return [...EXTENSIONS];
  if (!secure) return [...EXTENSIONS, 'STARTTLS', 'LOGINDISABLED'];
  return [...EXTENSIONS, 'AUTH=PLAIN', 'AUTH=XOAUTH2'];
}
