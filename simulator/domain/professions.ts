// Professions the simulator knows, and whether each may hold a nominative (PER) mailbox.
// REG-ANN-11: PER boxes belong to people with an RPPS (or ADELI) identity; ANS runs
// Mailiz domains for the eight professions below (liste blanche). Codes are TRE_G15 (profession de
// santé); the two upper-case codes are the project's own, for roles outside RPPS/ADELI.
// Decision: the exact eligibility rules (Référentiel #1) are not in our sources; only these eight health professions are entitled.

export interface Profession {
  readonly code: string;
  readonly label: string;
  /** May hold a nominative (PER) MSSanté mailbox. */
  readonly nominativeMailbox: boolean;
}

const PROFESSION_LIST: readonly Profession[] = [
  { code: '10', label: 'Médecin', nominativeMailbox: true },
  { code: '21', label: 'Pharmacien', nominativeMailbox: true },
  { code: '40', label: 'Chirurgien-dentiste', nominativeMailbox: true },
  { code: '50', label: 'Sage-femme', nominativeMailbox: true },
  { code: '60', label: 'Infirmier', nominativeMailbox: true },
  { code: '70', label: 'Masseur-kinésithérapeute', nominativeMailbox: true },
  { code: '80', label: 'Pédicure-podologue', nominativeMailbox: true },
  { code: '91', label: 'Orthophoniste', nominativeMailbox: true },
  // REG-ANN-11 (pharmacists' guide): not entitled to exchange health data, hence no PER mailbox.
  { code: 'TRANSPORTEUR_SANITAIRE', label: 'Transporteur sanitaire (ambulancier)', nominativeMailbox: false },
  // Decision: a medical secretary writes from the service's organisational (ORG) mailbox.
  { code: 'SECRETAIRE_MEDICALE', label: 'Secrétaire médicale', nominativeMailbox: false },
];

export const PROFESSIONS: ReadonlyMap<string, Profession> = new Map(PROFESSION_LIST.map((p) => [p.code, p]));

/** False for unknown codes: a nominative mailbox is never granted by default. */
export function isEntitledToNominativeMailbox(code: string): boolean {
  return PROFESSIONS.get(code)?.nominativeMailbox ?? false;
}

/** French label of a profession code, undefined when the code is unknown. */
export function professionLabel(code: string): string | undefined {
  return PROFESSIONS.get(code)?.label;
}
