// Cross-checks of organisations.json: unique ids, FINESS and SIRET check digits (REG-ANN-07).
import type { Organisation } from '../../domain/model.ts';
import { finessProblem, siretProblem } from './check-digit-problems.ts';
import { duplicateProblems } from './duplicate-problems.ts';
import { jsonPointer, type FixtureProblem } from './fixture-problem.ts';

const FILE = 'organisations.json';

export function organisationProblems(organisations: readonly Organisation[]): FixtureProblem[] {
  const duplicates = duplicateProblems(organisations, {
    file: FILE,
    array: ['organisations'],
    property: 'id',
    keyOf: (organisation) => organisation.id,
    label: "identifiant d'organisation",
    fix: 'donnez à chaque organisation un identifiant unique',
  });
  const checkDigits = organisations.flatMap((organisation, position) => [
    organisation.finess === undefined ? undefined : finessProblem(FILE, jsonPointer('organisations', position, 'finess'), organisation.finess),
    organisation.siret === undefined ? undefined : siretProblem(FILE, jsonPointer('organisations', position, 'siret'), organisation.siret),
  ]);
  return [...duplicates, ...checkDigits.filter((problem) => problem !== undefined)];
}
