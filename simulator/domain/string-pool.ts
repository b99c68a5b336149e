// Strings that repeat across stored messages (the envelope's addresses, those of From and To)
// kept once: every stored message refers to the pooled copy instead of holding its own, about
// 60 bytes each. A pooled string is a flat copy, so that it never
// keeps alive a larger string it was cut from (a header block). Bounded: past `capacity`
// distinct strings the pool is emptied and starts again; hostile traffic cannot grow it.

export const DEFAULT_POOL_CAPACITY = 4096;
/** Longer strings are rarely repeated: not pooled. */
const MAX_POOLED_LENGTH = 256;

export class StringPool {
  readonly #strings = new Map<string, string>();

  constructor(readonly capacity = DEFAULT_POOL_CAPACITY) {}

  /** The pooled string equal to `value` (pooling it first if needed); `value` itself when too long. */
  intern(value: string): string {
    if (value.length > MAX_POOLED_LENGTH) return value;
    const pooled = this.#strings.get(value);
    if (pooled !== undefined) return pooled;
    if (this.#strings.size >= this.capacity) this.#strings.clear();
    const flat = flatCopy(value);
    this.#strings.set(flat, flat);
    return flat;
  }

  get size(): number {
    return this.#strings.size;
  }
}

/** A sequential copy of `value`: never a slice or a concatenation referring to other strings. */
export function flatCopy(value: string): string {
  return JSON.parse(JSON.stringify(value)) as string;
}

/** The pool the message index and the SMTP envelope share. */
export const messageStrings = new StringPool();
