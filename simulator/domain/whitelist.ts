// The liste blanche derived from the simulated operators (REG-LB-01): one `Domaine` entry
// per (whitelisted domain × operator server certificate), the way the real file lists e.g.
// `15-20.mssante.fr` once per smtp-1/smtp-2 certificate. Domains not whitelisted are left out.
import { domainKey } from './address-key.ts';
import type { Operator, WhitelistEntry } from './model.ts';

/** Entries in operator order, then domain order, then server order. */
export function buildWhitelist(operators: readonly Operator[], updatedAt: string): WhitelistEntry[] {
  const entries: WhitelistEntry[] = [];
  for (const operator of operators) {
    for (const domain of operator.domains) {
      if (!domain.whitelisted) continue;
      for (const server of operator.servers) {
        entries.push({
          domain: domain.name,
          description: domain.description,
          operatorId: operator.id,
          certificateDn: server.certificateDn,
          responsibleContact: operator.responsibleContact,
          supportContact: operator.supportContact,
          updatedAt,
        });
      }
    }
  }
  return entries;
}

/** Distinct domains of the entries, lower-cased, in order of first appearance. */
export function whitelistedDomains(entries: readonly WhitelistEntry[]): string[] {
  return [...new Set(entries.map((entry) => domainKey(entry.domain)))];
}
