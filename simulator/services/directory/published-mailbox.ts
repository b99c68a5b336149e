// Which mailboxes the Annuaire Santé and the extraction file publish, and on which FHIR
// resource each one appears (REG-ANN-04, REG-ANN-06). One rule for every publication, so that FHIR,
// the flat file and SMTP routing always agree:
// - published = not on liste rouge, domain in the liste blanche (an operator that left the
//   trust space is no longer published: its boxes would not be routable, REG-LB-03), and
//   owner found;
// - carrier: ORG and APP on the Organization; CAB on the Practitioner; PER on the
//   PractitionerRole when the practitioner works at exactly one organisation ("RPPS +
//   structure"), else on the Practitioner ("RPPS seul"). Decision: the fixtures do not say
//   which, so the number of structures decides.
import type { Mailbox, Organisation, Practitioner } from '../../domain/model.ts';
import { domainOf } from '../../domain/mss-address.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';

export type MailboxCarrier =
  | { readonly kind: 'practitioner'; readonly practitioner: Practitioner }
  | { readonly kind: 'role'; readonly practitioner: Practitioner; readonly organisation: Organisation }
  | { readonly kind: 'organisation'; readonly organisation: Organisation };

export interface PublishedMailbox {
  readonly mailbox: Mailbox;
  readonly carrier: MailboxCarrier;
}

/** Published mailboxes in fixture order. */
export function publishedMailboxes(view: TrustSpaceView): PublishedMailbox[] {
  const published: PublishedMailbox[] = [];
  for (const mailbox of view.data.mailboxes) {
    const carrier = publicationOf(mailbox, view);
    if (carrier) published.push({ mailbox, carrier });
  }
  return published;
}

/** Where the mailbox is published, or undefined when it is not (liste rouge, domain, owner). */
export function publicationOf(mailbox: Mailbox, view: TrustSpaceView): MailboxCarrier | undefined {
  if (mailbox.redListed) return undefined; // REG-ANN-05: never published
  if (!view.isWhitelisted(domainOf(mailbox.address))) return undefined;
  const { owner } = mailbox;
  if (owner.kind === 'organisation') {
    const organisation = view.organisation(owner.organisationId);
    if (!organisation || (mailbox.type !== 'ORG' && mailbox.type !== 'APP')) return undefined;
    return { kind: 'organisation', organisation };
  }
  const practitioner = view.practitioner(owner.idNat);
  if (!practitioner || (mailbox.type !== 'PER' && mailbox.type !== 'CAB')) return undefined;
  const structure = mailbox.type === 'PER' ? soleOrganisation(practitioner, view) : undefined;
  return structure ? { kind: 'role', practitioner, organisation: structure } : { kind: 'practitioner', practitioner };
}

/** The structure the PractitionerRole of a PER mailbox points at, when there is exactly one. */
export function soleOrganisation(practitioner: Practitioner, view: TrustSpaceView): Organisation | undefined {
  if (practitioner.organisationIds.length !== 1) return undefined;
  return view.organisation(practitioner.organisationIds[0] ?? '');
}
