// Recent search results of one view (positions of the matches, by canonical query), so that
// following the `next` links of a search, or repeating it, does not search again (HAPI, which
// the real Annuaire Santé runs, reuses recent searches the same way). Bounded by the number of
// positions kept, oldest first out.

/** 4 Mi positions of 4 bytes: 16 MiB at most per view. */
export const RESULT_CACHE_POSITIONS = 4 * 1024 * 1024;

export class ResultCache {
  readonly #results = new Map<string, Int32Array>();
  readonly #limit: number;
  #positions = 0;

  constructor(limit: number = RESULT_CACHE_POSITIONS) {
    this.#limit = limit;
  }

  get(key: string): Int32Array | undefined {
    return this.#results.get(key);
  }

  set(key: string, positions: Int32Array): void {
    if (positions.length > this.#limit || this.#results.has(key)) return;
    for (const [oldest, cached] of this.#results) {
      if (this.#positions + positions.length <= this.#limit) break;
      this.#results.delete(oldest);
      this.#positions -= cached.length;
    }
    this.#results.set(key, positions);
    this.#positions += positions.length;
  }

  get size(): number {
    return this.#results.size;
  }
}
