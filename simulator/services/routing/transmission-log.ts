// Every message the trust space accepted over SMTP, once, as received: the traffic the
// harness judges (REG-DEC-04, "the oracle is the traffic the simulator observes"). Mailbox
// copies live in the MessageStore; a message whose every recipient bounced lives only here
// and, by its headers, in the bounce. Each addition is told to `onAdded` (the composition root
// publishes it as a `message-accepted` observation). Bounded like the store (`maxTransmissions`,
// the same retention limit): past it the oldest transmissions are dropped.
import type { MessageIndex } from '../../protocols/mime/message-reader.ts';
import { SequenceLookup } from '../store/sequence-lookup.ts';
import type { Envelope, Ingress } from '../store/stored-message.ts';
import type { RecipientOutcome } from './incoming-message.ts';

export interface Transmission {
  readonly id: string;
  readonly envelope: Envelope;
  readonly raw: Buffer;
  readonly index: MessageIndex;
  readonly ingress: Ingress;
  readonly receivedAt: Date;
  readonly connectionId?: string;
  readonly authenticatedMailbox?: string;
  readonly outcomes: readonly RecipientOutcome[];
}

export class TransmissionLog {
  readonly #onAdded: (transmission: Transmission) => void;
  readonly #max: number;
  readonly #onEvicted: (transmission: Transmission) => void;
  #items: Transmission[] = [];
  readonly #byId = new SequenceLookup<Transmission>('t-', () => this.#items);
  #next = 1;

  constructor(onAdded: (transmission: Transmission) => void = () => undefined, options: { readonly maxTransmissions?: number; readonly onEvicted?: (transmission: Transmission) => void } = {}) {
    this.#onAdded = onAdded;
    this.#onEvicted = options.onEvicted ?? (() => undefined);
    this.#max = options.maxTransmissions ?? Number.POSITIVE_INFINITY;
  }

  nextId(): string {
    return `t-${String(this.#next++).padStart(6, '0')}`;
  }

  /** A transmission read back from the durable store (--conserver), under its own id; later ids follow it. */
  restore(transmission: Transmission): void {
    const sequence = Number(/^t-(\d+)$/.exec(transmission.id)?.[1]);
    if (!Number.isSafeInteger(sequence)) throw new RangeError(`restored transmission id ${transmission.id} is not a transmission id`);
    this.#next = Math.max(this.#next, sequence + 1);
    this.add(transmission);
  }

  add(transmission: Transmission): void {
    this.#items.push(transmission);
    this.#byId.added(transmission);
    while (this.#items.length > this.#max) {
      const oldest = this.#items.shift() as Transmission;
      this.#byId.removed(oldest);
      this.#onEvicted(oldest);
    }
    this.#onAdded(transmission);
  }

  get(id: string): Transmission | undefined {
    return this.#byId.find(id);
  }

  all(): readonly Transmission[] {
    return this.#items;
  }

  count(): number {
    return this.#items.length;
  }

  clear(): void {
    this.#items = [];
    this.#byId.cleared();
  }
}
