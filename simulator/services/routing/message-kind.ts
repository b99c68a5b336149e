// Classifies a message received from a client or another operator for mailbox listings
// (control API `kind`); the reports the simulator builds itself are stored with their kind and
// observed as `report-issued`, never classified again. A delivery status notification (RFC 3464) is a bounce when a recipient's Action is `failed` or `delayed`, a
// receipt when all were `delivered`/`relayed`/`expanded`; a disposition notification
// (RFC 8098 MDN) is a receipt; anything else is a message.
import { reportType, type MessageIndex } from '../../protocols/mime/message-reader.ts';
import type { MessageKind } from '../store/stored-message.ts';

const FAILED_ACTION = /^Action:[ \t]*(failed|delayed)\b/im;

export function messageKind(index: MessageIndex, raw: Buffer): MessageKind {
  const type = reportType(index.contentType);
  if (type === 'disposition-notification') return 'receipt';
  if (type !== 'delivery-status') return 'message';
  return FAILED_ACTION.test(raw.toString('latin1')) ? 'bounce' : 'receipt';
}
