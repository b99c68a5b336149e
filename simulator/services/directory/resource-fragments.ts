// The UTF-8 JSON of every resource of one type in one directory view, serialised once (when the
// type is first asked for) and kept in a few large buffers. A search answer is then assembled by
// copying these bytes (fhir-json.ts): no resource object is built per request, and the heap holds
// a handful of buffers and three typed arrays instead of tens of objects per resource for the
// garbage collector to trace again and again.

/** Fragments are packed into buffers of about this size (one larger fragment gets its own). */
export const SLAB_BYTES = 4 * 1024 * 1024;

export class FragmentTable {
  readonly #slabs: Buffer[] = [];
  readonly #slabOf: Uint32Array;
  readonly #start: Int32Array;
  readonly #length: Int32Array;

  /** `json(i)`: the JSON text of record i, called once per record, in order. */
  constructor(size: number, json: (position: number) => string, slabBytes = SLAB_BYTES) {
    this.#slabOf = new Uint32Array(size);
    this.#start = new Int32Array(size);
    this.#length = new Int32Array(size);
    let texts: string[] = [];
    let first = 0;
    let bytes = 0;
    for (let position = 0; position < size; position += 1) {
      const text = json(position);
      const length = Buffer.byteLength(text, 'utf8');
      if (bytes > 0 && bytes + length > slabBytes) {
        this.#pack(texts, first, bytes);
        texts = [];
        first = position;
        bytes = 0;
      }
      texts.push(text);
      this.#length[position] = length;
      bytes += length;
    }
    if (texts.length > 0) this.#pack(texts, first, bytes);
  }

  get size(): number {
    return this.#length.length;
  }

  /** Bytes held, all fragments together. */
  get byteSize(): number {
    return this.#slabs.reduce((sum, slab) => sum + slab.length, 0);
  }

  byteLength(position: number): number {
    return this.#length[position] ?? 0;
  }

  /** Copies the fragment of `position` into `target` at `at`; returns the offset after it. */
  copy(position: number, target: Buffer, at: number): number {
    const start = this.#start[position] ?? 0;
    const slab = this.#slabs[this.#slabOf[position] ?? 0];
    if (!slab) throw new RangeError(`no fragment at ${position}`);
    return at + slab.copy(target, at, start, start + (this.#length[position] ?? 0));
  }

  /** The fragment of `position` itself (a view, not a copy: never write to it). */
  bytes(position: number): Buffer {
    const start = this.#start[position] ?? 0;
    const slab = this.#slabs[this.#slabOf[position] ?? 0];
    if (!slab || position < 0 || position >= this.size) throw new RangeError(`no fragment at ${position}`);
    return slab.subarray(start, start + (this.#length[position] ?? 0));
  }

  /** One buffer of exactly `bytes` for the texts of records first, first + 1, … */
  #pack(texts: readonly string[], first: number, bytes: number): void {
    const slab = Buffer.allocUnsafeSlow(bytes);
    const index = this.#slabs.length;
    let at = 0;
    texts.forEach((text, i) => {
      this.#slabOf[first + i] = index;
      this.#start[first + i] = at;
      at += slab.write(text, at, 'utf8');
    });
    this.#slabs.push(slab);
  }
}
