// How each criterion of a search selects records (FHIR R4 search §3.1.1.4): string parameters
// through the per-view StringFieldIndex (starts-with by default, `:contains`, `:exact`), token
// and reference parameters by exact value, `_lastUpdated` by date range. A criterion gives
// candidates (positions from an index) and/or a test (a predicate on one position).
import type { Mailbox } from '../../domain/model.ts';
import { dateMatches, parseDateBound, parseReference, parseToken, type Token } from './criterion-values.ts';
import type { DirectoryIndex } from './directory-index.ts';
import { SYSTEM, type ResourceType } from './fhir-vocabulary.ts';
import type { Criterion } from './search-request.ts';

/**
 * How one criterion selects records: `estimate` bounds how many it may match (Infinity when it
 * cannot list them), `candidates` lists exactly the matching records (possibly repeated), `test`
 * checks one record.
 * run-search.ts lets the smallest estimate list and the others test.
 */
export interface CriterionPlan {
  readonly estimate: number;
  readonly candidates: () => readonly number[];
  readonly test: (position: number) => boolean;
}

const UNLISTABLE = (): readonly number[] => {
  throw new Error('this criterion cannot list candidates');
};

export function planCriterion(index: DirectoryIndex, type: ResourceType, criterion: Criterion): CriterionPlan {
  const { name, values } = criterion;
  if (criterion.kind === 'string') return stringPlan(index, type, criterion);
  if (name === '_id') {
    const positions = values.flatMap((id) => at(index.tables[type].byId.get(id)));
    return { estimate: positions.length, candidates: () => positions, test: (p) => positions.includes(p) };
  }
  if (name === '_lastUpdated') {
    const bounds = values.map((value) => parseDateBound(name, value));
    const times = index.tables[type].lastUpdatedMs;
    return { estimate: Infinity, candidates: UNLISTABLE, test: (p) => bounds.some((bound) => dateMatches(bound, times[p] ?? Number.NaN)) };
  }
  if (criterion.kind === 'reference') {
    const roles = values.flatMap((value) => referencedRoles(index, name, parseReference(name, value)));
    return { estimate: roles.length, candidates: () => roles, test: (p) => roles.includes(p) };
  }
  const tokens = values.map(parseToken);
  if (name === 'identifier') return identifierPlan(index, type, tokens);
  if (name === 'active') {
    const active = tokens.some((token) => token.code === 'true'); // every published resource is active
    return { estimate: Infinity, candidates: UNLISTABLE, test: () => active };
  }
  return { estimate: Infinity, candidates: UNLISTABLE, test: tokenTest(index, type, name, tokens) };
}

function stringPlan(index: DirectoryIndex, type: ResourceType, criterion: Criterion): CriterionPlan {
  const field = index.field(type, criterion.name, (p) => stringValues(index, type, criterion.name, p));
  const mode = criterion.modifier ?? 'starts-with';
  const tests = criterion.values.map((value) => field.test(mode, value));
  return {
    estimate: criterion.values.reduce((sum, value) => sum + field.count(mode, value), 0),
    candidates: () => criterion.values.flatMap((value) => field.list(mode, value)),
    test: (p) => tests.some((test) => test(p)),
  };
}

function stringValues(index: DirectoryIndex, type: ResourceType, name: string, position: number): readonly string[] {
  if (name === 'mailbox-mss') return mailboxesAt(index, type, position).map((mailbox) => mailbox.address);
  if (type === 'Practitioner') {
    const practitioner = index.records.practitioners[position]?.practitioner;
    if (!practitioner) return [];
    if (name === 'family') return [practitioner.lastName];
    if (name === 'given') return [practitioner.firstName];
    return [practitioner.lastName, practitioner.firstName]; // name
  }
  const organisation = index.records.organisations[position]?.organisation;
  if (type !== 'Organization' || !organisation) return [];
  if (name === 'address-city') return [organisation.address.city];
  if (name === 'address-postalcode') return [organisation.address.postalCode];
  return [organisation.name];
}

export function mailboxesAt(index: DirectoryIndex, type: ResourceType, position: number): readonly Mailbox[] {
  if (type === 'Practitioner') return index.records.practitioners[position]?.mailboxes ?? [];
  if (type === 'PractitionerRole') return index.records.roles[position]?.mailboxes ?? [];
  return index.records.organisations[position]?.mailboxes ?? [];
}

/** Identifier values with their systems (the same as fhir-resources.ts emits). */
function identifiersAt(index: DirectoryIndex, type: ResourceType, position: number): readonly (readonly [string, string])[] {
  if (type === 'Practitioner') {
    const idNat = index.records.practitioners[position]?.practitioner.idNat ?? '';
    return [[SYSTEM.idNatPs, idNat], [idNat.startsWith('8') ? SYSTEM.rpps : SYSTEM.adeli, idNat.slice(1)]];
  }
  const organisation = index.records.organisations[position]?.organisation;
  const found: [string, string][] = [];
  if (organisation?.finess !== undefined) found.push([SYSTEM.idNatStruct, `1${organisation.finess}`], [SYSTEM.finess, organisation.finess]);
  if (organisation?.siret !== undefined) {
    if (organisation.finess === undefined) found.push([SYSTEM.idNatStruct, `3${organisation.siret}`]);
    found.push([SYSTEM.siret, organisation.siret]);
  }
  return found;
}

function identifierPlan(index: DirectoryIndex, type: ResourceType, tokens: readonly Token[]): CriterionPlan {
  const matches = (p: number) =>
    identifiersAt(index, type, p).some(([system, value]) => tokens.some((t) => (t.code === '' || value === t.code) && (t.system === undefined || system === t.system)));
  if (tokens.some((token) => token.code === '')) return { estimate: Infinity, candidates: UNLISTABLE, test: matches }; // `system|`: any value of that system
  const field = index.field(type, 'identifier', (p) => identifiersAt(index, type, p).map(([, value]) => value));
  return {
    estimate: tokens.reduce((sum, token) => sum + field.count('exact', token.code), 0),
    candidates: () => tokens.flatMap((token) => field.list('exact', token.code)).filter(matches), // the value matched; now the system
    test: matches,
  };
}

function referencedRoles(index: DirectoryIndex, name: string, id: string): readonly number[] {
  if (name === 'practitioner') return at(index.tables.Practitioner.byId.get(id)).flatMap((p) => index.records.practitioners[p]?.roles ?? []);
  return at(index.tables.Organization.byId.get(id)).flatMap((p) => index.records.organisations[p]?.roles ?? []);
}

function tokenTest(index: DirectoryIndex, type: ResourceType, name: string, tokens: readonly Token[]): (position: number) => boolean {
  const accepts = (system: string, code: string) => tokens.some((t) => t.code === code && (t.system === undefined || t.system === system));
  if (name === 'mailbox-mss-type') return (p) => mailboxesAt(index, type, p).some((m) => accepts(SYSTEM.mailboxType, m.type));
  if (name === 'type') return (p) => accepts(SYSTEM.activitySector, index.records.organisations[p]?.organisation.activitySector ?? '');
  if (name === 'role') return (p) => accepts(SYSTEM.profession, index.records.roles[p]?.practitioner.professionCode ?? '');
  throw new Error(`no matcher for token parameter ${name}`);
}

function at(position: number | undefined): number[] {
  return position === undefined ? [] : [position];
}
