// Builds the read-only TrustSpaceView over loaded data, with Map indexes so that every lookup
// is O(1): planRecipient runs on every RCPT of benchmarks at thousands of messages a second.
// Duplicates (which fixture validation reports) resolve to the first occurrence.
import { addressKey, domainKey } from './address-key.ts';
import type { Mailbox, TrustSpaceData } from './model.ts';
import type { TrustSpaceView } from './trust-space-view.ts';
import { buildWhitelist, whitelistedDomains } from './whitelist.ts';

export interface TrustSpaceViewOptions {
  /** `DateMAJ` of every whitelist entry (REG-LB-01); default `1970-01-01T00:00:00Z`. */
  readonly whitelistUpdatedAt?: string;
}

const DEFAULT_UPDATED_AT = '1970-01-01T00:00:00Z';
const NONE: readonly Mailbox[] = Object.freeze([]);

export function createTrustSpaceView(data: TrustSpaceData, options: TrustSpaceViewOptions = {}): TrustSpaceView {
  const whitelist = buildWhitelist(data.operators, options.whitelistUpdatedAt ?? DEFAULT_UPDATED_AT);
  const trusted = new Set(whitelistedDomains(whitelist));
  const simulated = new Set(data.operators.flatMap((operator) => operator.domains.map((domain) => domainKey(domain.name))));
  const mailboxes = indexBy(data.mailboxes, (mailbox) => addressKey(mailbox.address));
  const patients = indexBy(data.patients, (patient) => patient.ins.toUpperCase());
  const practitioners = indexBy(data.practitioners, (practitioner) => practitioner.idNat);
  const organisations = indexBy(data.organisations, (organisation) => organisation.id);
  const byOrganisation = groupBy(data.mailboxes, (m) => (m.owner.kind === 'organisation' ? m.owner.organisationId : undefined));
  const byPractitioner = groupBy(data.mailboxes, (m) => (m.owner.kind === 'practitioner' ? m.owner.idNat : undefined));
  return {
    data,
    whitelist,
    isWhitelisted: (domain) => trusted.has(domainKey(domain)),
    isSimulatedDomain: (domain) => simulated.has(domainKey(domain)),
    mailbox: (address) => mailboxes.get(addressKey(address)),
    patient: (ins) => patients.get(ins.toUpperCase()),
    practitioner: (idNat) => practitioners.get(idNat),
    organisation: (id) => organisations.get(id),
    mailboxesOfOrganisation: (id) => byOrganisation.get(id) ?? NONE,
    mailboxesOfPractitioner: (idNat) => byPractitioner.get(idNat) ?? NONE,
  };
}

function indexBy<T>(items: readonly T[], key: (item: T) => string | undefined): ReadonlyMap<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined && !index.has(k)) index.set(k, item);
  }
  return index;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
