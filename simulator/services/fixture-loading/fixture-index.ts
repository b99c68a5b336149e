// Look-ups over assembled fixture data, for the cross-file checks. First occurrence wins (duplicates
// are reported separately). Addresses and domains are compared case-insensitively (REG-ADR-05).
import { addressKey, domainKey } from '../../domain/address-key.ts';
import type { Mailbox, Operator, OperatorDomain, Organisation, Patient, Practitioner, TrustSpaceData } from '../../domain/model.ts';

export interface FixtureIndex {
  organisation(id: string): Organisation | undefined;
  practitioner(idNat: string): Practitioner | undefined;
  mailbox(address: string): Mailbox | undefined;
  patient(ins: string): Patient | undefined;
  /** The operator hosting a domain, and the domain entry, if any. */
  operatedDomain(name: string): { operator: Operator; domain: OperatorDomain } | undefined;
}

export function indexFixtures(data: TrustSpaceData): FixtureIndex {
  const organisations = firstBy(data.organisations, (o) => o.id);
  const practitioners = firstBy(
    data.practitioners.filter((p) => p.idNat !== undefined),
    (p) => p.idNat as string,
  );
  const mailboxes = firstBy(data.mailboxes, (m) => addressKey(m.address));
  const patients = firstBy(data.patients, (p) => p.ins);
  const domains = firstBy(
    data.operators.flatMap((operator) => operator.domains.map((domain) => ({ operator, domain }))),
    (entry) => domainKey(entry.domain.name),
  );
  return {
    organisation: (id) => organisations.get(id),
    practitioner: (idNat) => practitioners.get(idNat),
    mailbox: (address) => mailboxes.get(addressKey(address)),
    patient: (ins) => patients.get(ins),
    operatedDomain: (name) => domains.get(domainKey(name)),
  };
}

function firstBy<T>(items: readonly T[], keyOf: (item: T) => string): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (!map.has(key)) map.set(key, item);
  }
  return map;
}
