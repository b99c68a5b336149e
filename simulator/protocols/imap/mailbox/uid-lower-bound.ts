// Entries of a folder are kept in ascending UID order (RFC 3501 §2.3.1.1): binary search.

/** Index of the first entry whose UID is ≥ `uid`, or `entries.length`. */
export function uidLowerBound(entries: readonly { readonly uid: number }[], uid: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((entries[middle] as { uid: number }).uid < uid) low = middle + 1;
    else high = middle;
  }
  return low;
}
