// Where the store puts the bytes of delivered copies: packed one after the other into shared
// buffers of 4 MiB ("slabs"), each copy a view into its slab. A Buffer allocated per message
// costs, besides its bytes, an ArrayBuffer on the heap and a backing-store record off the heap
// (about 300 bytes more per message than a view into a slab); copies are evicted oldest
// first, so a slab is freed once its last copy is gone. Large messages get a buffer of their own,
// so that a slab never keeps much more than the bytes of the copies it holds.

export const SLAB_BYTES = 4 * 1024 * 1024;
/** Messages above this size are not packed (a slab's unused tail stays below it). */
export const PACKED_MAX_BYTES = 64 * 1024;

export class ByteSlabs {
  #slab: Buffer | undefined;
  #used = 0;

  /** The parts one after the other, in a slab when small, else in a buffer of their own. */
  concat(parts: readonly Buffer[]): Buffer {
    let length = 0;
    for (const part of parts) length += part.length;
    if (length > PACKED_MAX_BYTES) return Buffer.concat(parts, length);
    if (this.#slab === undefined || this.#used + length > SLAB_BYTES) {
      // Zero-filled: what `buffer` of a view shows beyond the copies is never old memory.
      this.#slab = Buffer.alloc(SLAB_BYTES);
      this.#used = 0;
    }
    const start = this.#used;
    for (const part of parts) this.#used += part.copy(this.#slab, this.#used);
    return this.#slab.subarray(start, this.#used);
  }

  /** Forgets the slab being filled (after a reset): its memory goes once its copies are gone. */
  clear(): void {
    this.#slab = undefined;
    this.#used = 0;
  }
}
