// May the holder of a simulated Pro Santé Connect token use this mailbox (REG-AUTH-02;
// SC.MSS/CONF.07, CONF.12)? Decided from the current fixtures at each authentication:
// - a mailbox-bound token (`mss_mailbox`): that mailbox only;
// - a professional's token (idNat): a PER or CAB mailbox he owns, or an ORG (or
//   organisation-owned) mailbox of an organisation he works in (practitioner.organisationIds);
// - APP mailboxes: never with a token (client certificate + PLAIN).
import { sameAddress } from '../../../domain/address-key.ts';
import type { Mailbox } from '../../../domain/model.ts';
import type { TrustSpaceView } from '../../../domain/trust-space-view.ts';

export type Entitlement = 'entitled' | 'wrong-mailbox' | 'not-entitled' | 'app-mailbox';

export interface EntitlementClaims {
  readonly SubjectNameID?: unknown;
  readonly mss_mailbox?: unknown;
}

export function mailboxEntitlement(claims: EntitlementClaims, mailbox: Mailbox, view: TrustSpaceView): Entitlement {
  if (mailbox.type === 'APP') return 'app-mailbox';
  if (typeof claims.mss_mailbox === 'string') return sameAddress(claims.mss_mailbox, mailbox.address) ? 'entitled' : 'wrong-mailbox';
  if (typeof claims.SubjectNameID !== 'string') return 'not-entitled';
  const practitioner = view.practitioner(claims.SubjectNameID);
  if (!practitioner) return 'not-entitled';
  const owner = mailbox.owner;
  if (owner.kind === 'practitioner') return owner.idNat === claims.SubjectNameID ? 'entitled' : 'not-entitled';
  return practitioner.organisationIds.includes(owner.organisationId) ? 'entitled' : 'not-entitled';
}
