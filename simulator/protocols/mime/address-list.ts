// Bare addresses of an address header (From, To, Cc, Reply-To…), without MIME parsing.
// RFC 5322 §3.4: address-list of mailboxes and groups (`name: a@b, c@d;`), display names
// (quoted strings may hold commas), angle-addr `<a@b>`, comments `( … )` anywhere (§3.2.2),
// obsolete routes `<@relay:a@b>` (§4.4). Results are lower-cased; entries without `@` dropped.
import { addressKey } from '../../domain/address-key.ts';

/** Bare, lower-cased addresses of an address header value, in order. Never throws. */
export function extractAddresses(value: string): string[] {
  const addresses: string[] = [];
  const scan = { text: '', angle: undefined as string | undefined };
  const flush = () => {
    const address = normalise(scan.angle ?? scan.text);
    if (address) addresses.push(address);
    scan.text = '';
    scan.angle = undefined;
  };
  let i = 0;
  while (i < value.length) {
    const char = value[i] as string;
    if (char === '"') i = skipQuoted(value, i, (quoted) => (scan.text += quoted));
    else if (char === '(') i = skipComment(value, i);
    else if (char === '<') {
      const close = value.indexOf('>', i + 1);
      const end = close === -1 ? value.length : close;
      scan.angle = value.slice(i + 1, end);
      i = end + 1;
    } else {
      if (char === ',' || char === ';') flush();
      else if (char === ':' && scan.angle === undefined) scan.text = ''; // group display name
      else scan.text += char;
      i += 1;
    }
  }
  flush();
  return addresses;
}

function normalise(candidate: string): string | undefined {
  const trimmed = candidate.trim();
  // Folding white space inside an unquoted address (`louise @ example.test`) is dropped.
  let address = trimmed.includes('"') ? trimmed : trimmed.replace(/\s+/g, '');
  const route = address.lastIndexOf(':');
  if (address.startsWith('@') && route !== -1) address = address.slice(route + 1); // RFC 5322 §4.4 obs-route
  if (!address.includes('@') || address.startsWith('@') || address.endsWith('@')) return undefined;
  return addressKey(address);
}

/** Returns the index after the closing quote; calls `keep` with the quoted string, quotes included. */
function skipQuoted(value: string, start: number, keep: (quoted: string) => void): number {
  let i = start + 1;
  while (i < value.length && value[i] !== '"') i += value[i] === '\\' ? 2 : 1;
  keep(value.slice(start, Math.min(i + 1, value.length)));
  return i + 1;
}

/** Returns the index after the comment, nested comments included (RFC 5322 §3.2.2). */
function skipComment(value: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < value.length) {
    const char = value[i];
    if (char === '\\') i += 1;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
    i += 1;
  }
  return value.length;
}
