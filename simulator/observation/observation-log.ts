// The recent observations of a trust space, kept for readers that ask after the fact: the
// harness ("which RCPT did the client attempt in this scenario"), the manual driver ("what
// happened since the instruction was given", by sequence mark) and the evidence files. Bounded:
// past `capacity` the oldest are dropped; emptied when the trust space is reset.
import type { Transmission } from '../services/routing/transmission-log.ts';
import type { ObservationBus } from './observation-bus.ts';
import type { MessageAccepted, Observation, ObservationOf, ObservationType, Observed } from './observation.ts';

export const DEFAULT_OBSERVATION_CAPACITY = 100_000;

/** Types kept: the facts readers ask for later. Protocol lines stay in the journal's transcripts. */
const KEPT: ReadonlySet<ObservationType> = new Set<ObservationType>([
  'connection-opened',
  'connection-closed',
  'tls-client-hello',
  'tls-established',
  'tls-failed',
  'smtp-exchange',
  'auth',
  'imap-command',
  'message-accepted',
  'report-issued',
  'patient-action',
  'directory-request',
  'token',
  'document-archive-checked',
]);

/** An item of the log: an observation, or the transmission of a `message-accepted` (see below). */
type Item = Observed | Transmission;

function isObservation(item: Item): item is Observed {
  return typeof (item as Partial<Observed>).seq === 'number';
}

export class ObservationLog {
  // A `message-accepted` (one per message) is kept compact: its transmission among the items, its
  // sequence and instant (milliseconds) in `#accepted`, two numbers each, in the same order;
  // `list` gives it back as the observation it was. About 130 bytes less per message than the
  // observation with its Date (bench/memory-bench.ts).
  #items: Item[] = [];
  #start = 0;
  #accepted: number[] = [];
  #acceptedStart = 0;
  readonly #capacity: number;

  constructor(bus: ObservationBus, capacity = DEFAULT_OBSERVATION_CAPACITY) {
    this.#capacity = capacity;
    bus.onAny((observation) => {
      if (observation.type === 'trust-space-reset') this.clear();
      else if (KEPT.has(observation.type)) this.#push(observation);
    });
  }

  /** Observations of `type` (optionally only after sequence `afterSeq`), oldest first. */
  list<K extends ObservationType>(type: K, afterSeq = 0): Observed<ObservationOf<K>>[] {
    const found: Observed<ObservationOf<K>>[] = [];
    let accepted = this.#acceptedStart;
    for (let i = this.#start; i < this.#items.length; i += 1) {
      const item = this.#items[i]!;
      if (isObservation(item)) {
        if (item.type === type && item.seq > afterSeq) found.push(item as Observed<ObservationOf<K>>);
        continue;
      }
      const seq = this.#accepted[accepted]!;
      const time = this.#accepted[accepted + 1]!;
      accepted += 2;
      if (type === 'message-accepted' && seq > afterSeq) {
        const observed: Observed<MessageAccepted> = { type: 'message-accepted', transmission: item, seq, at: new Date(time) };
        found.push(observed as Observed<ObservationOf<K>>);
      }
    }
    return found;
  }

  get size(): number {
    return this.#items.length - this.#start;
  }

  clear(): void {
    this.#items = [];
    this.#start = 0;
    this.#accepted = [];
    this.#acceptedStart = 0;
  }

  #push(observation: Observed<Observation>): void {
    if (observation.type === 'message-accepted') {
      this.#items.push(observation.transmission);
      this.#accepted.push(observation.seq, observation.at.getTime());
    } else {
      this.#items.push(observation);
    }
    if (this.#items.length - this.#start > this.#capacity) {
      if (!isObservation(this.#items[this.#start]!)) this.#acceptedStart += 2;
      this.#start += 1;
    }
    if (this.#start > 4096 && this.#start * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#start);
      this.#start = 0;
      this.#accepted = this.#accepted.slice(this.#acceptedStart);
      this.#acceptedStart = 0;
    }
  }
}
