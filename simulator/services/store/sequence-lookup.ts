// Finding a record by its sequential id (`m-000123`, `t-000042`) in a list kept in arrival
// order, without a Map from id to record (about 35 bytes per record at 100,000 records,
// bench/memory-bench.ts): the store and the transmission log number their records in
// increasing order, so a binary search on the number finds them. Should the list stop being
// in order (ids given by hand, records read back out of order), a Map is built and kept from
// then on until the list is emptied: the answers are those of a Map in every case.

export class SequenceLookup<T extends { readonly id: string }> {
  readonly #prefix: string;
  readonly #items: () => readonly T[];
  /** Present once the list is out of order: id → record, as a Map kept beside the list would be. */
  #byId: Map<string, T> | undefined;
  #last = -1;

  /** `prefix`: what comes before the number, e.g. `m-`; `items`: the list, oldest first. */
  constructor(prefix: string, items: () => readonly T[]) {
    this.#prefix = prefix;
    this.#items = items;
  }

  /** Call after appending `item` to the list. */
  added(item: T): void {
    if (this.#byId) {
      this.#byId.set(item.id, item);
      return;
    }
    const sequence = this.#sequenceOf(item.id);
    if (sequence !== undefined && sequence > this.#last) this.#last = sequence;
    else this.#byId = new Map(this.#items().map((kept) => [kept.id, kept]));
  }

  /** Call after removing `item` from the list. */
  removed(item: T): void {
    this.#byId?.delete(item.id);
  }

  /** Call when the list was emptied. */
  cleared(): void {
    this.#byId = undefined;
    this.#last = -1;
  }

  /** The record whose id is exactly `id`, if any. */
  find(id: string): T | undefined {
    if (this.#byId) return this.#byId.get(id);
    const wanted = this.#sequenceOf(id);
    if (wanted === undefined) return undefined;
    const items = this.#items();
    let low = 0;
    let high = items.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const item = items[middle]!;
      const sequence = this.#sequenceOf(item.id)!;
      if (sequence === wanted) return item.id === id ? item : undefined;
      if (sequence < wanted) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  #sequenceOf(id: string): number | undefined {
    if (!id.startsWith(this.#prefix)) return undefined;
    const digits = id.slice(this.#prefix.length);
    return /^\d{1,15}$/.test(digits) ? Number(digits) : undefined;
  }
}
