// Bytes held as a one-byte string, one character per byte (what Node calls "latin1"): how the
// directory keeps JSON it has already encoded (resources, whole answers). Strings live in the V8
// heap, where the garbage collector marks each one without looking inside; buffers are external
// memory, and every 64 MiB of new external memory makes V8 start a full collection of the whole
// heap: kept as buffers, the answers to new searches made exactly those collections.

let scratch = Buffer.alloc(0);

/** The UTF-8 bytes of `text` as a one-byte string; ASCII text is already that. */
export function utf8Latin1(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  const size = Buffer.byteLength(text, 'utf8');
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.max(size, 2 * scratch.length, 16 * 1024));
  return scratch.toString('latin1', 0, scratch.write(text, 0, 'utf8'));
}
