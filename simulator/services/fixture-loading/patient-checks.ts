// Cross-checks of patients.json: unique matricules, INS key (REG-ADR-02), frequented
// pharmacies that exist and are officines (REG-MES-03 (b)), document ids unique per patient.
import { checkInsNumber, insKey } from '../../domain/ins-number.ts';
import type { Patient } from '../../domain/model.ts';
import { duplicateProblems } from './duplicate-problems.ts';
import type { FixtureIndex } from './fixture-index.ts';
import { fixtureProblem, jsonPointer, quoted, type FixtureProblem } from './fixture-problem.ts';

const FILE = 'patients.json';

export function patientProblems(patients: readonly Patient[], index: FixtureIndex): FixtureProblem[] {
  const duplicates = duplicateProblems(patients, {
    file: FILE,
    array: ['patients'],
    property: 'ins',
    keyOf: (patient) => patient.ins,
    label: 'matricule INS',
    fix: 'un matricule INS identifie un seul patient : supprimez le doublon ou changez le matricule',
  });
  const others = patients.flatMap((patient, position) => {
    const key = insKeyProblem(patient.ins, position);
    return [...(key ? [key] : []), ...pharmacyProblems(patient, position, index), ...documentProblems(patient, position)];
  });
  return [...duplicates, ...others];
}

function insKeyProblem(ins: string, position: number): FixtureProblem | undefined {
  const check = checkInsNumber(ins);
  if (check.valid || check.problem !== 'key') return undefined; // length and characters: the schema's
  const expected = insKey(ins.slice(0, 13));
  return fixtureProblem(
    FILE,
    jsonPointer('patients', position, 'ins'),
    `matricule INS ${quoted(ins)} : clé ${ins.slice(13)} incorrecte, la clé attendue est ${expected}`,
    `remplacez les deux derniers chiffres par ${expected} (clé = 97 − (N mod 97), 2A valant 19 et 2B valant 18), soit ${quoted(ins.slice(0, 13) + expected)}`,
  );
}

function pharmacyProblems(patient: Patient, position: number, index: FixtureIndex): FixtureProblem[] {
  return patient.frequentedPharmacyIds.flatMap((organisationId, pharmacyPosition) => {
    const path = jsonPointer('patients', position, 'frequentedPharmacyIds', pharmacyPosition);
    const organisation = index.organisation(organisationId);
    if (!organisation) {
      return [fixtureProblem(FILE, path, `organisation ${quoted(organisationId)} introuvable dans organisations.json`, "ajoutez cette officine à organisations.json ou corrigez l'identifiant")];
    }
    if (organisation.kind === 'pharmacy') return [];
    return [
      fixtureProblem(
        FILE,
        path,
        `${quoted(organisation.name)} n'est pas une officine (kind ${quoted(organisation.kind)})`,
        'ne listez ici que des organisations de kind « pharmacy » : un patient ne peut écrire le premier qu\'à une officine fréquentée',
      ),
    ];
  });
}

function documentProblems(patient: Patient, position: number): FixtureProblem[] {
  return duplicateProblems(patient.documents ?? [], {
    file: FILE,
    array: ['patients', position, 'documents'],
    property: 'id',
    keyOf: (document) => document.id,
    label: 'identifiant de document',
    fix: 'un identifiant désigne un seul document du patient : changez l\'un des deux',
  });
}
