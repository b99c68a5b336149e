// What the trust space does with one recipient address, before any byte of the message is
// known: deliver to a simulated mailbox, to Mon espace santé, or bounce (REG-ANR-01, REG-ANR-06, REG-LB-02).
// Pure: the SMTP RCPT policy (strict mode) and routing both use it.
import type { Mailbox, Patient, PatientProfileState } from './model.ts';
import { PATIENT_DOMAIN, PATIENT_MAX_MESSAGE_BYTES } from './model.ts';
import type { BounceReason } from './bounce-reasons.ts';
import type { TrustSpaceView } from './trust-space-view.ts';
import { domainOf } from './mss-address.ts';
import { classifyPatientAddress } from './patient-address.ts';
import { isOwnPostmaster, postmasterMailbox } from './postmaster.ts';

export type RecipientPlan =
  /** Domain absent from the liste blanche: refused at RCPT on submission (REG-LB-02). */
  | { readonly kind: 'outside-trust-space'; readonly domain: string }
  /** An existing mailbox of a simulated operator. */
  | { readonly kind: 'mailbox'; readonly mailbox: Mailbox }
  /** A patient whose Mon espace santé profile is active (REG-ANR-07). */
  | { readonly kind: 'patient'; readonly patient: Patient }
  /** `reponse.automatique-test@patient.mssante.fr` (REG-MES-06). */
  | { readonly kind: 'auto-reply' }
  /** The postmaster of a domain of the trust space, or of the simulator itself (REG-SMTP-05). */
  | { readonly kind: 'postmaster'; readonly mailbox: string }
  /** Accepted, then an asynchronous bounce; refused at RCPT in strict mode. */
  | { readonly kind: 'bounce'; readonly reason: BounceReason };

/** REG-MES-01, REG-ANR-01: states other than `active` bounce; `none` behaves like `opposed` but says "no profile". */
const INACTIVE_PROFILE_BOUNCE: Readonly<Record<Exclude<PatientProfileState, 'active'>, BounceReason>> = {
  opposed: 'patient-opposed',
  closed: 'patient-closed',
  none: 'patient-no-profile',
};

/**
 * Plans one recipient given as a bare address (no angle brackets). Never throws: a malformed
 * address is planned from its domain (after the last `@`), so that SMTP syntax checks stay in
 * the adapter. The patient domain is not special-cased for the whitelist: it is trusted because
 * the fixtures' CNAM operator lists it, like the real liste blanche (REG-LB-01).
 */
export function planRecipient(address: string, view: TrustSpaceView): RecipientPlan {
  const postmaster = postmasterPlan(address, view);
  if (postmaster) return postmaster;
  const domain = domainOf(address);
  if (!view.isWhitelisted(domain)) return { kind: 'outside-trust-space', domain };
  if (domain === PATIENT_DOMAIN) return planPatient(address, view);
  const mailbox = view.mailbox(address);
  return mailbox ? { kind: 'mailbox', mailbox } : { kind: 'bounce', reason: 'unknown-mailbox' }; // REG-ANR-06
}

/**
 * REG-SMTP-05: the simulator's own postmaster, or the postmaster of a domain of the trust space;
 * undefined for any other address, a postmaster outside the trust space included (planned then
 * like any address outside it).
 */
export function postmasterPlan(address: string, view: TrustSpaceView): RecipientPlan | undefined {
  const mailbox = postmasterMailbox(address);
  if (mailbox === undefined || !(isOwnPostmaster(address) || view.isWhitelisted(domainOf(address)))) return undefined;
  return { kind: 'postmaster', mailbox };
}

function planPatient(address: string, view: TrustSpaceView): RecipientPlan {
  const patientAddress = classifyPatientAddress(address);
  if (!patientAddress || patientAddress.kind === 'invalid') return { kind: 'bounce', reason: 'patient-invalid-address' };
  if (patientAddress.kind === 'auto-reply') return { kind: 'auto-reply' };
  const patient = view.patient(patientAddress.ins);
  if (!patient) return { kind: 'bounce', reason: 'patient-no-profile' };
  if (patient.profile === 'active') return { kind: 'patient', patient };
  return { kind: 'bounce', reason: INACTIVE_PROFILE_BOUNCE[patient.profile] };
}

export type PatientSizeVerdict = { readonly accepted: true } | { readonly accepted: false; readonly reason: 'patient-too-large' };

/** Mon espace santé refuses messages over 25 Mo (REG-ANR-04); routing asks once DATA is in. */
export function patientSizeVerdict(bytes: number): PatientSizeVerdict {
  return bytes > PATIENT_MAX_MESSAGE_BYTES ? { accepted: false, reason: 'patient-too-large' } : { accepted: true };
}
