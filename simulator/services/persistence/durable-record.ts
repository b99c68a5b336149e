// What the durable store writes, one record per line of journal.ndjson (record-line.ts): every
// stored copy and every accepted transmission with its bytes (base64; a readable copy is in
// messages/<id>.eml, for any mail tool), the observations the journal, the live flow and the observation log are made
// of, and the changes to the trust space (patient profiles, mailboxes, liste blanche). Replayed
// in order at start, they rebuild the same state.
import { indexMessage } from '../../protocols/mime/message-reader.ts';
import type { Transmission } from '../routing/transmission-log.ts';
import type { StoredMessage } from '../store/stored-message.ts';

type Json<T> = { -readonly [K in keyof T]: T[K] extends Date ? string : T[K] };

export type StoredMessageRecord = Json<Omit<StoredMessage, 'raw' | 'index'>>;
export type TransmissionRecord = Json<Omit<Transmission, 'raw' | 'index'>>;

/** An observation as written: `message` and `original` (report-issued, patient-action) are store ids. */
export type ObservationRecord = { readonly type: string; readonly [field: string]: unknown };

export type DurableRecord =
  | { readonly t: 'stored'; readonly m: StoredMessageRecord; readonly raw: string }
  | { readonly t: 'accepted'; readonly tr: TransmissionRecord; readonly raw: string }
  | { readonly t: 'observation'; readonly at: string; readonly o: ObservationRecord }
  | { readonly t: 'profile'; readonly at: string; readonly ins: string; readonly state: string }
  | { readonly t: 'change'; readonly at: string; readonly change: unknown }
  | { readonly t: 'start'; readonly at: string; readonly uidValidity: number }
  | { readonly t: 'evicted'; readonly messages: number };

/** File of a stored copy or a transmission, under messages/. */
export const messageFileName = (id: string) => `${id}.eml`;

/** The fields of a copy without its bytes; a lazy report's `raw` getter is not called (its bytes are made when its file is written). */
export function storedMessageRecord(message: StoredMessage): StoredMessageRecord {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(message)) if (key !== 'raw' && key !== 'index') fields[key] = (message as unknown as Record<string, unknown>)[key];
  return { ...(fields as Omit<StoredMessageRecord, 'receivedAt'>), receivedAt: message.receivedAt.toISOString() };
}

export function transmissionRecord(transmission: Transmission): TransmissionRecord {
  // Named: a delivered transmission reads them from its copy (getters, left out by a spread).
  const { raw: _raw, index: _index, receivedAt, outcomes, ...rest } = transmission;
  return { ...rest, outcomes, receivedAt: receivedAt.toISOString() };
}

export function storedMessageFrom(record: StoredMessageRecord, raw: Buffer): StoredMessage {
  return { ...record, receivedAt: new Date(record.receivedAt), raw, index: indexMessage(raw) };
}

export function transmissionFrom(record: TransmissionRecord, raw: Buffer): Transmission {
  return { ...record, receivedAt: new Date(record.receivedAt), raw, index: indexMessage(raw) };
}
