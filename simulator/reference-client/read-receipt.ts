// The read receipt the reference client returns when a message it fetched asks for one with
// `Disposition-Notification-To` (SC.MSS/UX.34, RFC 8098): a `multipart/report;
// report-type=disposition-notification` with a human-readable part and the
// `message/disposition-notification` part naming the original Message-ID. Sent automatically at
// the fetch (`automatic-action/MDN-sent-automatically; displayed`), once per message. Pure.
import { randomUUID } from 'node:crypto';

export interface ReadReceiptDraft {
  /** The reader's mailbox (bare address). */
  readonly from: string;
  readonly fromName?: string;
  /** The address of `Disposition-Notification-To`. */
  readonly to: string;
  readonly originalMessageId: string;
  readonly originalSubject: string;
  readonly messageId: string;
  readonly productNil: string;
  readonly date: Date;
}

export function composeReadReceipt(draft: ReadReceiptDraft): Buffer {
  const boundary = `mdn-${randomUUID()}`;
  const human = `Votre message « ${draft.originalSubject} » a été affiché par son destinataire ${draft.from}.\r\n`;
  const lines = [
    `From: ${draft.fromName ? `${encodedWord(draft.fromName)} ` : ''}<${draft.from}>`,
    `To: <${draft.to}>`,
    `Subject: ${encodedWord(`Accusé de lecture : ${draft.originalSubject}`)}`,
    `Date: ${draft.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${draft.messageId}>`,
    `In-Reply-To: <${draft.originalMessageId}>`,
    `References: <${draft.originalMessageId}>`,
    'Auto-Submitted: auto-replied',
    `X-MSS-NIL: ${draft.productNil}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=disposition-notification; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...wrap(Buffer.from(human, 'utf8').toString('base64')),
    `--${boundary}`,
    'Content-Type: message/disposition-notification',
    '',
    'Reporting-UA: client-reference; Client de reference du simulateur MSSante',
    `Original-Recipient: rfc822;${draft.from}`,
    `Final-Recipient: rfc822;${draft.from}`,
    `Original-Message-ID: <${draft.originalMessageId}>`,
    'Disposition: automatic-action/MDN-sent-automatically; displayed',
    '',
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

function encodedWord(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function wrap(base64: string): string[] {
  return base64.match(/.{1,76}/g) ?? [];
}
