// National identifiers of practitioners and establishments (REG-ANN-07).
// - idNat_PS = `8` + RPPS (11 digits, the last a Luhn check digit over the 11 digits) or
//   `0` + ADELI (9 digits). ADELI: format only; its key rule is not in our sources, so it is
//   not checked (an open question).
// - FINESS: 9 digits, the last a Luhn check digit (decision, REG-ANN-07). Corsican FINESS
//   numbers written with `2A`/`2B` are not supported (decision: fixtures use digits only).
// - SIRET: 14 digits, the last a Luhn check digit (INSEE rule; REG-ANN-07 names the 14
//   digits only). SIRETs of La Poste (SIREN 356000000) follow another rule and are not checked.
import type { PractitionerIdKind } from './model.ts';
import { luhnCheckDigit, luhnIsValid } from './luhn.ts';

export type NationalIdProblem = 'empty' | 'prefix' | 'length' | 'characters' | 'check-digit';

export type PractitionerIdCheck =
  | { readonly valid: true; readonly kind: PractitionerIdKind; /** RPPS or ADELI number without the prefix. */ readonly number: string }
  | { readonly valid: false; readonly problem: NationalIdProblem };

export type FinessCheck = { readonly valid: true; readonly kind: 'FINESS' } | { readonly valid: false; readonly problem: NationalIdProblem };

export type SiretCheck = { readonly valid: true; readonly kind: 'SIRET' } | { readonly valid: false; readonly problem: NationalIdProblem };

const PREFIX_RPPS = '8';
const PREFIX_ADELI = '0';
const RPPS_LENGTH = 11;
const ADELI_LENGTH = 9;
const FINESS_LENGTH = 9;
const SIRET_LENGTH = 14;
const LA_POSTE_SIREN = '356000000';

/** Checks an idNat_PS: prefix, then length, then characters, then (RPPS only) the Luhn digit. */
export function checkPractitionerId(idNat: string): PractitionerIdCheck {
  if (idNat.length === 0) return { valid: false, problem: 'empty' };
  const prefix = idNat[0];
  const number = idNat.slice(1);
  if (prefix === PREFIX_RPPS) return checkDigits(number, RPPS_LENGTH, 'RPPS');
  if (prefix === PREFIX_ADELI) return checkDigits(number, ADELI_LENGTH, 'ADELI');
  return { valid: false, problem: 'prefix' };
}

/** Checks a FINESS number: 9 digits with a Luhn check digit. */
export function checkFiness(finess: string): FinessCheck {
  if (finess.length === 0) return { valid: false, problem: 'empty' };
  if (finess.length !== FINESS_LENGTH) return { valid: false, problem: 'length' };
  if (!/^\d+$/.test(finess)) return { valid: false, problem: 'characters' };
  if (!luhnIsValid(finess)) return { valid: false, problem: 'check-digit' };
  return { valid: true, kind: 'FINESS' };
}

/** Checks a SIRET: 14 digits with a Luhn check digit, except La Poste's (format only). */
export function checkSiret(siret: string): SiretCheck {
  if (siret.length === 0) return { valid: false, problem: 'empty' };
  if (siret.length !== SIRET_LENGTH) return { valid: false, problem: 'length' };
  if (!/^\d+$/.test(siret)) return { valid: false, problem: 'characters' };
  if (!siret.startsWith(LA_POSTE_SIREN) && !luhnIsValid(siret)) return { valid: false, problem: 'check-digit' };
  return { valid: true, kind: 'SIRET' };
}

/** The idNat_PS of a 10-digit RPPS body: `8` + body + Luhn digit (synthetic data, tests). */
export function rppsIdNat(body10: string): string {
  if (!/^\d{10}$/.test(body10)) throw new RangeError(`not a 10-digit RPPS body: ${JSON.stringify(body10)}`);
  return PREFIX_RPPS + body10 + luhnCheckDigit(body10);
}

/** A FINESS number from an 8-digit body + Luhn digit (synthetic data, tests). */
export function finessNumber(body8: string): string {
  if (!/^\d{8}$/.test(body8)) throw new RangeError(`not an 8-digit FINESS body: ${JSON.stringify(body8)}`);
  return body8 + luhnCheckDigit(body8);
}

function checkDigits(number: string, length: number, kind: PractitionerIdKind): PractitionerIdCheck {
  if (number.length !== length) return { valid: false, problem: 'length' };
  if (!/^\d+$/.test(number)) return { valid: false, problem: 'characters' };
  if (kind === 'RPPS' && !luhnIsValid(number)) return { valid: false, problem: 'check-digit' };
  return { valid: true, kind, number };
}
