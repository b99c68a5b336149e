// A ring buffer of at most `capacity` items: O(1) append (the oldest item is dropped once full)
// and O(1) access by age, so that the live flow stays cheap with tens of thousands of entries.

export class BoundedList<T> {
  readonly #items: (T | undefined)[];
  #start = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.#items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  push(item: T): void {
    const end = (this.#start + this.#size) % this.capacity;
    this.#items[end] = item;
    if (this.#size < this.capacity) this.#size += 1;
    else this.#start = (this.#start + 1) % this.capacity;
  }

  /** The item `age` places from the newest (0 = newest), or undefined past the oldest. */
  fromNewest(age: number): T | undefined {
    if (age < 0 || age >= this.#size) return undefined;
    return this.#items[(this.#start + this.#size - 1 - age) % this.capacity];
  }

  /** Keeps the items `keep` says yes to (rewritten by `map`), in order. */
  retain(keep: (item: T) => boolean, map: (item: T) => T = (item) => item): void {
    const kept: T[] = [];
    for (let age = this.#size - 1; age >= 0; age -= 1) {
      const item = this.fromNewest(age) as T;
      if (keep(item)) kept.push(map(item));
    }
    this.#items.fill(undefined);
    this.#start = 0;
    this.#size = 0;
    for (const item of kept) this.push(item);
  }
}
