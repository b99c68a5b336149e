// Normalisation of FHIR string search (FHIR R4 §3.1.1.4.9, search.html#string): matching is
// case- and accent-insensitive, by default on the start of the value. HAPI, which the real
// Annuaire Santé runs, normalises the same way (REG-ANN-02).

/** Lower case, accents and other combining marks removed, `œ`/`æ` expanded. */
export function normaliseText(text: string): string {
  // Fast path: plain ASCII needs only lower-casing (most names and every address).
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'ae')
    .toLowerCase();
}
