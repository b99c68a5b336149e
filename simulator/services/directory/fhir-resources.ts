// The FHIR R4 resources of the simulated Annuaire Santé, from the directory records
// (REG-ANN-01, REG-ANN-07): identifiers with their systems (idNat_PS, RPPS/ADELI, idNat_Struct, FINESS,
// SIRET), names, profession, secteur d'activité, address, and the published mailboxes as
// telecom. Serialised once per record and view (resourceFragments); the objects themselves are
// built only where a request needs them (`_elements`, `_pretty`).
import type { Organisation, Practitioner } from '../../domain/model.ts';
import type { DirectoryIndex } from './directory-index.ts';
import type { FragmentTable } from './resource-fragments.ts';
import { CIVIL_CATEGORY, SYSTEM, type ResourceType } from './fhir-vocabulary.ts';
import { mailboxTelecoms } from './mailbox-telecom.ts';

export type FhirResource = Readonly<Record<string, unknown>> & { readonly resourceType: ResourceType; readonly id: string };

/** The resource of a record, built anew at each call. */
export function resourceAt(index: DirectoryIndex, type: ResourceType, position: number): FhirResource {
  return buildResource(index, type, position);
}

/** The JSON of every resource of `type` (JSON.stringify of resourceAt), made once per view. */
export function resourceFragments(index: DirectoryIndex, type: ResourceType): FragmentTable {
  return index.fragments(type, (position) => JSON.stringify(buildResource(index, type, position)));
}

function buildResource(index: DirectoryIndex, type: ResourceType, position: number): FhirResource {
  const meta = { lastUpdated: index.tables[type].lastUpdated[position] ?? '' };
  if (type === 'Practitioner') {
    const record = index.records.practitioners[position];
    if (!record) throw new RangeError(`no Practitioner at ${position}`);
    const { practitioner } = record;
    return withTelecom({ resourceType: type, id: record.id, meta, identifier: practitionerIdentifiers(practitioner.idNat), active: true, name: [humanName(practitioner)], qualification: [{ code: professionCode(practitioner) }] }, record.mailboxes);
  }
  if (type === 'PractitionerRole') {
    const record = index.records.roles[position];
    if (!record) throw new RangeError(`no PractitionerRole at ${position}`);
    const { practitioner, organisation } = record;
    const links = {
      practitioner: { reference: `Practitioner/${practitioner.idNat}`, display: `${practitioner.firstName} ${practitioner.lastName}` },
      organization: { reference: `Organization/${organisation.id}`, display: organisation.name },
    };
    return withTelecom({ resourceType: type, id: record.id, meta, active: true, ...links, code: [professionCode(practitioner)] }, record.mailboxes);
  }
  const record = index.records.organisations[position];
  if (!record) throw new RangeError(`no Organization at ${position}`);
  const { organisation } = record;
  const identifier = organisationIdentifiers(organisation);
  const sector = { coding: [{ system: SYSTEM.activitySector, code: organisation.activitySector }] };
  const address = [{ use: 'work', type: 'both', line: [organisation.address.line], city: organisation.address.city, postalCode: organisation.address.postalCode }];
  return withTelecom({ resourceType: type, id: record.id, meta, ...(identifier.length > 0 && { identifier }), active: true, type: [sector], name: organisation.name, address }, record.mailboxes);
}

function withTelecom(resource: Record<string, unknown> & FhirResource, mailboxes: Parameters<typeof mailboxTelecoms>[0]): FhirResource {
  if (mailboxes.length > 0) resource['telecom'] = mailboxTelecoms(mailboxes);
  return resource;
}

/** Constant parts are shared between resources (read-only): less to allocate for 100,000 of them. */
const IDENTIFIER_TYPES = new Map<string, unknown>();
const PROFESSION_CODES = new Map<string, unknown>();

function identifierType(code: string) {
  let type = IDENTIFIER_TYPES.get(code);
  if (!type) IDENTIFIER_TYPES.set(code, (type = Object.freeze({ coding: Object.freeze([Object.freeze({ system: SYSTEM.identifierType, code })]) })));
  return type;
}

/** idNat_PS first (official), then the RPPS or ADELI number with its own system (REG-ANN-07). */
function practitionerIdentifiers(idNat: string) {
  const rpps = idNat.startsWith('8');
  return [
    { use: 'official', type: identifierType('IDNPS'), system: SYSTEM.idNatPs, value: idNat },
    { type: identifierType(rpps ? 'RPPS' : 'ADELI'), system: rpps ? SYSTEM.rpps : SYSTEM.adeli, value: idNat.slice(1) },
  ];
}

/** idNat_Struct = TRE_G07 prefix + number: `1` + FINESS, else `3` + SIRET (decision, REG-ANN-07); then the numbers. */
function organisationIdentifiers(organisation: Organisation) {
  const identifiers: Record<string, unknown>[] = [];
  const idNat = structureIdNat(organisation);
  if (idNat !== undefined) identifiers.push({ use: 'official', type: identifierType('IDNST'), system: SYSTEM.idNatStruct, value: idNat.value });
  if (organisation.finess !== undefined) identifiers.push({ type: identifierType('FINEG'), system: SYSTEM.finess, value: organisation.finess });
  if (organisation.siret !== undefined) identifiers.push({ type: identifierType('SIRET'), system: SYSTEM.siret, value: organisation.siret });
  return identifiers;
}

/** idNat_Struct of an organisation (same rule as its identifier), for the extraction file too. */
export function structureIdNat(organisation: Organisation): { readonly typeCode: string; readonly value: string } | undefined {
  if (organisation.finess !== undefined) return { typeCode: '1', value: `1${organisation.finess}` };
  if (organisation.siret !== undefined) return { typeCode: '3', value: `3${organisation.siret}` };
  return undefined;
}

function humanName(practitioner: Practitioner) {
  const name = { use: 'usual', family: practitioner.lastName, given: [practitioner.firstName] };
  return practitioner.civility === '' ? name : { ...name, prefix: [practitioner.civility] };
}

function professionCode(practitioner: Practitioner) {
  const key = `${practitioner.professionCode}|${practitioner.professionLabel}`;
  let code = PROFESSION_CODES.get(key);
  if (!code) {
    const coding = [
      { system: SYSTEM.profession, code: practitioner.professionCode, display: practitioner.professionLabel },
      { system: SYSTEM.professionCategory, code: CIVIL_CATEGORY.code, display: CIVIL_CATEGORY.label },
    ];
    PROFESSION_CODES.set(key, (code = Object.freeze({ coding: Object.freeze(coding.map((c) => Object.freeze(c))) })));
  }
  return code;
}
