// Cross-checks of personas.json: unique ids; every reference resolves (mailbox, idNat,
// organisation, INS) and a professional persona writes from a mailbox of its own person or
// organisation. Address personas are free: they may be invalid on purpose.
import type { Mailbox, Persona } from '../../domain/model.ts';
import { duplicateProblems } from './duplicate-problems.ts';
import type { FixtureIndex } from './fixture-index.ts';
import { fixtureProblem, jsonPointer, quoted, type FixtureProblem } from './fixture-problem.ts';

const FILE = 'personas.json';

type ProfessionalPersona = Extract<Persona, { kind: 'professional' }>;

export function personaProblems(personas: readonly Persona[], index: FixtureIndex): FixtureProblem[] {
  const duplicates = duplicateProblems(personas, {
    file: FILE,
    array: ['personas'],
    property: 'id',
    keyOf: (persona) => persona.id,
    label: 'identifiant de persona',
    fix: 'donnez à chaque persona un identifiant unique',
  });
  const references = personas.flatMap((persona, position): FixtureProblem[] => {
    if (persona.kind === 'professional') return professionalProblems(persona, position, index);
    if (persona.kind === 'patient' && !index.patient(persona.ins)) {
      return [missing(jsonPointer('personas', position, 'ins'), `patient de matricule INS ${quoted(persona.ins)} introuvable dans patients.json`)];
    }
    return [];
  });
  return [...duplicates, ...references];
}

function professionalProblems(persona: ProfessionalPersona, position: number, index: FixtureIndex): FixtureProblem[] {
  const at = (property: string) => jsonPointer('personas', position, property);
  const problems: FixtureProblem[] = [];
  const mailbox = index.mailbox(persona.mailbox);
  if (!mailbox) problems.push(missing(at('mailbox'), `boîte aux lettres ${quoted(persona.mailbox)} introuvable dans mailboxes.json`));
  if (persona.idNat !== undefined && !index.practitioner(persona.idNat)) {
    problems.push(missing(at('idNat'), `aucun professionnel d'idNat ${quoted(persona.idNat)} dans practitioners.json`));
  }
  if (persona.organisationId !== undefined && !index.organisation(persona.organisationId)) {
    problems.push(missing(at('organisationId'), `organisation ${quoted(persona.organisationId)} introuvable dans organisations.json`));
  }
  // A dangling reference is reported once: no ownership comparison with an unknown person or organisation.
  const mismatch = mailbox && problems.length === 0 ? ownerMismatch(persona, mailbox) : undefined;
  if (mismatch) problems.push(fixtureProblem(FILE, at('mailbox'), mismatch, 'choisissez une boîte de ce professionnel ou de son organisation, ou corrigez idNat / organisationId'));
  return problems;
}

/** A persona writes from its own nominative box or from its organisation's box. */
function ownerMismatch(persona: ProfessionalPersona, mailbox: Mailbox): string | undefined {
  const { owner } = mailbox;
  if (owner.kind === 'practitioner' && persona.idNat !== undefined && owner.idNat !== persona.idNat) {
    return `la boîte ${quoted(mailbox.address)} appartient à l'idNat ${quoted(owner.idNat)}, pas à celui du persona (${quoted(persona.idNat)})`;
  }
  if (owner.kind === 'organisation' && persona.organisationId !== undefined && owner.organisationId !== persona.organisationId) {
    return `la boîte ${quoted(mailbox.address)} appartient à l'organisation ${quoted(owner.organisationId)}, pas à celle du persona (${quoted(persona.organisationId)})`;
  }
  return undefined;
}

function missing(path: string, message: string): FixtureProblem {
  return fixtureProblem(FILE, path, message, 'ajoutez l\'élément référencé dans son fichier ou corrigez la référence');
}
