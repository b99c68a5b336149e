// May a patient start a conversation with an address nobody is in conversation with yet?
// REG-MES-03 (b), REG-FIN-03: only the organisational (ORG) mailbox of a pharmacy the patient has
// frequented; never a nominative (PER/CAB) mailbox, an applicative (APP) one, or any other
// organisation's. Re-engagement after a `[FIN]` closure goes through this same rule.
import type { Mailbox, Organisation, Patient } from './model.ts';
import { patientRefusal, type PatientRefusal } from './patient-refusals.ts';
import type { TrustSpaceView } from './trust-space-view.ts';

export type NewConversationVerdict = { readonly allowed: true } | { readonly allowed: false; readonly refusal: PatientRefusal };

/** `address` is normalised, whitelisted, and not a patient's: the caller has checked that. */
export function newConversationVerdict(patient: Patient, address: string, view: TrustSpaceView): NewConversationVerdict {
  const mailbox = view.mailbox(address);
  if (!mailbox) return refuse('unknown-mailbox', { address });
  if (mailbox.type === 'PER' || mailbox.type === 'CAB') {
    return refuse('nominative-mailbox-not-in-contact', { name: mailbox.displayName, address });
  }
  const pharmacy = pharmacyOf(mailbox, view);
  if (!pharmacy) return refuse('not-a-pharmacy-organisational-mailbox', { name: mailbox.displayName, address });
  if (!patient.frequentedPharmacyIds.includes(pharmacy.id)) {
    return refuse('pharmacy-not-frequented', { name: pharmacy.name, address });
  }
  return { allowed: true };
}

/** The pharmacy whose organisational (ORG) mailbox this is, if it is one. */
export function pharmacyOf(mailbox: Mailbox, view: TrustSpaceView): Organisation | undefined {
  if (mailbox.type !== 'ORG' || mailbox.owner.kind !== 'organisation') return undefined;
  const organisation = view.organisation(mailbox.owner.organisationId);
  return organisation?.kind === 'pharmacy' ? organisation : undefined;
}

/** ORG mailboxes of the pharmacies the patient frequented, in fixture order. */
export function frequentedPharmacyMailboxes(patient: Patient, view: TrustSpaceView): Mailbox[] {
  return patient.frequentedPharmacyIds.flatMap((id) => {
    if (view.organisation(id)?.kind !== 'pharmacy') return [];
    return view.mailboxesOfOrganisation(id).filter((mailbox) => mailbox.type === 'ORG');
  });
}

function refuse(code: PatientRefusal['code'], context: { name?: string; address: string }): NewConversationVerdict {
  return { allowed: false, refusal: patientRefusal(code, context) };
}
