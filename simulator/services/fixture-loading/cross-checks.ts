// Rules that span several fixture files or that JSON Schema cannot express (keys, check digits,
// references, ownership). Run only on schema-valid data. Problems come file by file, in the
// order of FIXTURE_COLLECTIONS.
import type { TrustSpaceData } from '../../domain/model.ts';
import { indexFixtures } from './fixture-index.ts';
import type { FixtureProblem } from './fixture-problem.ts';
import { mailboxProblems } from './mailbox-checks.ts';
import { operatorProblems } from './operator-checks.ts';
import { organisationProblems } from './organisation-checks.ts';
import { patientProblems } from './patient-checks.ts';
import { personaProblems } from './persona-checks.ts';
import { practitionerProblems } from './practitioner-checks.ts';

export function crossCheckFixtures(data: TrustSpaceData): FixtureProblem[] {
  const index = indexFixtures(data);
  return [
    ...operatorProblems(data.operators),
    ...practitionerProblems(data.practitioners, index),
    ...organisationProblems(data.organisations),
    ...mailboxProblems(data.mailboxes, index),
    ...patientProblems(data.patients, index),
    ...personaProblems(data.personas, index),
  ];
}
