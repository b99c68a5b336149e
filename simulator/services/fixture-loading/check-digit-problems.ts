// Luhn check digits of national identifiers: RPPS (the 11 digits after the `8` of idNat_PS),
// FINESS (9 digits) and SIRET (14 digits), REG-ANN-07. The rules are the domain's
// (simulator/domain/national-ids.ts): ADELI keys and La Poste's SIRETs are not checked there.
// Only a wrong check digit is reported here; shape errors are the schema's.
import { luhnCheckDigit } from '../../domain/luhn.ts';
import { checkFiness, checkPractitionerId, checkSiret, type NationalIdProblem } from '../../domain/national-ids.ts';
import { fixtureProblem, quoted, type FixtureProblem } from './fixture-problem.ts';

type Check = { readonly valid: true } | { readonly valid: false; readonly problem: NationalIdProblem };

export function rppsProblem(file: string, path: string, idNat: string): FixtureProblem | undefined {
  const check = checkPractitionerId(idNat);
  return luhnProblem(file, path, check, idNat.slice(1), `numéro RPPS de l'idNat ${quoted(idNat)}`, (digit) => `8${idNat.slice(1, -1)}${digit}`);
}

export function finessProblem(file: string, path: string, finess: string): FixtureProblem | undefined {
  return luhnProblem(file, path, checkFiness(finess), finess, `numéro FINESS ${quoted(finess)}`, (digit) => finess.slice(0, -1) + digit);
}

export function siretProblem(file: string, path: string, siret: string): FixtureProblem | undefined {
  return luhnProblem(file, path, checkSiret(siret), siret, `numéro SIRET ${quoted(siret)}`, (digit) => siret.slice(0, -1) + digit);
}

function luhnProblem(
  file: string,
  path: string,
  check: Check,
  digits: string,
  subject: string,
  corrected: (digit: string) => string,
): FixtureProblem | undefined {
  if (check.valid || check.problem !== 'check-digit') return undefined;
  const digit = luhnCheckDigit(digits.slice(0, -1));
  return fixtureProblem(
    file,
    path,
    `${subject} : clé de Luhn incorrecte (dernier chiffre attendu : ${digit})`,
    `vérifiez le numéro ; pour une donnée synthétique, écrivez ${quoted(corrected(digit))}`,
  );
}
