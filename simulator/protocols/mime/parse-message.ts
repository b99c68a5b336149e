// Full parsing of a raw message into a stable shape of our own. The ONLY file that imports
// mailparser (it is in maintenance mode: a swap must touch one file). Header-level fields come
// from our own scan (message-index.ts) so that both agree, e.g. on a Subject `[FIN] ` whose
// trailing space mailparser would trim (REG-FIN-01). Reached through message-reader.ts. Never throws: what
// could not be parsed is reported in `problems` (French, shown to users).
import { simpleParser } from 'mailparser';
import type { AddressObject, Attachment, EmailAddress, ParsedMail } from 'mailparser';
import { parseDeliveryStatus } from './delivery-status.ts';
import type { DeliveryStatus } from './delivery-status.ts';
import { readHeaderFields } from './header-block.ts';
import type { HeaderField } from './header-block.ts';
import { indexMessage } from './message-index.ts';
import type { MessageIndex } from './message-index.ts';
import type { MessageHeaderFields } from './message-header-fields.ts';
import { mimeStructureProblems, reportType } from './mime-structure.ts';
import { parseDispositionNotification, type DispositionNotification } from './disposition-notification.ts';

export interface ParsedAddress {
  /** Display name after RFC 2047 decoding; `''` when absent. */
  readonly name: string;
  /** Address as written. */
  readonly address: string;
}

export interface ParsedAttachment {
  readonly filename?: string;
  readonly contentType: string;
  /** Decoded size in bytes. */
  readonly size: number;
  readonly contentDisposition?: string;
  /** IMAP-style part number, e.g. `2` or `1.2`. */
  readonly partId?: string;
  /** Decoded content, only with `{ keepContent: true }`. */
  readonly content?: Buffer;
}

/** Addresses with their display names, as written; the date read (undefined and a problem when unreadable). */
export interface ParsedMessage extends MessageHeaderFields<ParsedAddress, Date> {
  /** Header fields of the top level, in order, unfolded, as written (no RFC 2047 decoding). */
  readonly headers: readonly HeaderField[];
  readonly text?: string;
  readonly html?: string;
  readonly attachments: readonly ParsedAttachment[];
  /** Fields of the `message/delivery-status` part of a `multipart/report; report-type=delivery-status`. */
  readonly deliveryStatus?: DeliveryStatus;
  /** Fields of the `message/disposition-notification` part of a read receipt (MDN, RFC 8098). */
  readonly dispositionNotification?: DispositionNotification;
  readonly problems: readonly string[];
}

export interface ParseOptions {
  /** Keep attachment contents (decoded). Default false: sizes and names only. */
  readonly keepContent?: boolean;
}

const DELIVERY_STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const DISPOSITION_TYPES = new Set(['message/disposition-notification', 'message/global-disposition-notification']);

export async function parseMessage(raw: Buffer, options: ParseOptions = {}): Promise<ParsedMessage> {
  const index = indexMessage(raw);
  const problems = mimeStructureProblems(raw, index);
  const date = readDate(index, problems);
  const mail = await parseMime(raw, problems);
  const attachments = (mail?.attachments ?? []).map((a) => toAttachment(a, options.keepContent === true));
  const deliveryStatus = readDeliveryStatus(index, mail, problems);
  const dispositionNotification = readDispositionNotification(index, mail, problems);
  return {
    headers: readHeaderFields(raw).fields,
    ...optional('subject', index.subject),
    from: mail ? addresses(mail.from) : fromIndex(index.from),
    to: mail ? addresses(mail.to) : fromIndex(index.to),
    cc: mail ? addresses(mail.cc) : fromIndex(index.cc),
    replyTo: mail ? addresses(mail.replyTo) : fromIndex(index.replyTo),
    ...optional('messageId', index.messageId),
    ...optional('inReplyTo', index.inReplyTo),
    references: index.references,
    ...optional('date', date),
    ...optional('contentType', index.contentType),
    ...optional('text', mail?.text),
    ...optional('html', typeof mail?.html === 'string' ? mail.html : undefined),
    attachments,
    ...optional('deliveryStatus', deliveryStatus),
    ...optional('dispositionNotification', dispositionNotification),
    problems,
  };
}

async function parseMime(raw: Buffer, problems: string[]): Promise<ParsedMail | undefined> {
  try {
    const mail = await simpleParser(raw, { keepDeliveryStatus: true, skipTextToHtml: true, keepCidLinks: true, checksumAlgo: false });
    if (mail.textConversionError) problems.push(`Partie HTML non convertible en texte : ${mail.textConversionError.message}`);
    return mail;
  } catch (error) {
    problems.push(`Analyse MIME impossible : ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function readDate(index: MessageIndex, problems: string[]): Date | undefined {
  if (index.date === undefined) return undefined;
  const date = new Date(index.date);
  if (!Number.isNaN(date.getTime())) return date;
  problems.push(`En-tête Date illisible : « ${index.date} » (format attendu : RFC 5322 §3.3).`);
  return undefined;
}

function readDeliveryStatus(index: MessageIndex, mail: ParsedMail | undefined, problems: string[]): DeliveryStatus | undefined {
  if (reportType(index.contentType) !== 'delivery-status') return undefined;
  const part = mail?.attachments.find((a) => DELIVERY_STATUS_TYPES.has(a.contentType.toLowerCase()));
  if (!part) {
    problems.push('Rapport de remise (multipart/report) sans partie message/delivery-status (RFC 3464).');
    return undefined;
  }
  const status = parseDeliveryStatus(part.content.toString('utf8'));
  if (status.recipients.length === 0) problems.push('Rapport de remise sans aucun champ par destinataire (RFC 3464 §2.3).');
  return status;
}

function readDispositionNotification(index: MessageIndex, mail: ParsedMail | undefined, problems: string[]): DispositionNotification | undefined {
  if (reportType(index.contentType) !== 'disposition-notification') return undefined;
  const part = mail?.attachments.find((a) => DISPOSITION_TYPES.has(a.contentType.toLowerCase()));
  if (!part) {
    problems.push('Accusé de lecture (multipart/report) sans partie message/disposition-notification (RFC 8098 §3).');
    return undefined;
  }
  return parseDispositionNotification(part.content.toString('utf8'));
}

function toAttachment(attachment: Attachment, keepContent: boolean): ParsedAttachment {
  return {
    ...optional('filename', attachment.filename),
    contentType: attachment.contentType,
    size: attachment.size,
    ...optional('contentDisposition', attachment.contentDisposition),
    ...optional('partId', attachment.partId ?? undefined),
    ...(keepContent ? { content: attachment.content } : {}),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): ParsedAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => flatten(object.value));
}

function flatten(entries: readonly EmailAddress[]): ParsedAddress[] {
  return entries.flatMap((entry) => {
    if (entry.group) return flatten(entry.group);
    return entry.address ? [{ name: entry.name ?? '', address: entry.address }] : [];
  });
}

function fromIndex(bare: readonly string[]): ParsedAddress[] {
  return bare.map((address) => ({ name: '', address }));
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
