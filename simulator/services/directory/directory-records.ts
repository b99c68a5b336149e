// The records the FHIR API serves, one per resource: a Practitioner per practitioner with an
// idNat (people outside RPPS/ADELI are not in the Annuaire Santé, REG-ANN-07), an
// Organization per organisation, a PractitionerRole per (practitioner, organisation) pair.
// Each record carries its published mailboxes (published-mailbox.ts) and the links the
// `_include` / `_revinclude` parameters follow.
import type { Mailbox, Organisation, Practitioner } from '../../domain/model.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import { publishedMailboxes } from './published-mailbox.ts';

export interface PractitionerRecord {
  readonly id: string;
  readonly practitioner: Practitioner & { readonly idNat: string };
  readonly mailboxes: readonly Mailbox[];
  /** Positions of this practitioner's PractitionerRoles. */
  readonly roles: number[];
}

export interface RoleRecord {
  readonly id: string;
  readonly practitioner: Practitioner & { readonly idNat: string };
  readonly organisation: Organisation;
  readonly practitionerAt: number;
  readonly organisationAt: number;
  readonly mailboxes: readonly Mailbox[];
}

export interface OrganisationRecord {
  readonly id: string;
  readonly organisation: Organisation;
  readonly mailboxes: readonly Mailbox[];
  /** Positions of the PractitionerRoles pointing at this organisation. */
  readonly roles: number[];
}

export interface DirectoryRecords {
  readonly practitioners: readonly PractitionerRecord[];
  readonly roles: readonly RoleRecord[];
  readonly organisations: readonly OrganisationRecord[];
}

export function buildDirectoryRecords(view: TrustSpaceView): DirectoryRecords {
  const onPractitioner = new Map<string, Mailbox[]>();
  const onRole = new Map<string, Mailbox[]>();
  const onOrganisation = new Map<string, Mailbox[]>();
  for (const { mailbox, carrier } of publishedMailboxes(view)) {
    if (carrier.kind === 'organisation') push(onOrganisation, carrier.organisation.id, mailbox);
    else if (carrier.kind === 'practitioner') push(onPractitioner, carrier.practitioner.idNat ?? '', mailbox);
    else push(onRole, roleKey(carrier.practitioner.idNat ?? '', carrier.organisation.id), mailbox);
  }
  const organisations: OrganisationRecord[] = [];
  const organisationAt = new Map<string, number>();
  for (const organisation of view.data.organisations) {
    if (organisationAt.has(organisation.id)) continue; // duplicates: the first wins, like the view
    organisationAt.set(organisation.id, organisations.length);
    organisations.push({ id: organisation.id, organisation, mailboxes: onOrganisation.get(organisation.id) ?? [], roles: [] });
  }
  const practitioners: PractitionerRecord[] = [];
  const roles: RoleRecord[] = [];
  const seen = new Set<string>();
  for (const practitioner of view.data.practitioners) {
    const { idNat } = practitioner;
    if (idNat === undefined || seen.has(idNat)) continue;
    seen.add(idNat);
    const withId = practitioner as Practitioner & { readonly idNat: string }; // same object: lastUpdated compares identities
    const record: PractitionerRecord = { id: idNat, practitioner: withId, mailboxes: onPractitioner.get(idNat) ?? [], roles: [] };
    practitioners.push(record);
    practitioner.organisationIds.forEach((organisationId, n) => {
      const at = organisationAt.get(organisationId);
      const organisationRecord = at === undefined ? undefined : organisations[at];
      if (at === undefined || !organisationRecord || record.roles.some((r) => roles[r]?.organisationAt === at)) return;
      record.roles.push(roles.length);
      organisationRecord.roles.push(roles.length);
      const mailboxes = onRole.get(roleKey(idNat, organisationId)) ?? [];
      roles.push({ id: `${idNat}-${n + 1}`, practitioner: withId, organisation: organisationRecord.organisation, practitionerAt: practitioners.length - 1, organisationAt: at, mailboxes });
    });
  }
  return { practitioners, roles, organisations };
}

function roleKey(idNat: string, organisationId: string): string {
  return `${idNat} ${organisationId}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
