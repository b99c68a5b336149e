// Mon espace santé addresses: `<matricule INS>@patient.mssante.fr` (REG-ADR-01), built and read only here.
// The domain is compared case-insensitively; the local part is upper-cased before the INS
// check (decision documented in mss-address.ts, normalizeAddress).
import { addressKey, domainKey } from './address-key.ts';
import { checkInsNumber, type InsProblem } from './ins-number.ts';
import { InvalidInsNumberError } from './invalid-ins-number-error.ts';
import { domainOf, normalizeLocalPart } from './mss-address.ts';
import { AUTO_REPLY_ADDRESS, PATIENT_DOMAIN } from './model.ts';
import { postmasterMailbox } from './postmaster.ts';

export type PatientAddressClass =
  /** `reponse.automatique-test@patient.mssante.fr`, the test auto-reply mailbox (REG-MES-06). */
  | { readonly kind: 'auto-reply' }
  /** A well-formed matricule INS with the right key, upper-cased (`2A`/`2B`). */
  | { readonly kind: 'valid'; readonly ins: string }
  /** Wrong length, a bad character or a wrong key: bounced as « adresse invalide » (REG-ADR-03). */
  | { readonly kind: 'invalid'; readonly problem: InsProblem };

/**
 * Builds the patient address of a matricule INS. The INS must be valid as written (upper-case
 * `2A`/`2B`): a client builds it from a qualified identity (MSS/va1.19), never by guessing.
 */
export function formatPatientAddress(ins: string): string {
  const check = checkInsNumber(ins);
  if (!check.valid) throw new InvalidInsNumberError(ins, check.problem);
  return patientAddressOf(check.ins);
}

/**
 * The address on the patient domain with this local part, as given: the mailbox of a patient of
 * the trust space from its recorded INS (fixtures are validated at load), or whatever a client
 * would build. No INS check; formatPatientAddress checks.
 */
export function patientAddressOf(localPart: string): string {
  return `${localPart}@${PATIENT_DOMAIN}`;
}

/**
 * The matricule INS an address on the patient domain carries: its local part upper-cased
 * (`2a` → `2A`), without key check; undefined on any other domain. Never throws.
 */
export function insOfPatientAddress(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at === -1 || domainKey(address.slice(at + 1)) !== PATIENT_DOMAIN) return undefined;
  return address.slice(0, at).toUpperCase();
}

/**
 * Classifies an address of the patient domain; `undefined` when the address is not on
 * `patient.mssante.fr`. Never throws: any local part (even with spaces or `@`) is classified.
 */
export function classifyPatientAddress(address: string): PatientAddressClass | undefined {
  const at = address.lastIndexOf('@');
  if (at === -1) return undefined;
  const domain = domainKey(address.slice(at + 1));
  if (domain !== PATIENT_DOMAIN) return undefined;
  const localPart = normalizeLocalPart(address.slice(0, at), domain);
  if (`${localPart}@${domain}` === AUTO_REPLY_ADDRESS) return { kind: 'auto-reply' };
  const check = checkInsNumber(localPart);
  return check.valid ? { kind: 'valid', ins: check.ins } : { kind: 'invalid', problem: check.problem };
}

/**
 * A patient's own mailbox: an address on the patient domain other than the domain's service
 * mailboxes — the auto-reply test mailbox (REG-MES-06), MAILER-DAEMON (the reports' sender) and
 * the postmaster (REG-SMTP-05). What Mon espace santé and the live flow treat as a patient's.
 */
export function isPatientMailbox(address: string): boolean {
  const key = addressKey(address);
  return isPatientAddress(key) && key !== AUTO_REPLY_ADDRESS && !key.startsWith('mailer-daemon@') && postmasterMailbox(key) === undefined;
}

/** Any address on the patient domain (case-insensitive), auto-reply mailbox included. */
export function isPatientAddress(address: string): boolean {
  return domainOf(address) === PATIENT_DOMAIN;
}
