// A light header index of a raw message, computed without full MIME parsing so that the
// SMTP hot path stays fast. Full parsing: parse-message.ts.
import { flatCopy, messageStrings } from '../../domain/string-pool.ts';
import { extractAddresses } from './address-list.ts';
import { decodeEncodedWords } from './encoded-words.ts';
import { headerKey, readHeaderFields } from './header-block.ts';
import type { MessageHeaderFields } from './message-header-fields.ts';
import { extractMessageIds } from './message-ids.ts';

/** Addresses are bare and lower-case; the date is the header as written. */
export interface MessageIndex extends MessageHeaderFields<string, string> {
  /** Every `X-MSS-*` header, name lower-cased, value trimmed (last occurrence wins). */
  readonly xMss: Readonly<Record<string, string>>;
  readonly returnReceiptTo?: string;
  readonly dispositionNotificationTo?: string;
  /** `Auto-Submitted` value (RFC 3834 §5), trimmed, when present. */
  readonly autoSubmitted?: string;
  /** Byte length of the header block (up to and including the blank line). */
  readonly headerBytes: number;
}

/** Indexes the header block of a raw message. Fast, no MIME parsing, never throws. */
export function indexMessage(raw: Buffer): MessageIndex {
  const { fields, headerBytes } = readHeaderFields(raw);
  const single = new Map<string, string>();
  const addresses: Record<AddressField, string[]> = { from: [], to: [], cc: [], 'reply-to': [] };
  const xMss = new Map<string, string>();
  for (const { name, value } of fields) {
    const key = headerKey(name);
    if (Object.hasOwn(addresses, key)) appendAll(addresses[key as AddressField], extractAddresses(value));
    else if (key.startsWith('x-mss-')) xMss.set(key, value.trim()); // last occurrence wins
    else if (SINGLE_FIELDS.has(key) && !single.has(key)) single.set(key, value); // first occurrence wins, as mailparser
  }
  const rawSubject = single.get('subject');
  return {
    messageId: firstId(single.get('message-id')),
    inReplyTo: firstId(single.get('in-reply-to')),
    references: shared(extractMessageIds(single.get('references') ?? '')),
    // REG-FIN-01: `[FIN]` is an exact match, so trailing white space of the value is kept.
    subject: rawSubject === undefined ? undefined : decodedSubject(rawSubject),
    from: addressList(addresses.from),
    to: addressList(addresses.to),
    cc: addressList(addresses.cc),
    replyTo: addressList(addresses['reply-to']),
    date: trimmed(single.get('date')),
    xMss: xMssRecord(xMss),
    returnReceiptTo: firstAddress(single.get('return-receipt-to')),
    dispositionNotificationTo: firstAddress(single.get('disposition-notification-to')),
    autoSubmitted: trimmed(single.get('auto-submitted')),
    contentType: trimmed(single.get('content-type')),
    headerBytes,
  };
}

type AddressField = 'from' | 'to' | 'cc' | 'reply-to';

const SINGLE_FIELDS = new Set([
  'subject', 'message-id', 'in-reply-to', 'references', 'date', 'return-receipt-to', 'disposition-notification-to', 'content-type', 'auto-submitted',
]);

// Most messages have no Cc, Reply-To, References or X-MSS-*: one frozen empty value for all of
// them, instead of an array or object per stored message; the others are kept at their exact size (memory per message, bench/memory-bench.ts).
const NONE: readonly string[] = Object.freeze([]);
const NO_X_MSS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The X-MSS-* fields as one record. Their values are few and recur (flags such as
 * `X-MSS-MES: FIN`): a record met before is shared, frozen, from a bounded pool, instead of an
 * object and strings per stored message. Kept values are flat copies (see below).
 */
const X_MSS_POOL_CAPACITY = 1024;
const POOLED_X_MSS_LENGTH = 512;
const xMssRecords = new Map<string, Readonly<Record<string, string>>>();

function xMssRecord(fields: ReadonlyMap<string, string>): Readonly<Record<string, string>> {
  if (fields.size === 0) return NO_X_MSS;
  let key = '';
  for (const [name, value] of fields) key += `${name}\n${value}\n`; // unfolded values hold no line break
  if (key.length > POOLED_X_MSS_LENGTH) return flatRecord(fields);
  let record = xMssRecords.get(key);
  if (record === undefined) {
    if (xMssRecords.size >= X_MSS_POOL_CAPACITY) xMssRecords.clear();
    record = Object.freeze(flatRecord(fields));
    xMssRecords.set(key, record);
  }
  return record;
}

function flatRecord(fields: ReadonlyMap<string, string>): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of fields) record[name] = flatCopy(value);
  return record;
}

/** Arrays filled by push keep spare capacity (about 150 bytes for one address): a copy is exact. */
function shared(list: string[]): string[] {
  return list.length === 0 ? (NONE as string[]) : list.slice();
}

/** No spread: a hostile header may hold more addresses than a call can take as arguments. */
function appendAll(target: string[], items: readonly string[]): void {
  for (const item of items) target.push(item);
}

/** Pooled, frozen: the same senders and recipient lists recur from one message to the next. */
function addressList(list: string[]): string[] {
  return messageStrings.internList(list) as string[];
}

/** Subjects repeat (reports, series of messages): the decoding of short ones is kept, up to a bound. */
const SUBJECT_CACHE_SIZE = 256;
const CACHED_SUBJECT_LENGTH = 512;
const decodedSubjects = new Map<string, string>();

function decodedSubject(raw: string): string {
  if (raw.length > CACHED_SUBJECT_LENGTH) return decodeEncodedWords(raw);
  let decoded = decodedSubjects.get(raw);
  if (decoded === undefined) {
    if (decodedSubjects.size >= SUBJECT_CACHE_SIZE) decodedSubjects.clear();
    decoded = decodeEncodedWords(raw);
    decodedSubjects.set(raw, decoded);
  }
  return decoded;
}

// Kept values are flat copies (string-pool.ts): a trimmed or matched part of a header value
// would otherwise keep the whole value alive with it, for as long as the message is stored.

function firstId(value: string | undefined): string | undefined {
  const id = value === undefined ? undefined : extractMessageIds(value)[0];
  return id === undefined ? undefined : flatCopy(id);
}

function firstAddress(value: string | undefined): string | undefined {
  const address = value === undefined ? undefined : extractAddresses(value)[0];
  return address === undefined ? undefined : messageStrings.intern(address);
}

function trimmed(value: string | undefined): string | undefined {
  const result = value?.trim();
  return result ? flatCopy(result) : undefined;
}
