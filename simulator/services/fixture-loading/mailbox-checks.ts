// Cross-checks of mailboxes.json (REG-ANN-04, REG-ANN-11): unique addresses; domain hosted by a
// simulated operator and not the patient domain; owner found and of the right kind for the type
// (PER/CAB: a practitioner, ORG/APP: an organisation); PER/CAB only for entitled professions.
import { PATIENT_DOMAIN, type Mailbox } from '../../domain/model.ts';
import { domainOf } from '../../domain/mss-address.ts';
import { isEntitledToNominativeMailbox } from '../../domain/professions.ts';
import { duplicateProblems } from './duplicate-problems.ts';
import type { FixtureIndex } from './fixture-index.ts';
import { fixtureProblem, jsonPointer, quoted, type FixtureProblem } from './fixture-problem.ts';

const FILE = 'mailboxes.json';

export function mailboxProblems(mailboxes: readonly Mailbox[], index: FixtureIndex): FixtureProblem[] {
  const duplicates = duplicateProblems(mailboxes, {
    file: FILE,
    array: ['mailboxes'],
    property: 'address',
    keyOf: (mailbox) => mailbox.address,
    label: 'adresse',
    fix: "chaque boîte aux lettres a une adresse unique : supprimez le doublon ou changez l'adresse",
  });
  const others = mailboxes.flatMap((mailbox, position) => {
    const domain = domainProblem(mailbox, position, index);
    return [...(domain ? [domain] : []), ...ownerProblems(mailbox, position, index)];
  });
  return [...duplicates, ...others];
}

function domainProblem(mailbox: Mailbox, position: number, index: FixtureIndex): FixtureProblem | undefined {
  const domain = domainOf(mailbox.address); // lower case already (schema)
  const path = jsonPointer('mailboxes', position, 'address');
  if (domain === PATIENT_DOMAIN) {
    return fixtureProblem(
      FILE,
      path,
      `les adresses ${PATIENT_DOMAIN} ne se déclarent pas ici`,
      'décrivez le patient dans patients.json : son adresse découle de son matricule INS',
    );
  }
  if (index.operatedDomain(domain)) return undefined;
  return fixtureProblem(
    FILE,
    path,
    `le domaine ${quoted(domain)} n'est hébergé par aucun opérateur de operators.json`,
    "ajoutez ce domaine aux domains d'un opérateur (whitelisted: false s'il est hors liste blanche) ou corrigez l'adresse",
  );
}

function ownerProblems(mailbox: Mailbox, position: number, index: FixtureIndex): FixtureProblem[] {
  const path = jsonPointer('mailboxes', position, 'owner');
  const problem = (suffix: string, message: string, fix: string) => [fixtureProblem(FILE, path + suffix, message, fix)];
  const { owner, type } = mailbox;
  const personal = type === 'PER' || type === 'CAB';
  if (personal && owner.kind !== 'practitioner') {
    return problem('', `une boîte ${type} appartient à un professionnel, pas à une organisation`, 'indiquez owner: { "kind": "practitioner", "idNat": … } ou changez le type en ORG ou APP');
  }
  if (!personal && owner.kind !== 'organisation') {
    return problem('', `une boîte ${type} appartient à une organisation, pas à un professionnel`, 'indiquez owner: { "kind": "organisation", "organisationId": … } ou changez le type en PER ou CAB');
  }
  if (owner.kind === 'organisation') {
    if (index.organisation(owner.organisationId)) return [];
    return problem('/organisationId', `organisation ${quoted(owner.organisationId)} introuvable dans organisations.json`, "ajoutez cette organisation à organisations.json ou corrigez l'identifiant");
  }
  const practitioner = index.practitioner(owner.idNat);
  if (!practitioner) {
    return problem('/idNat', `aucun professionnel d'idNat ${quoted(owner.idNat)} dans practitioners.json`, "ajoutez ce professionnel à practitioners.json ou corrigez l'idNat");
  }
  if (isEntitledToNominativeMailbox(practitioner.professionCode)) return []; // REG-ANN-11
  const who = `${practitioner.firstName} ${practitioner.lastName} (${practitioner.professionLabel}, code ${practitioner.professionCode})`;
  return problem(
    '/idNat',
    `${who} n'a pas droit à une boîte nominative ${type} : seules les professions de santé (médecin, pharmacien, infirmier…) y ont droit`,
    'supprimez cette boîte ; la personne écrit depuis la boîte organisationnelle (ORG) de sa structure',
  );
}
