// A transmission at least one copy of which was delivered: its bytes as received are the copy's
// behind the `Return-Path` line, and so is its header index (the copy's, shifted back by that
// line). Both are read from the copy when asked for, so that the message is held once with one
// index (about 250 bytes less per message than a second Buffer view and index, measured by
// bench/memory-bench.ts). Same values as a plain transmission; `raw` and `index` are read-only
// properties of the prototype, so a spread copy of the object leaves them out, as the
// durable record does on purpose (durable-record.ts).
import type { MessageIndex } from '../../protocols/mime/message-reader.ts';
import type { Envelope, Ingress, StoredMessage } from '../store/stored-message.ts';
import type { RecipientOutcome } from './incoming-message.ts';
import type { Transmission } from './transmission-log.ts';

export interface DeliveredTransmissionFields {
  readonly id: string;
  readonly envelope: Envelope;
  readonly ingress: Ingress;
  readonly receivedAt: Date;
  readonly connectionId?: string;
  readonly authenticatedMailbox?: string;
  readonly outcomes: readonly RecipientOutcome[];
}

export class DeliveredTransmission implements Transmission {
  readonly id: string;
  readonly envelope: Envelope;
  readonly ingress: Ingress;
  readonly receivedAt: Date;
  declare readonly connectionId?: string;
  declare readonly authenticatedMailbox?: string;
  readonly outcomes: readonly RecipientOutcome[];
  readonly #copy: StoredMessage;
  /** Length of the line the copy has in front of the bytes as received. */
  readonly #prefix: number;

  /** `copy` holds the bytes as received behind its first `prefix` bytes. */
  constructor(fields: DeliveredTransmissionFields, copy: StoredMessage, prefix: number) {
    this.id = fields.id;
    this.envelope = fields.envelope;
    this.ingress = fields.ingress;
    this.receivedAt = fields.receivedAt;
    // Absent rather than undefined, like the other transmissions.
    if (fields.connectionId !== undefined) (this as { connectionId?: string }).connectionId = fields.connectionId;
    if (fields.authenticatedMailbox !== undefined) (this as { authenticatedMailbox?: string }).authenticatedMailbox = fields.authenticatedMailbox;
    this.outcomes = fields.outcomes;
    this.#copy = copy;
    this.#prefix = prefix;
  }

  /** The bytes as received: a view into the copy's. */
  get raw(): Buffer {
    return this.#copy.raw.subarray(this.#prefix);
  }

  get index(): MessageIndex {
    const index = this.#copy.index;
    return { ...index, headerBytes: index.headerBytes - this.#prefix };
  }
}
