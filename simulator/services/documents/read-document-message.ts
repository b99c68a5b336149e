// The document checks of a raw message: a cheap byte test first (an `X-MSS-INS`/`X-MSS-CODECDA`
// header or the name IHE_XDM in the bytes), then full MIME parsing with the attachments'
// contents and checkDocumentMessage. Undefined for a message that is no document message.
import { indexMessage, parseMessage, type MessageIndex } from '../../protocols/mime/message-reader.ts';
import { checkDocumentMessage } from './check-document-message.ts';
import type { DocumentReport } from './document-report.ts';

/** `index`: the header index of `raw` when the caller has it (not computed again). */
export function mayCarryDocuments(raw: Buffer, index: MessageIndex = indexMessage(raw)): boolean {
  const { xMss } = index;
  return xMss['x-mss-ins'] !== undefined || xMss['x-mss-codecda'] !== undefined || raw.includes('IHE_XDM') || raw.includes('ihe_xdm');
}

export async function readDocumentMessage(raw: Buffer, known?: MessageIndex): Promise<DocumentReport | undefined> {
  const index = known ?? indexMessage(raw);
  if (!mayCarryDocuments(raw, index)) return undefined;
  const parsed = await parseMessage(raw, { keepContent: true });
  return checkDocumentMessage({ ...(index.subject !== undefined ? { subject: index.subject } : {}), xMss: index.xMss, attachments: parsed.attachments });
}
