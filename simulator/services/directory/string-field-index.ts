// Index of one string search parameter over the records of one resource type, built once per
// trust-space view: a sorted array of normalised values for `starts-with` (the FHIR default)
// and `:exact`, trigram posting lists (built on first use) for `:contains`, and each record's
// own values for testing one record. A search asks every criterion how many records it may
// match (cheap: binary search or list length), lets the most selective one list them, and
// tests the others record by record (run-search.ts): over 100,000 practitioners a search stays
// well under a millisecond.
import { normaliseText } from './search-text.ts';
import type { StringModifier } from './search-request.ts';

export type StringMode = StringModifier | 'starts-with';

const GRAM = 3;
const NONE = new Int32Array(0);
/** Few enough candidates to check one by one rather than intersect further. */
const FEW = 8;

export class StringFieldIndex {
  readonly #keys: string[];
  readonly #raws: string[];
  readonly #owners: Int32Array;
  /** Normalised and raw values of each record, by position. */
  readonly #ownerKeys: string[][];
  readonly #ownerRaws: (readonly string[])[];
  #grams: Map<string, Int32Array> | undefined;
  /** The last needle's posting lists: a search asks for its count, then for its list. */
  #lastNeedle: string | undefined;
  #lastLists: Int32Array[] = [];

  /** `valuesOf(i)`: the raw strings of record i for this parameter. */
  constructor(count: number, valuesOf: (position: number) => readonly string[]) {
    const values: { key: string; raw: string; owner: number }[] = [];
    this.#ownerKeys = [];
    this.#ownerRaws = [];
    for (let owner = 0; owner < count; owner += 1) {
      const raws = valuesOf(owner);
      const keys = raws.map(normaliseText);
      this.#ownerRaws.push(raws);
      this.#ownerKeys.push(keys);
      keys.forEach((key, i) => values.push({ key, raw: raws[i] ?? '', owner }));
    }
    values.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.owner - b.owner));
    this.#keys = values.map((v) => v.key);
    this.#raws = values.map((v) => v.raw);
    this.#owners = Int32Array.from(values, (v) => v.owner);
  }

  /** At least as many as the records `list` would return (one per matching value). */
  count(mode: StringMode, text: string): number {
    const needle = normaliseText(text);
    if (mode === 'contains') return needle.length < GRAM ? this.#keys.length : this.#gramLists(needle).reduce((min, list) => Math.min(min, list.length), Infinity);
    const [from, to] = mode === 'exact' ? this.#range(needle, needle) : this.#range(needle, `${needle}\uffff`);
    return to - from;
  }

  /** Records with a matching value, possibly repeated, in no particular order. */
  list(mode: StringMode, text: string): number[] {
    const needle = normaliseText(text);
    const found: number[] = [];
    const keep = (position: number) => found.push(this.#owners[position] ?? 0);
    if (mode === 'contains') {
      const candidates = needle.length < GRAM ? undefined : this.#gramCandidates(needle);
      if (candidates) for (const position of candidates) if ((this.#keys[position] ?? '').includes(needle)) keep(position);
      if (!candidates) for (let i = 0; i < this.#keys.length; i += 1) if ((this.#keys[i] ?? '').includes(needle)) keep(i);
      return found;
    }
    const [from, to] = mode === 'exact' ? this.#range(needle, needle) : this.#range(needle, `${needle}\uffff`);
    for (let i = from; i < to; i += 1) if (mode !== 'exact' || this.#raws[i] === text) keep(i);
    return found;
  }

  /** A test of one record: `:exact` compares raw values (case and accents), the others normalised ones. */
  test(mode: StringMode, text: string): (owner: number) => boolean {
    if (mode === 'exact') return (owner) => (this.#ownerRaws[owner] ?? []).includes(text);
    const needle = normaliseText(text);
    if (mode === 'contains') return (owner) => (this.#ownerKeys[owner] ?? []).some((key) => key.includes(needle));
    return (owner) => (this.#ownerKeys[owner] ?? []).some((key) => key.startsWith(needle));
  }

  /** Positions [from, to) of the keys k with low ≤ k ≤ high. */
  #range(low: string, high: string): [number, number] {
    return [this.#bound(low, false), this.#bound(high, true)];
  }

  /** First position whose key is ≥ `key` (or > `key` when `after`). */
  #bound(key: string, after: boolean): number {
    let low = 0;
    let high = this.#keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const here = this.#keys[middle] ?? '';
      if (here < key || (after && here === key)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Positions of the values holding every trigram of the needle (a superset of the matches, most
   * often exactly them): the posting lists intersected from the shortest, so that few values are
   * read to check the needle itself (each one read is a likely cache miss on a large directory).
   */
  #gramCandidates(needle: string): Int32Array {
    const lists = this.#gramLists(needle).sort((a, b) => a.length - b.length);
    let candidates = lists[0] ?? NONE;
    for (let i = 1; i < lists.length && candidates.length > FEW; i += 1) candidates = intersect(candidates, lists[i] ?? NONE);
    return candidates;
  }

  /** The posting list of each trigram of the needle; a single empty list when one is absent. */
  #gramLists(needle: string): Int32Array[] {
    if (needle === this.#lastNeedle) return this.#lastLists;
    this.#lastNeedle = needle;
    this.#lastLists = this.#findGramLists(needle);
    return this.#lastLists;
  }

  #findGramLists(needle: string): Int32Array[] {
    const grams = (this.#grams ??= this.#buildGrams());
    const lists: Int32Array[] = [];
    for (let i = 0; i + GRAM <= needle.length; i += 1) {
      const list = grams.get(needle.slice(i, i + GRAM));
      if (!list) return [NONE];
      lists.push(list);
    }
    return lists;
  }

  #buildGrams(): Map<string, Int32Array> {
    const lists = new Map<string, number[]>();
    this.#keys.forEach((key, position) => {
      for (let i = 0; i + GRAM <= key.length; i += 1) {
        const gram = key.slice(i, i + GRAM);
        const list = lists.get(gram);
        if (!list) lists.set(gram, [position]);
        else if (list[list.length - 1] !== position) list.push(position);
      }
    });
    const grams = new Map<string, Int32Array>();
    for (const [gram, list] of lists) grams.set(gram, Int32Array.from(list));
    return grams;
  }
}

/**
 * Sorted intersection of two ascending position lists, `a` the shorter: each position of `a` is
 * sought in `b` by galloping from where the previous one was found, O(|a| log(|b| / |a|)).
 */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  let n = 0;
  let low = 0;
  for (let i = 0; i < a.length && low < b.length; i += 1) {
    const x = a[i] ?? 0;
    let step = 1;
    let bound = low;
    while (bound < b.length && (b[bound] ?? 0) < x) {
      low = bound + 1;
      bound = low + step;
      step *= 2;
    }
    let high = Math.min(bound, b.length);
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((b[middle] ?? 0) < x) low = middle + 1;
      else high = middle;
    }
    if (low < b.length && b[low] === x) {
      out[n++] = x;
      low += 1;
    }
  }
  return out.subarray(0, n);
}
