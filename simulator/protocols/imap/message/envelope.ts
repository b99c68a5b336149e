// ENVELOPE (RFC 3501 §7.4.2): date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to,
// message-id, from the top-level header fields as written (no RFC 2047 decoding: clients
// decode). Sender and Reply-To default to From. Addresses are (name adl mailbox host); a group
// is (NIL NIL "name" NIL) … (NIL NIL NIL NIL) (RFC 3501 §7.4.2, RFC 5322 §3.4).
import addressparser from 'nodemailer/lib/addressparser/index.js';
import { WireBuilder } from '../protocol/wire-builder.ts';
import { fieldValue, type RawHeaderField } from '../../mime/message-reader.ts';

/** Host written for an address without a domain (as Dovecot does), so that it cannot read as a group marker. */
const MISSING_DOMAIN = 'MISSING_DOMAIN';

export function writeEnvelope(fields: readonly RawHeaderField[], out: WireBuilder): void {
  const from = new WireBuilder();
  writeAddresses(fieldValue(fields, 'FROM'), from);
  const fromChunks = from.finish();
  out.text('(').nstring(fieldValue(fields, 'DATE')).text(' ').nstring(fieldValue(fields, 'SUBJECT')).text(' ').append(fromChunks);
  for (const key of ['SENDER', 'REPLY-TO']) {
    const value = fieldValue(fields, key);
    out.text(' ');
    if (value === undefined) out.append(fromChunks);
    else writeAddresses(value, out);
  }
  for (const key of ['TO', 'CC', 'BCC']) {
    out.text(' ');
    writeAddresses(fieldValue(fields, key), out);
  }
  out.text(' ').nstring(fieldValue(fields, 'IN-REPLY-TO')).text(' ').nstring(fieldValue(fields, 'MESSAGE-ID')).text(')');
}

function writeAddresses(value: string | undefined, out: WireBuilder): void {
  const entries = value === undefined || value.trim() === '' ? [] : safeParse(value);
  if (entries.length === 0) {
    out.text('NIL');
    return;
  }
  out.text('(');
  for (const entry of entries) {
    if (entry.group) {
      out.text('(NIL NIL ').string(entry.name).text(' NIL)');
      for (const member of entry.group) writeAddress(member, out);
      out.text('(NIL NIL NIL NIL)');
    } else writeAddress(entry, out);
  }
  out.text(')');
}

function writeAddress(address: ParsedAddress, out: WireBuilder): void {
  const raw = address.address || address.name;
  const at = raw.lastIndexOf('@');
  const mailbox = at > 0 ? raw.slice(0, at) : raw;
  const host = at > 0 ? raw.slice(at + 1) : MISSING_DOMAIN;
  out.text('(').nstring(address.address && address.name ? address.name : undefined).text(' NIL ').string(mailbox).text(' ').string(host).text(')');
}

interface ParsedAddress {
  readonly name: string;
  readonly address: string;
}

interface ParsedEntry extends ParsedAddress {
  readonly group?: readonly ParsedAddress[];
}

/** `local@domain`, `Name <local@domain>`, `"Name" <local@domain>`: most headers, read without the full parser. */
const BARE = /^\s*<?([^\s<>()[\],;:"@\\]+@[^\s<>()[\],;:"@\\]+)>?\s*$/;
const NAMED = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^"<>()[\],;:\\@]*?))\s*<([^\s<>()[\],;:"@\\]+@[^\s<>()[\],;:"@\\]+)>\s*$/;

function safeParse(value: string): ParsedEntry[] {
  const bare = BARE.exec(value);
  if (bare) return [{ name: '', address: bare[1] as string }];
  const named = NAMED.exec(value);
  if (named) return [{ name: named[1] !== undefined ? named[1].replace(/\\(.)/g, '$1') : (named[2] ?? '').trim(), address: named[3] as string }];
  try {
    const entries = addressparser(value) as ParsedEntry[];
    return entries.filter((entry) => entry.group !== undefined || entry.address !== '' || entry.name !== '');
  } catch {
    return [];
  }
}
