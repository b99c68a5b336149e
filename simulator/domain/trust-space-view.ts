// Read access to the current trust space, as the rules and adapters need it. Built from the
// loaded fixtures (and rebuilt when the control API changes them): see createTrustSpaceView.
import type { Mailbox, Organisation, Patient, Practitioner, TrustSpaceData, WhitelistEntry } from './model.ts';

export interface TrustSpaceView {
  readonly data: TrustSpaceData;
  /** Liste blanche entries, one per (domain, operator server certificate), REG-LB-01. */
  readonly whitelist: readonly WhitelistEntry[];
  /** Domain listed in the liste blanche (case-insensitive), REG-LB-01. */
  isWhitelisted(domain: string): boolean;
  /** Domain hosted by one of the simulated operators (whitelisted or not). */
  isSimulatedDomain(domain: string): boolean;
  /** Mailbox by address (case-insensitive domain and local part). */
  mailbox(address: string): Mailbox | undefined;
  patient(ins: string): Patient | undefined;
  practitioner(idNat: string): Practitioner | undefined;
  organisation(id: string): Organisation | undefined;
  mailboxesOfOrganisation(organisationId: string): readonly Mailbox[];
  mailboxesOfPractitioner(idNat: string): readonly Mailbox[];
}
