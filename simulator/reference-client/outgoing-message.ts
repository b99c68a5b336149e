// The headers and body the reference client puts on every message it sends (REG-MSG,
// REG-FIN-02, REG-ANR-08): its own `Message-ID` (MSS/va1.12), `X-MSS-NIL` (SC.MSS/CONF.16), UTF-8 text/plain or
// multipart/alternative (MSS/va1.11, SC.MSS/CONF.19), `In-Reply-To`/`References` on replies
// (MSS/va1.08), `X-MSS-MES: FIN` when no reply is wanted (SC.MSS/CONF.21), `Return-Receipt-To`
// for a delivery receipt (MSS/va1.15), `Disposition-Notification-To` for a read receipt (SC.MSS/UX.33); from an
// applicative mailbox, the automatic-sending mention at the end of the text and `Reply-To` to the
// PER or ORG mailbox that answers (MSS/va1.09).
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Attachment } from './client-driver.ts';
import type { FaultSet } from './reference-fault.ts';
import { alwaysBase64, attachmentBytes, encodedBody, spliceBodies, standIn, type StandIn } from './attachment-bodies.ts';

/** The product reference declared on convergence.esante.gouv.fr (synthetic here). */
export const REFERENCE_PRODUCT_NIL = 'SIMULATEUR-REFERENCE-1';

export interface OutgoingDraft {
  readonly from: string;
  /** The sender display name (MSS/va1.16). */
  readonly fromName?: string;
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly subject: string;
  readonly body: string;
  readonly html?: string;
  readonly attachments?: readonly Attachment[];
  /** The message replied to: its Message-ID and its own References (without brackets). */
  readonly replyTo?: { readonly messageId: string; readonly references: readonly string[] };
  readonly noReply?: boolean;
  readonly requestDeliveryReceipt?: boolean;
  /** Extra headers (a document message's `X-MSS-INS`, `X-MSS-CODECDA`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent from an APP mailbox: the PER or ORG mailbox that answers for it (MSS/va1.09). */
  readonly automatic?: { readonly replyTo: string };
  readonly requestReadReceipt?: boolean;
}

/** What nodemailer's sendMail receives (the subset we use). */
export interface MailOptions {
  from: string | { name: string; address: string };
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string;
  textEncoding: 'quoted-printable';
  messageId: string;
  replyTo?: string;
  inReplyTo?: string;
  references?: string[];
  headers: Record<string, string>;
  /** In base64 as the driver protocol gives them; `cutBytes` fewer bytes are sent (the fault `truncated-attachment`). */
  attachments?: { filename: string; contentType: string; contentBase64: string; cutBytes?: number }[];
  alternatives?: { contentType: string; content: string }[];
}

export function newMessageId(from: string): string {
  const domain = from.split('@')[1] ?? 'client-reference.invalid';
  return `${randomUUID()}@${domain}`;
}

export function composeMail(draft: OutgoingDraft, messageId: string, faults: FaultSet): MailOptions {
  const headers: Record<string, string> = { ...draft.headers };
  if (!faults.has('missing-x-mss-nil')) headers['X-MSS-NIL'] = REFERENCE_PRODUCT_NIL;
  if (draft.noReply && !faults.has('missing-x-mss-mes')) headers['X-MSS-MES'] = 'FIN';
  if (draft.requestDeliveryReceipt) headers['Return-Receipt-To'] = draft.from;
  if (draft.requestReadReceipt && !faults.has('read-receipt-request-ignored')) headers['Disposition-Notification-To'] = draft.from;
  const from = draft.fromName ? { name: draft.fromName, address: draft.from } : draft.from;
  const mail: MailOptions = { from, to: [...draft.to], subject: draft.subject, text: textOf(draft, faults), textEncoding: 'quoted-printable', messageId: `<${messageId}>`, headers };
  if (draft.automatic) mail.replyTo = draft.automatic.replyTo;
  if (draft.cc && draft.cc.length > 0) mail.cc = [...draft.cc];
  if (draft.html !== undefined) mail.html = draft.html;
  if (faults.has('html-only-body')) {
    mail.html = `<p>${escapeHtml(draft.body)}</p>`;
    delete (mail as Partial<MailOptions>).text;
  }
  if (faults.has('html-part-first')) {
    // nodemailer writes `html` before any extra alternative: HTML first, then the text.
    mail.html = `<p>${escapeHtml(textOf(draft, faults))}</p>`;
    mail.alternatives = [{ contentType: 'text/plain; charset=utf-8', content: textOf(draft, faults) }];
    delete (mail as Partial<MailOptions>).text;
  }
  if (draft.replyTo && !faults.has('missing-in-reply-to')) {
    mail.inReplyTo = `<${draft.replyTo.messageId}>`;
    mail.references = [...draft.replyTo.references, draft.replyTo.messageId].map((id) => `<${id}>`);
  }
  if (draft.attachments && draft.attachments.length > 0) {
    mail.attachments = draft.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: a.contentBase64, ...(faults.has('truncated-attachment') ? { cutBytes: 16 } : {}) }));
  }
  return mail;
}

/** MSS/va1.09: the body of an APP mailbox's message ends with the automatic-sending mention. */
export function automaticMention(replyTo: string): string {
  return `Ce message a été envoyé automatiquement par un logiciel. Pour toute question, écrivez à ${replyTo}.`;
}

function textOf(draft: OutgoingDraft, faults: FaultSet): string {
  if (!draft.automatic || faults.has('app-without-automatic-mention')) return draft.body;
  return `${draft.body}\n\n-- \n${automaticMention(draft.automatic.replyTo)}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

/**
 * The raw RFC 5322 bytes of a message, as nodemailer writes them (UTF-8, quoted-printable). With
 * `reuseEncodedBodies` (the reference client, which sends the same large files again and again),
 * an attachment always written in base64 has its body encoded once per content (attachment-bodies.ts).
 */
export async function renderMail(mail: MailOptions, options: { readonly reuseEncodedBodies?: boolean } = {}): Promise<Buffer> {
  const standIns: StandIn[] = [];
  const attachments = mail.attachments?.map(({ filename, contentType, contentBase64, cutBytes }) => {
    if (!options.reuseEncodedBodies || !alwaysBase64(contentType)) return { filename, contentType, content: attachmentBytes(contentBase64, cutBytes) };
    const stand = standIn(encodedBody(contentBase64, cutBytes));
    standIns.push(stand);
    return { filename, contentType, content: stand.content };
  });
  const info = await composer.sendMail(attachments === undefined ? mail : { ...mail, attachments });
  return spliceBodies(info.message as Buffer, standIns.map((s) => s.replace));
}
