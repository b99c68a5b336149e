// A bounds-checked cursor over untrusted bytes (client-hello.ts): every read returns undefined
// instead of reading past the end, so a hostile or truncated input can never throw. Pure.

export class ByteReader {
  readonly #bytes: Uint8Array;
  #offset = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  get remaining(): number {
    return this.#bytes.length - this.#offset;
  }

  u8(): number | undefined {
    if (this.remaining < 1) return undefined;
    return this.#bytes[this.#offset++];
  }

  u16(): number | undefined {
    if (this.remaining < 2) return undefined;
    const value = ((this.#bytes[this.#offset] ?? 0) << 8) | (this.#bytes[this.#offset + 1] ?? 0);
    this.#offset += 2;
    return value;
  }

  u24(): number | undefined {
    const high = this.u8();
    const low = high === undefined ? undefined : this.u16();
    return high === undefined || low === undefined ? undefined : high * 0x10000 + low;
  }

  /** The next `length` bytes as their own reader, or undefined when fewer remain. */
  take(length: number): ByteReader | undefined {
    if (length < 0 || this.remaining < length) return undefined;
    const slice = this.#bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return new ByteReader(slice);
  }

  /** A vector with a 1- or 2-byte length prefix (RFC 8446 §3.4). */
  vector(prefixBytes: 1 | 2): ByteReader | undefined {
    const length = prefixBytes === 1 ? this.u8() : this.u16();
    return length === undefined ? undefined : this.take(length);
  }

  /** Every remaining 16-bit value; undefined when an odd byte is left. */
  u16List(): number[] | undefined {
    if (this.remaining % 2 !== 0) return undefined;
    const values: number[] = [];
    while (this.remaining > 0) values.push(this.u16() ?? 0);
    return values;
  }

  /** The remaining bytes as printable ASCII, anything else as `\xNN` (safe to journal). */
  printable(): string {
    let text = '';
    for (let index = this.#offset; index < this.#bytes.length; index++) text += printableByte(this.#bytes[index] ?? 0);
    this.#offset = this.#bytes.length;
    return text;
  }
}

function printableByte(byte: number): string {
  if (byte >= 0x20 && byte < 0x7f && byte !== 0x5c) return String.fromCharCode(byte);
  return `\\x${byte.toString(16).padStart(2, '0')}`;
}
