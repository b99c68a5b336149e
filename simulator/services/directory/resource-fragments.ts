// The UTF-8 JSON of every resource of one type in one directory view, serialised once (when the
// type is first asked for) and kept as one-byte strings (latin1-bytes.ts): a search answer is
// then assembled from these bytes (fhir-json.ts), with no resource object built per request and
// no object graph per resource kept for the garbage collector to trace again and again.
import { utf8Latin1 } from './latin1-bytes.ts';

export class FragmentTable {
  readonly #texts: string[];

  /**
   * `json(i)`: the JSON text of record i, called once per record, in order, unless `kept(i)` gives
   * the bytes already made for it (as a one-byte string).
   */
  constructor(size: number, json: (position: number) => string, kept?: (position: number) => string | undefined) {
    this.#texts = Array.from({ length: size }, (_, position) => kept?.(position) ?? utf8Latin1(json(position)));
  }

  get size(): number {
    return this.#texts.length;
  }

  /** Bytes held, all fragments together. */
  get byteSize(): number {
    return this.#texts.reduce((sum, text) => sum + text.length, 0);
  }

  /** The UTF-8 bytes of record `position`'s JSON as a one-byte string (one character per byte). */
  latin1(position: number): string {
    const text = this.#texts[position];
    if (text === undefined) throw new RangeError(`no fragment at ${position}`);
    return text;
  }

  /** The same bytes in a buffer of their own. */
  bytes(position: number): Buffer {
    return Buffer.from(this.latin1(position), 'latin1');
  }
}
