// The body of a `message/disposition-notification` part (RFC 8098 §3.2): one group of
// header-style fields about the message read — who read it (`Final-Recipient`), which message
// (`Original-Message-ID`) and what happened (`Disposition`, e.g.
// `automatic-action/MDN-sent-automatically; displayed`). Values kept as written (unfolded, trimmed). Pure.
import { extractMessageIds } from './message-ids.ts';
import { headerKey, splitHeaderFields } from './header-block.ts';

export interface DispositionNotification {
  readonly reportingUa?: string;
  readonly originalRecipient?: string;
  readonly finalRecipient?: string;
  /** Without angle brackets. */
  readonly originalMessageId?: string;
  /** The whole `Disposition` value. */
  readonly disposition?: string;
  /** The disposition type after the `;` (`displayed`, `deleted`, `processed`…), lower-case. */
  readonly dispositionType?: string;
  /** Every field, name lower-cased (first occurrence wins). */
  readonly fields: Readonly<Record<string, string>>;
}

/** Parses disposition-notification text. Never throws. */
export function parseDispositionNotification(text: string): DispositionNotification {
  const fields = new Map<string, string>();
  for (const { name, value } of splitHeaderFields(text.replace(/\r\n/g, '\n').replace(/^\n+/, ''))) {
    const key = headerKey(name);
    if (!fields.has(key)) fields.set(key, value.trim());
  }
  const get = (key: string) => fields.get(key);
  const disposition = get('disposition');
  const type = disposition?.split(';')[1]?.split('/')[0]?.trim().toLowerCase();
  const originalId = extractMessageIds(get('original-message-id') ?? '')[0];
  return {
    ...(get('reporting-ua') !== undefined ? { reportingUa: get('reporting-ua') } : {}),
    ...(get('original-recipient') !== undefined ? { originalRecipient: get('original-recipient') } : {}),
    ...(get('final-recipient') !== undefined ? { finalRecipient: get('final-recipient') } : {}),
    ...(originalId !== undefined ? { originalMessageId: originalId } : {}),
    ...(disposition !== undefined ? { disposition } : {}),
    ...(type ? { dispositionType: type } : {}),
    fields: Object.fromEntries(fields),
  };
}
