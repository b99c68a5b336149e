// Strict UTF-8 decoding (RFC 3629) for JSON that comes from outside: a byte sequence that is not
// UTF-8 is refused with the byte offset of its first invalid sequence, never replaced by U+FFFD
// (a Latin-1 « é » would silently become « � »). A leading UTF-8 byte order mark is accepted and
// stripped: RFC 8259 §8.1 lets a parser ignore it, and editors on Windows add it.

export type Utf8Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly offset: number };

const FATAL = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUtf8(bytes: Uint8Array): Utf8Decoded {
  try {
    return { ok: true, text: FATAL.decode(bytes) };
  } catch {
    return { ok: false, offset: firstInvalidUtf8Offset(bytes) ?? 0 };
  }
}

/** Byte offset where the first ill-formed sequence starts (WHATWG Encoding §4.2), or undefined. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return undefined;
}

/** Length of the well-formed sequence starting at `i`, 0 when it is ill-formed. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  if (lead < 0x80) return 1;
  const [count, low, high] = lead >= 0xc2 && lead <= 0xdf ? [1, 0x80, 0xbf]
    : lead === 0xe0 ? [2, 0xa0, 0xbf]
    : lead === 0xed ? [2, 0x80, 0x9f]
    : lead >= 0xe1 && lead <= 0xef ? [2, 0x80, 0xbf]
    : lead === 0xf0 ? [3, 0x90, 0xbf]
    : lead === 0xf4 ? [3, 0x80, 0x8f]
    : lead >= 0xf1 && lead <= 0xf3 ? [3, 0x80, 0xbf]
    : [0, 0, 0];
  if (count === 0) return 0;
  const second = bytes[i + 1];
  if (second === undefined || second < low || second > high) return 0;
  for (let k = 2; k <= count; k += 1) {
    const next = bytes[i + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return count + 1;
}
