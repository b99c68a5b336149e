// Quoted-Printable body encoding of UTF-8 text, RFC 2045 §6.7: lines of at most 76
// characters (soft line breaks `=`), CRLF hard line breaks, trailing white space encoded.

const MAX_LINE = 76;

/** Encodes text (any line endings) as quoted-printable UTF-8 with CRLF line endings. */
export function encodeQuotedPrintable(text: string): string {
  return text.split(/\r?\n/).map(encodeCachedLine).join('\r\n');
}

// Bounces repeat the same lines (intro, explanation, a sentence per address): encode each once.
const cache = new Map<string, string>();
const CACHE_LIMIT = 1024;

function encodeCachedLine(line: string): string {
  let encoded = cache.get(line);
  if (encoded === undefined) {
    encoded = encodeLine(Buffer.from(line, 'utf8'));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(line, encoded);
  }
  return encoded;
}

function encodeLine(bytes: Buffer): string {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] as number;
    const last = i === bytes.length - 1;
    const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
    const token = literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    // Keep room for the soft break `=`, except on the last token of the line.
    const limit = last ? MAX_LINE : MAX_LINE - 1;
    if (current.length + token.length > limit) {
      out.push(`${current}=`);
      current = '';
    }
    current += token;
  }
  out.push(current);
  return out.join('\r\n');
}
