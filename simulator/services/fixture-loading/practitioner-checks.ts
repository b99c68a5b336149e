// Cross-checks of practitioners.json: unique idNat, RPPS check digit, known organisations.
import type { Practitioner } from '../../domain/model.ts';
import { rppsProblem } from './check-digit-problems.ts';
import { duplicateProblems } from './duplicate-problems.ts';
import type { FixtureIndex } from './fixture-index.ts';
import { fixtureProblem, jsonPointer, quoted, type FixtureProblem } from './fixture-problem.ts';

const FILE = 'practitioners.json';

export function practitionerProblems(practitioners: readonly Practitioner[], index: FixtureIndex): FixtureProblem[] {
  const duplicates = duplicateProblems(practitioners, {
    file: FILE,
    array: ['practitioners'],
    property: 'idNat',
    keyOf: (practitioner) => practitioner.idNat,
    label: 'idNat',
    fix: 'un idNat identifie une seule personne : fusionnez les deux entrées ou corrigez le numéro',
  });
  const others = practitioners.flatMap((practitioner, position) => {
    const problems: FixtureProblem[] = [];
    if (practitioner.idNat !== undefined) {
      const checkDigit = rppsProblem(FILE, jsonPointer('practitioners', position, 'idNat'), practitioner.idNat);
      if (checkDigit) problems.push(checkDigit);
    }
    practitioner.organisationIds.forEach((organisationId, organisationPosition) => {
      if (index.organisation(organisationId)) return;
      problems.push(
        fixtureProblem(
          FILE,
          jsonPointer('practitioners', position, 'organisationIds', organisationPosition),
          `organisation ${quoted(organisationId)} introuvable dans organisations.json`,
          "ajoutez cette organisation à organisations.json ou corrigez l'identifiant",
        ),
      );
    });
    return problems;
  });
  return [...duplicates, ...others];
}
