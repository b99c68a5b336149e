// The columns of the sequence diagram: one lane per kind of participant (patients, pharmacies,
// médecins, infirmiers, hôpital, CPTS, laboratoires, autres, hors espace), each domain of the
// trust space put in the lane of the participants it mostly holds; domains outside the whitelist
// and unknown addresses go to « hors espace ». Pure.
import { domainKey } from '../../../domain/address-key.ts';
import type { IconName } from '../design/icon-shapes.ts';
import type { TrustSpaceSnapshot } from './types.ts';

export type LaneKind = 'patients' | 'pharmacies' | 'doctors' | 'nurses' | 'hospital' | 'cpts' | 'laboratories' | 'others' | 'outside';

export interface Lane {
  readonly key: LaneKind;
  readonly label: string;
  readonly icon: IconName;
  /** The domains it holds, for a tooltip and screen readers. */
  readonly title: string;
  readonly whitelisted: boolean;
}

const KINDS: readonly { key: LaneKind; label: string; icon: IconName }[] = [
  { key: 'patients', label: 'Patients', icon: 'patient' },
  { key: 'pharmacies', label: 'Pharmacies', icon: 'pharmacy' },
  { key: 'doctors', label: 'Médecins', icon: 'doctor' },
  { key: 'nurses', label: 'Infirmiers', icon: 'nurse' },
  { key: 'hospital', label: 'Hôpital', icon: 'hospital' },
  { key: 'cpts', label: 'CPTS', icon: 'cpts' },
  { key: 'laboratories', label: 'Laboratoires', icon: 'laboratory' },
  { key: 'others', label: 'Autres', icon: 'operator' },
  { key: 'outside', label: 'Hors espace', icon: 'outside' },
];

const ORGANISATION_KINDS: Readonly<Record<string, LaneKind>> = { pharmacy: 'pharmacies', hospital: 'hospital', cpts: 'cpts', practice: 'doctors', laboratory: 'laboratories' };

type Snapshot = Pick<TrustSpaceSnapshot, 'operators' | 'organisations' | 'practitioners' | 'mailboxes' | 'patients'>;

export class Lanes {
  readonly all: readonly Lane[];
  readonly #index = new Map<string, number>();

  constructor(space: Snapshot = { operators: [], organisations: [], practitioners: [], mailboxes: [], patients: [] }) {
    const kindOfDomain = new Map<string, LaneKind>();
    const patientDomains = new Set(space.patients.map((p) => domainOf(p.address)));
    const votes = new Map<string, Map<LaneKind, number>>();
    for (const mailbox of space.mailboxes) {
      const domain = domainOf(mailbox.address);
      const kind = mailboxKind(space, mailbox.owner);
      const tally = votes.get(domain) ?? new Map<LaneKind, number>();
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
      votes.set(domain, tally);
    }
    const domainsOf = new Map<LaneKind, string[]>();
    for (const operator of space.operators) {
      for (const domain of operator.domains) {
        const key = domainKey(domain.name);
        const kind: LaneKind = !domain.whitelisted ? 'outside' : patientDomains.has(key) ? 'patients' : majority(votes.get(key));
        kindOfDomain.set(key, kind);
        domainsOf.set(kind, [...(domainsOf.get(kind) ?? []), domain.name]);
      }
    }
    const lanes = KINDS.filter((k) => k.key === 'outside' || domainsOf.has(k.key)).map((k): Lane => {
      const domains = domainsOf.get(k.key) ?? [];
      const title = k.key === 'outside' ? `Hors de l'espace de confiance${domains.length ? ` (dont ${domains.join(', ')}, hors liste blanche)` : ''}` : `${k.label} : ${domains.join(', ')}`;
      return { key: k.key, label: k.label, icon: k.icon, title, whitelisted: k.key !== 'outside' };
    });
    this.all = lanes;
    const position = new Map(lanes.map((lane, i) => [lane.key, i]));
    for (const [domain, kind] of kindOfDomain) this.#index.set(domain, position.get(kind) ?? lanes.length - 1);
  }

  /** Lane of an address (empty sender `<>`, unknown domain: the outside lane). */
  of(address: string): number {
    return this.#index.get(domainOf(address)) ?? this.all.length - 1;
  }
}

function domainOf(address: string): string {
  return domainKey(address.slice(address.lastIndexOf('@') + 1));
}

function mailboxKind(space: Snapshot, owner: Snapshot['mailboxes'][number]['owner']): LaneKind {
  if (owner.kind === 'organisation') {
    const kind = space.organisations.find((o) => o.id === owner.organisationId)?.kind ?? '';
    return ORGANISATION_KINDS[kind] ?? 'others';
  }
  const profession = space.practitioners.find((p) => p.idNat === owner.idNat)?.professionLabel ?? '';
  if (/pharmacien/i.test(profession)) return 'pharmacies';
  if (/médecin|medecin/i.test(profession)) return 'doctors';
  if (/infirmi/i.test(profession)) return 'nurses';
  return 'others';
}

/** The kind most mailboxes of a domain belong to; ties go to the first in lane order. */
function majority(tally: Map<LaneKind, number> | undefined): LaneKind {
  let best: LaneKind = 'others';
  let count = 0;
  for (const { key } of KINDS) {
    const n = tally?.get(key) ?? 0;
    if (n > count) [best, count] = [key, n];
  }
  return best;
}
