// Writing header and DSN field lines: no CR/LF smuggled into a value (header injection),
// folding at white space so that lines stay short (RFC 5322 §2.1.1: ≤ 998 octets, 78
// recommended; §2.2.3 folding), and US-ASCII for fields that must be ASCII (RFC 3464 §2.1).

const SOFT_LIMIT = 78;
const HARD_LIMIT = 998;

/** `Name: value` folded at white space (and, past 998 characters without any, cut with CRLF SP). */
export function headerLine(name: string, value: string): string {
  const line = `${name}: ${singleLine(value)}`;
  if (line.length <= SOFT_LIMIT) return line;
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/(?= )/)) {
    // Never fold right after `Name:`: the first line keeps at least one word of the value.
    const started = out.length > 0 || current.length > name.length + 1;
    if (started && current.length + word.length > SOFT_LIMIT) {
      out.push(current);
      current = '';
    }
    current += word;
    while (current.length > HARD_LIMIT) {
      out.push(current.slice(0, HARD_LIMIT));
      current = ` ${current.slice(HARD_LIMIT)}`;
    }
  }
  out.push(current);
  return out.join('\r\n');
}

/** Line breaks and other control characters replaced by a space. */
export function singleLine(value: string): string {
  return value.replace(/[\x00-\x08\x0a-\x1f\x7f]+/g, ' ');
}

const ASCII_SUBSTITUTES: Readonly<Record<string, string>> = { '«': '"', '»': '"', '\u2019': "'", '\u2018': "'", '“': '"', '”': '"', '\u00a0': ' ', '\u202f': ' ' };

/** Printable US-ASCII: accents dropped (é → e), typographic quotes and spaces mapped, anything else `?`. */
export function asciiOnly(value: string): string {
  return singleLine(value)
    .replace(/[«»\u2019\u2018“”\u00a0\u202f]/g, (char) => ASCII_SUBSTITUTES[char] ?? '?')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/gu, '?');
}
