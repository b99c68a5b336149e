// Strings that repeat across stored messages (the envelope's addresses, those of From and To)
// kept once: every stored message refers to the pooled copy instead of holding its own, about
// 60 bytes each. A pooled string is a flat copy, so that it never
// keeps alive a larger string it was cut from (a header block). Short lists of them (the To of a
// message, the RCPT TO of an envelope) are pooled the same way, frozen, about 70 bytes each.
// Bounded: past `capacity` distinct strings (or lists) the pool is emptied and starts again;
// hostile traffic cannot grow it.

export const DEFAULT_POOL_CAPACITY = 4096;
/** Longer strings are rarely repeated: not pooled. */
const MAX_POOLED_LENGTH = 256;
/** Longer lists are rarely repeated: not pooled (their items are). */
const MAX_POOLED_ITEMS = 8;
const NO_ITEMS: readonly string[] = Object.freeze([]);

export class StringPool {
  readonly #strings = new Map<string, string>();
  readonly #lists = new Map<string, readonly string[]>();

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

  /** A frozen list equal to `values`, its items pooled; the pooled one when short (one shared empty list). */
  internList(values: readonly string[]): readonly string[] {
    if (values.length === 0) return NO_ITEMS;
    if (values.length > MAX_POOLED_ITEMS) return Object.freeze(values.map((value) => this.intern(value)));
    const key = values.length === 1 ? values[0]! : values.join('\n'); // no address holds a line break
    const pooled = this.#lists.get(key);
    if (pooled !== undefined) return pooled;
    if (this.#lists.size >= this.capacity) this.#lists.clear();
    const list = Object.freeze(values.map((value) => this.intern(value)));
    this.#lists.set(list.length === 1 ? list[0]! : key, list);
    return list;
  }

  /** Strings pooled now (lists not counted). */
  get size(): number {
    return this.#strings.size;
  }
}

/**
 * A sequential copy of `value`: never a slice or a concatenation referring to other strings.
 * (Not by using it as a property key, which also flattens it: with ever new values every key
 * makes a hidden class, ten times slower than this round trip.)
 */
export function flatCopy(value: string): string {
  return JSON.parse(JSON.stringify(value)) as string;
}

/** The pool the message index and the SMTP envelope share. */
export const messageStrings = new StringPool();
