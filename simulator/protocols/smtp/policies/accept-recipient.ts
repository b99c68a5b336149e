// RCPT TO policy, on both endpoints (REG-LB-02, REG-ANR-05):
// - more recipients than the limit → 452 4.5.3 (RFC 5321 §4.5.3.1.10), a repeated one is not counted;
// - a non-ASCII local part without SMTPUTF8 on the MAIL → 553 5.6.7 (REG-SMTP-06);
// - peer endpoint: the recipient domain must be one of the simulated operators' domains, the
//   simulator never relays elsewhere; `<postmaster>` without a domain, or at the simulator's host
//   name, is the simulator's own postmaster, accepted on both endpoints (REG-SMTP-05, RFC 5321 §4.5.1);
// - domain outside the liste blanche → 550 5.7.1 (REG-LB-02);
// - strict mode: what would bounce asynchronously is refused now with the bounce's status.
import { domainOf } from '../../../domain/mss-address.ts';
import { isOwnPostmaster } from '../../../domain/postmaster.ts';
import type { RecipientPlan } from '../../../domain/recipient-plan.ts';
import type { TrustSpaceView } from '../../../domain/trust-space-view.ts';
import { REPLIES } from '../replies.ts';
import { acceptAddressCharset } from './accept-address-charset.ts';
import { ACCEPTED, refused, type Verdict } from './verdict.ts';

export type PlanRecipient = (address: string, view: TrustSpaceView) => RecipientPlan;

export interface RecipientContext {
  readonly endpoint: 'submission' | 'peer';
  readonly view: TrustSpaceView;
  readonly planRecipient: PlanRecipient;
  /** Refuse at RCPT what would otherwise bounce (REG-ANR-05, strict mode). */
  readonly strict: boolean;
  /** Recipients already accepted in this transaction. */
  readonly acceptedSoFar: number;
  /** This address (case-insensitive) was already accepted in this transaction. */
  readonly repeated: boolean;
  readonly maxRecipients: number;
  /** The transaction's accepted MAIL FROM carried SMTPUTF8 (a non-ASCII local part needs it, REG-SMTP-06). */
  readonly smtpUtf8?: boolean;
}

/** `address` is the RCPT TO path without angle brackets. */
export function acceptRecipient(address: string, context: RecipientContext): Verdict {
  if (!context.repeated && context.acceptedSoFar >= context.maxRecipients) return refused(REPLIES.tooManyRecipients(context.maxRecipients));
  const charset = acceptAddressCharset(address, context.smtpUtf8 === true);
  if (!charset.accepted) return charset;
  const domain = domainOf(address);
  if (context.endpoint === 'peer' && !context.view.isSimulatedDomain(domain) && !isOwnPostmaster(address)) return refused(REPLIES.relayDenied(address, domain));
  const plan = context.planRecipient(address, context.view);
  if (plan.kind === 'outside-trust-space') return refused(REPLIES.recipientOutsideTrustSpace(address, plan.domain));
  if (plan.kind === 'bounce' && context.strict) return refused(REPLIES.recipientRefusedStrict(address, plan.reason));
  return ACCEPTED;
}
