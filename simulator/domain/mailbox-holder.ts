// Who holds a mailbox of the trust space (MSS/va1.16, REG-MSG-05): the practitioner, with the
// service of the mailbox, or the entity's published name for an organisational or applicative
// mailbox. What a client is told at configuration and signs its messages with. Pure.
import type { MailboxHolder } from './sender-display-name.ts';
import type { TrustSpaceView } from './trust-space-view.ts';

export function mailboxHolderOf(view: TrustSpaceView, address: string): MailboxHolder | undefined {
  const mailbox = view.mailbox(address);
  if (!mailbox) return undefined;
  if (mailbox.owner.kind === 'organisation') return { mailboxType: mailbox.type, entity: mailbox.displayName };
  const person = view.practitioner(mailbox.owner.idNat);
  if (!person) return undefined;
  return { mailboxType: mailbox.type, title: person.civility, firstName: person.firstName, lastName: person.lastName, ...(mailbox.service ? { entity: mailbox.service } : {}) };
}
