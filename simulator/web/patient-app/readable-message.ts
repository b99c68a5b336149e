// A stored message as the app shows it: sender, date, subject, its documents, its text only (an HTML-only
// message is reduced to its text; the browser puts it in the page as text, never as markup, so
// no message can run script) and its attached documents, which download as files.
import { parseMessage, type ParsedMessage } from '../../protocols/mime/message-reader.ts';
import type { StoredMessage } from '../../services/store/stored-message.ts';
import { apiErrors } from '../api-errors.ts';
import { attachmentDownload } from '../attachment-download.ts';
import type { MessageStore } from '../../services/store/message-store.ts';
import type { AttachedDocument, PatientAppView, ReadableMessage } from './patient-app-types.ts';

export async function readableMessage(stored: StoredMessage): Promise<ReadableMessage> {
  const parsed = await parseMessage(stored.raw);
  return {
    storeId: stored.id,
    from: parsed.from.map((a) => ({ name: a.name, address: a.address })),
    to: parsed.to.map((a) => a.address),
    subject: parsed.subject ?? '',
    at: (parsed.date ?? stored.receivedAt).toISOString(),
    text: textOf(parsed),
    attachments: attachedDocuments(parsed),
  };
}

/** The attachments of a message as the app lists them. */
export function attachedDocuments(parsed: Pick<ParsedMessage, 'attachments'>): AttachedDocument[] {
  return parsed.attachments.map((a, index) => ({ index, filename: a.filename ?? `piece-jointe-${index + 1}`, contentType: a.contentType.split(';')[0]?.trim() ?? a.contentType, size: a.size }));
}

/**
 * The documents of each stored copy, read once (a copy never changes; it goes with the copy when
 * the retention limit or a reset removes it): the app's view is made again after every change,
 * and 3,000 messages in one conversation cost 1.4 s of parsing at each of those.
 */
const documentsByCopy = new WeakMap<StoredMessage, readonly AttachedDocument[]>();

/** Each message of the view with its attached documents, read from the store (names and sizes only). */
export async function withDocuments(view: PatientAppView, store: MessageStore): Promise<PatientAppView> {
  const documentsOf = async (storeId: string): Promise<readonly AttachedDocument[]> => {
    const stored = store.get(storeId);
    if (!stored) return [];
    const known = documentsByCopy.get(stored);
    if (known) return known;
    const documents = attachedDocuments(await parseMessage(stored.raw));
    documentsByCopy.set(stored, documents);
    return documents;
  };
  const conversations = await Promise.all(
    view.conversations.map(async (conversation) => ({
      ...conversation,
      messages: await Promise.all(conversation.messages.map(async (message) => ({ ...message, documents: await documentsOf(message.storeId) }))),
    })),
  );
  return { ...view, conversations };
}

/** The text part; else the HTML part's text (tags, scripts and styles removed, entities of markup decoded). */
export function textOf(parsed: Pick<ParsedMessage, 'text' | 'html'>): string {
  if (parsed.text !== undefined && parsed.text.trim() !== '') return parsed.text;
  if (parsed.html === undefined) return '';
  return parsed.html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>|<\/p\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|nbsp|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ', amp: '&' })[entity] ?? '')
    .trim();
}

/** One attachment of the message as a download (attachment-download.ts). */
export async function attachmentResponse(stored: StoredMessage, indexText: string) {
  const parsed = await parseMessage(stored.raw, { keepContent: true });
  const index = /^\d{1,3}$/.test(indexText) ? Number(indexText) : -1;
  const attachment = parsed.attachments[index];
  if (!attachment?.content) throw apiErrors.unknownDocument(indexText);
  return attachmentDownload(attachment.content, attachment.contentType, attachment.filename, index);
}
