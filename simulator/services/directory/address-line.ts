// Splits a fixture address line (« 12 place du Parc ») into the postal components of the
// extraction file (REG-ANN-08: L4NUMEROVOIE, L4COMPLEMENTNUMEROVOIE, NL4TYPEVOIE,
// L4LIBELLEVOIE). Street-type codes are the usual abbreviations of French postal addresses
// (R, AV, BD, PL…) (decision, REG-ANN-08); an unknown type stays in the label.

export interface AddressParts {
  readonly number: string;
  readonly numberComplement: string;
  readonly streetType: string;
  readonly streetLabel: string;
}

const STREET_TYPES: Readonly<Record<string, string>> = {
  rue: 'R', avenue: 'AV', boulevard: 'BD', place: 'PL', allee: 'ALL', chemin: 'CHE', impasse: 'IMP',
  route: 'RTE', quai: 'QU', cours: 'CRS', square: 'SQ', passage: 'PAS', esplanade: 'ESP', 'rond-point': 'RPT',
};

const NUMBERED = /^(\d+)\s*(bis|ter|quater)?\s+(.+)$/i;

export function splitAddressLine(line: string): AddressParts {
  const numbered = NUMBERED.exec(line.trim());
  const number = numbered?.[1] ?? '';
  const numberComplement = (numbered?.[2] ?? '').toUpperCase().slice(0, 1);
  const rest = numbered?.[3] ?? line.trim();
  const space = rest.indexOf(' ');
  const word = space === -1 ? rest : rest.slice(0, space);
  const streetType = STREET_TYPES[word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()];
  if (streetType === undefined || space === -1) return { number, numberComplement, streetType: '', streetLabel: rest };
  return { number, numberComplement, streetType, streetLabel: rest.slice(space + 1) };
}

/** Département of a French postal code: 2 digits, 3 for overseas (97x, 98x), 2A/2B for Corsica. */
export function departmentOf(postalCode: string): string {
  if (!/^\d{5}$/.test(postalCode)) return '';
  if (postalCode.startsWith('97') || postalCode.startsWith('98')) return postalCode.slice(0, 3);
  if (postalCode.startsWith('20')) return Number(postalCode) < 20200 ? '2A' : '2B';
  return postalCode.slice(0, 2);
}
