// Who a patient's reply goes to (REG-MES-05, "Reply-To honoured"): the
// first `Reply-To` address of the professional's message when it is an MSSanté address
// (whitelisted domain, not the patient domain); otherwise the `From` mailbox. The Reply-To
// address becomes the authorised contact; the original sender does not.
import { addressKey } from './address-key.ts';
import { checkAddress, normalizeAddress } from './mss-address.ts';
import { PATIENT_DOMAIN } from './model.ts';
import type { TrustSpaceView } from './trust-space-view.ts';

/** A professional address of the trust space: well-formed, whitelisted, not a patient's. */
export function isMssanteProfessionalAddress(address: string, view: TrustSpaceView): boolean {
  const check = checkAddress(address);
  return check.valid && check.address.domain !== PATIENT_DOMAIN && view.isWhitelisted(check.address.domain);
}

/**
 * The normalised counterpart address. Decision: only the first Reply-To address is considered
 * (a patient's reply goes to one professional); a later MSSanté Reply-To is ignored.
 */
export function conversationCounterpart(from: string, replyTo: readonly string[], view: TrustSpaceView): string {
  const first = replyTo[0];
  if (first !== undefined && isMssanteProfessionalAddress(first, view)) return normalizeAddress(first);
  return canonical(from);
}

/** Normalised address when well-formed, else the lower-cased text (never throws). */
export function canonical(address: string): string {
  return checkAddress(address).valid ? normalizeAddress(address) : addressKey(address);
}
