// The one channel every observation travels on (observation.ts). Publishers call `publish`;
// readers subscribe to the types they care about (typed handlers, no string events to grep).
// Delivery is synchronous, in publication order; a reader that throws is reported through
// `onReaderError` and never stops the publisher nor the other readers (the mail path must not
// break because the live flow did).
import type { Observation, ObservationOf, ObservationType, Observed } from './observation.ts';

export type ObservationHandler<T extends Observation = Observation> = (observation: Observed<T>) => void;

export interface ObservationSource {
  /** Handler for every observation of `type`; returns the unsubscribe function. */
  on<K extends ObservationType>(type: K, handler: ObservationHandler<ObservationOf<K>>): () => void;
  /** Handler for every observation; returns the unsubscribe function. */
  onAny(handler: ObservationHandler): () => void;
}

export interface ObservationBusOptions {
  readonly now?: () => Date;
  readonly onReaderError?: (error: unknown, observation: Observed) => void;
}

export class ObservationBus implements ObservationSource {
  // Copy on write: a subscription replaces the array, so that publish (the SMTP reply path, about
  // fifteen times per message) walks a stable list without copying it.
  readonly #byType = new Map<ObservationType, readonly ObservationHandler[]>();
  #any: readonly ObservationHandler[] = [];
  readonly #now: () => Date;
  readonly #onReaderError: (error: unknown, observation: Observed) => void;
  #seq = 0;

  constructor(options: ObservationBusOptions = {}) {
    this.#now = options.now ?? (() => new Date());
    this.#onReaderError = options.onReaderError ?? ((error, observation) => console.error(`Observation « ${observation.type} » : lecteur en erreur`, error));
  }

  /** Numbers, dates and delivers the observation; returns it as delivered. */
  publish<T extends Observation>(observation: T): Observed<T> {
    this.#seq += 1;
    // Not `{ ...observation, seq, at }`: with observations of many shapes that spread gives each
    // object a hidden class of its own (about 250 bytes per kept observation, and CPU to build);
    // Object.assign onto an empty object then two additions share hidden classes per type.
    const stamped = Object.assign({}, observation) as T & { seq?: number; at?: Date };
    stamped.seq = this.#seq;
    stamped.at = this.#now();
    const observed = stamped as Observed<T>;
    const handlers = this.#byType.get(observation.type);
    if (handlers) for (const handler of handlers) this.#deliver(handler, observed);
    for (const handler of this.#any) this.#deliver(handler, observed);
    return observed;
  }

  /** Sequence number of the last observation published (0 before any): a mark for "since then". */
  get lastSeq(): number {
    return this.#seq;
  }

  on<K extends ObservationType>(type: K, handler: ObservationHandler<ObservationOf<K>>): () => void {
    const added = handler as ObservationHandler;
    const handlers = this.#byType.get(type) ?? [];
    if (!handlers.includes(added)) this.#byType.set(type, [...handlers, added]);
    return () => {
      const now = this.#byType.get(type) ?? [];
      if (now.includes(added)) this.#byType.set(type, now.filter((h) => h !== added));
    };
  }

  onAny(handler: ObservationHandler): () => void {
    if (!this.#any.includes(handler)) this.#any = [...this.#any, handler];
    return () => {
      this.#any = this.#any.filter((h) => h !== handler);
    };
  }

  #deliver(handler: ObservationHandler, observed: Observed): void {
    try {
      handler(observed);
    } catch (error) {
      this.#onReaderError(error, observed);
    }
  }
}
