// A transmission at least one copy of which was delivered: its bytes as received are the copy's
// behind its trace lines (`Return-Path`, `Received`), and so is its header index (the copy's,
// shifted back by those lines); its reception instant is the copy's, and so, when it had one
// recipient delivered into that copy, are its outcomes. All are read from the copy when asked for, so that the message is
// held once (one index, one place for its bytes, no Date and no outcome list of its own: bench/
// memory-bench.ts). Same values as a plain transmission; `raw`, `index`, `receivedAt` and
// `outcomes` are read-only properties of the prototype, so a spread copy of the object leaves
// them out (the durable record names them: durable-record.ts).
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
  declare readonly connectionId?: string;
  declare readonly authenticatedMailbox?: string;
  readonly #copy: StoredMessage;
  /** Length of the line the copy has in front of the bytes as received. */
  readonly #prefix: number;
  /** The outcomes, unless they are the one recipient delivered into the copy (then made on read). */
  readonly #outcomes: readonly RecipientOutcome[] | undefined;
  /** The reception instant, unless it is the copy's (then read from it). */
  readonly #receivedAt: Date | undefined;

  /** `copy` holds the bytes as received behind its first `prefix` bytes, and was received at `fields.receivedAt`. */
  constructor(fields: DeliveredTransmissionFields, copy: StoredMessage, prefix: number) {
    this.id = fields.id;
    this.envelope = fields.envelope;
    this.ingress = fields.ingress;
    // Absent rather than undefined, like the other transmissions.
    if (fields.connectionId !== undefined) (this as { connectionId?: string }).connectionId = fields.connectionId;
    if (fields.authenticatedMailbox !== undefined) (this as { authenticatedMailbox?: string }).authenticatedMailbox = fields.authenticatedMailbox;
    this.#copy = copy;
    this.#prefix = prefix;
    this.#outcomes = isOnlyDelivery(fields, copy) ? undefined : fields.outcomes;
    this.#receivedAt = fields.receivedAt.getTime() === copy.receivedAt.getTime() ? undefined : fields.receivedAt;
  }

  /** The bytes as received: a view into the copy's. */
  get raw(): Buffer {
    return this.#copy.raw.subarray(this.#prefix);
  }

  get index(): MessageIndex {
    const index = this.#copy.index;
    return { ...index, headerBytes: index.headerBytes - this.#prefix };
  }

  get receivedAt(): Date {
    return this.#receivedAt ?? this.#copy.receivedAt;
  }

  get outcomes(): readonly RecipientOutcome[] {
    return this.#outcomes ?? [{ recipient: this.envelope.rcptTo[0]!, outcome: 'delivered', mailbox: this.#copy.mailbox, storedId: this.#copy.id }];
  }
}

/** One recipient, the first of the envelope, delivered into `copy`. */
function isOnlyDelivery(fields: DeliveredTransmissionFields, copy: StoredMessage): boolean {
  const only = fields.outcomes[0];
  return fields.outcomes.length === 1 && only?.outcome === 'delivered' && only.recipient === fields.envelope.rcptTo[0] && only.mailbox === copy.mailbox && only.storedId === copy.id;
}
