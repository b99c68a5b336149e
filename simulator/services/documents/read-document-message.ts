// The document checks of a raw message: a cheap byte test first (an `X-MSS-INS`/`X-MSS-CODECDA`
// header or the name IHE_XDM in the bytes), then full MIME parsing with the attachments'
// contents and checkDocumentMessage. Undefined for a message that is no document message.
import { indexMessage, parseMessage } from '../../protocols/mime/message-reader.ts';
import { checkDocumentMessage } from './check-document-message.ts';
import type { DocumentReport } from './document-report.ts';

export function mayCarryDocuments(raw: Buffer): boolean {
  const { xMss } = indexMessage(raw);
  return xMss['x-mss-ins'] !== undefined || xMss['x-mss-codecda'] !== undefined || raw.includes('IHE_XDM') || raw.includes('ihe_xdm');
}

export async function readDocumentMessage(raw: Buffer): Promise<DocumentReport | undefined> {
  if (!mayCarryDocuments(raw)) return undefined;
  const index = indexMessage(raw);
  const parsed = await parseMessage(raw, { keepContent: true });
  return checkDocumentMessage({ ...(index.subject !== undefined ? { subject: index.subject } : {}), xMss: index.xMss, attachments: parsed.attachments });
}
