// The search parameters the simulated Annuaire Santé accepts, per resource type: the subset of
// the real API v2 list (REG-ANN-02) that the trust-space data can answer, plus the
// MSSanté-specific `mailbox-mss` and `mailbox-mss-type`. The CapabilityStatement is generated
// from this table, so what is advertised is what is served.
import type { ResourceType } from './fhir-vocabulary.ts';

export type ParameterKind = 'string' | 'token' | 'date' | 'reference';

export interface ParameterDefinition {
  readonly kind: ParameterKind;
  /** French, published in the CapabilityStatement. */
  readonly documentation: string;
}

const common = {
  _id: { kind: 'token', documentation: 'Identifiant technique de la ressource.' },
  _lastUpdated: { kind: 'date', documentation: 'Date de dernière mise à jour (préfixes eq, gt, ge, lt, le).' },
  active: { kind: 'token', documentation: 'Ressource active (true/false).' },
  'mailbox-mss': { kind: 'string', documentation: 'Adresse de BAL MSSanté publiée (début par défaut, :contains, :exact).' },
  'mailbox-mss-type': { kind: 'token', documentation: 'Type de BAL MSSanté : PER, ORG, APP ou CAB (TRE_R257-TypeBAL).' },
} as const satisfies Record<string, ParameterDefinition>;

export const SEARCH_PARAMETERS: Readonly<Record<ResourceType, Readonly<Record<string, ParameterDefinition>>>> = {
  Practitioner: {
    ...common,
    identifier: { kind: 'token', documentation: 'idNat_PS (8 + RPPS, 0 + ADELI), ou RPPS / ADELI avec leur système.' },
    name: { kind: 'string', documentation: "Nom ou prénom d'exercice (début, :contains, :exact)." },
    family: { kind: 'string', documentation: "Nom d'exercice." },
    given: { kind: 'string', documentation: "Prénom d'exercice." },
  },
  PractitionerRole: {
    ...common,
    practitioner: { kind: 'reference', documentation: 'Professionnel (Practitioner/<id> ou <id>).' },
    organization: { kind: 'reference', documentation: 'Structure (Organization/<id> ou <id>).' },
    role: { kind: 'token', documentation: 'Profession (TRE_G15-ProfessionSante).' },
  },
  Organization: {
    ...common,
    identifier: { kind: 'token', documentation: 'FINESS (avec ou sans système https://finess.esante.gouv.fr), SIRET, ou idNat_Struct.' },
    name: { kind: 'string', documentation: 'Raison sociale.' },
    'address-city': { kind: 'string', documentation: 'Commune.' },
    'address-postalcode': { kind: 'string', documentation: 'Code postal (début, :exact).' },
    type: { kind: 'token', documentation: "Secteur d'activité TRE_R02 (système|code), ex. SA33 pour une officine." },
  },
};

/** Parameters that shape the result rather than filter it (FHIR R4 search §3.1.1.5). */
export const RESULT_PARAMETERS = ['_count', '_getpagesoffset', '_include', '_revinclude', '_total', '_elements', '_summary', '_format', '_pretty'] as const;

/** Modifiers accepted per parameter kind. */
export const MODIFIERS: Readonly<Record<ParameterKind, readonly string[]>> = {
  string: ['contains', 'exact'],
  token: [],
  date: [],
  reference: [],
};

/** `_include` targets per searched type; `_revinclude` the same way (REG-ANN-02). */
export const INCLUDES: Readonly<Record<ResourceType, readonly string[]>> = {
  Practitioner: [],
  PractitionerRole: ['PractitionerRole:practitioner', 'PractitionerRole:organization'],
  Organization: [],
};

export const REVINCLUDES: Readonly<Record<ResourceType, readonly string[]>> = {
  Practitioner: ['PractitionerRole:practitioner'],
  PractitionerRole: [],
  Organization: ['PractitionerRole:organization'],
};

export const DEFAULT_COUNT = 50;
/** Largest page; a larger `_count` is refused with an OperationOutcome (decision: no silent clamp). */
export const MAX_COUNT = 1000;
/** Longest parameter value, in characters: a 10 KB value is refused, not searched. */
export const MAX_VALUE_LENGTH = 256;
/** Most parameters in one search, OR-ed values included. */
export const MAX_PARAMETERS = 50;
/** Most resources added by `_include` / `_revinclude` to one page. */
export const MAX_INCLUDED = 1000;
