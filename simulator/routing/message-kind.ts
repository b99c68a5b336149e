// Classifies a delivered message for mailbox listings (control API `kind`): a delivery status
// notification (RFC 3464) is a bounce when a recipient's Action is `failed` or `delayed`, a
// receipt when all were `delivered`/`relayed`/`expanded`; a disposition notification
// (RFC 8098 MDN) is a receipt; anything else is a message.
import type { MessageIndex } from '../mail/message-index.ts';
import type { MessageKind } from '../mail/stored-message.ts';

const REPORT_TYPE = /^\s*multipart\/report\s*;.*?report-type\s*=\s*"?([\w-]+)"?/is;
const FAILED_ACTION = /^Action:[ \t]*(failed|delayed)\b/im;

export function messageKind(index: MessageIndex, raw: Buffer): MessageKind {
  const reportType = index.contentType ? REPORT_TYPE.exec(index.contentType)?.[1]?.toLowerCase() : undefined;
  if (reportType === 'disposition-notification') return 'receipt';
  if (reportType !== 'delivery-status') return 'message';
  return FAILED_ACTION.test(raw.toString('latin1')) ? 'bounce' : 'receipt';
}
