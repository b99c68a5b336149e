// The family of a requirement, for the report's filter: the referential it comes from (SC.MSS
// configuration or ergonomics, Ségur wave 1, Mon espace santé, pharmacy uses…), read from the
// stable prefix of its ID. Pure.

export interface RequirementFamily {
  readonly code: string;
  /** French. */
  readonly label: string;
}

const FAMILIES: readonly { readonly prefix: string; readonly family: RequirementFamily }[] = [
  { prefix: 'SC.MSS/CONF', family: { code: 'sc-mss-conf', label: 'Ségur vague 2 — connexion et format (SC.MSS/CONF)' } },
  { prefix: 'SC.MSS/UX', family: { code: 'sc-mss-ux', label: 'Ségur vague 2 — ergonomie (SC.MSS/UX)' } },
  { prefix: 'MSS/va1', family: { code: 'mss-va1', label: 'Ségur vague 1 (MSS/va1)' } },
  { prefix: 'MSS-', family: { code: 'mss-operateur', label: "Opérateur MSSanté (liste blanche, refus)" } },
  { prefix: 'MES-', family: { code: 'mes', label: 'Mon espace santé (messagerie patient)' } },
  { prefix: 'OFF-', family: { code: 'off', label: 'Usages officinaux' } },
];

const OTHER: RequirementFamily = { code: 'autre', label: 'Autres exigences' };

export function familyOf(id: string): RequirementFamily {
  return FAMILIES.find((f) => id.startsWith(f.prefix))?.family ?? OTHER;
}

/** The families of these requirement IDs, in the table's order, once each. */
export function familiesOf(ids: readonly string[]): RequirementFamily[] {
  const seen = new Map<string, RequirementFamily>();
  for (const id of ids) {
    const family = familyOf(id);
    seen.set(family.code, family);
  }
  return [...seen.values()];
}
