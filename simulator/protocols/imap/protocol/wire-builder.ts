// Builds server responses (RFC 3501 §4, §9): atoms and 7-bit text as strings, strings quoted
// when they are short printable ASCII and literals `{n}` CRLF bytes otherwise (8-bit header
// values, CR or LF, long values), NIL for absent values.
export type WireChunk = string | Buffer;

const MAX_QUOTED = 1024;

export class WireBuilder {
  readonly #chunks: WireChunk[] = [];
  #text = '';

  /** Raw protocol text (atoms, spaces, parentheses); must be 7-bit. */
  text(value: string): this {
    this.#text += value;
    return this;
  }

  string(value: string | Buffer): this {
    if (typeof value === 'string') {
      if (value.length <= MAX_QUOTED && /^[\t\x20-\x7e]*$/.test(value)) return this.text(quote(value));
      return this.literal(Buffer.from(value, 'utf8'));
    }
    if (value.length <= MAX_QUOTED && isQuotable(value)) return this.text(quote(value.toString('latin1')));
    return this.literal(value);
  }

  nstring(value: string | Buffer | undefined | null): this {
    return value === undefined || value === null ? this.text('NIL') : this.string(value);
  }

  literal(value: Buffer): this {
    this.#text += `{${value.length}}\r\n`;
    this.#flush();
    this.#chunks.push(value);
    return this;
  }

  /** Appends chunks built earlier (cached ENVELOPE or BODYSTRUCTURE). */
  append(chunks: readonly WireChunk[]): this {
    for (const chunk of chunks) {
      if (typeof chunk === 'string') this.#text += chunk;
      else {
        this.#flush();
        this.#chunks.push(chunk);
      }
    }
    return this;
  }

  finish(): WireChunk[] {
    this.#flush();
    return this.#chunks;
  }

  #flush(): void {
    if (this.#text.length > 0) this.#chunks.push(this.#text);
    this.#text = '';
  }
}

export function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

function isQuotable(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] as number;
    if (byte !== 0x09 && (byte < 0x20 || byte > 0x7e)) return false;
  }
  return true;
}

/** Bytes on the wire (strings are 7-bit: latin1 is exact). */
export function wireBytes(chunks: readonly WireChunk[]): Buffer {
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk)));
}

/** A journal line: strings kept, literals summarised by their size. */
export function wireSummary(chunks: readonly WireChunk[], maxLength = 300): string {
  let text = '';
  for (const chunk of chunks) {
    text += typeof chunk === 'string' ? chunk : `<${chunk.length} octets>`;
    if (text.length > maxLength) return `${oneLine(text.slice(0, maxLength))}…`;
  }
  return oneLine(text.replace(/\r\n$/, ''));
}

function oneLine(text: string): string {
  return text.replace(/\r\n/g, ' ');
}
