// End-of-DATA policy of the submission endpoint (REG-SMTP-03): the `From:` header must hold
// exactly one address, the authenticated mailbox. Uses the light header index of the mail layer
// (simulator/protocols/mime/message-index.ts), whose addresses are bare and lower-cased.
import { addressKey } from '../../../domain/address-key.ts';
import type { MessageIndex } from '../../mime/message-reader.ts';
import { REPLIES } from '../replies.ts';
import { ACCEPTED, refused, type Verdict } from './verdict.ts';

export function acceptFromHeader(index: Pick<MessageIndex, 'from'>, authenticatedMailbox: string): Verdict {
  const expected = addressKey(authenticatedMailbox);
  if (index.from.length === 1 && index.from[0] === expected) return ACCEPTED;
  return refused(REPLIES.fromHeaderNotAuthenticatedMailbox(index.from, authenticatedMailbox));
}
