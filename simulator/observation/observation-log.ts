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

/**
 * A kept `message-accepted`, one per message: its sequence, instant (milliseconds) and
 * transmission, about 90 bytes less than the observation with its Date
 * (bench/memory-bench.ts); `list` gives it back as the observation it was.
 */
class AcceptedRecord {
  constructor(
    readonly seq: number,
    readonly time: number,
    readonly transmission: Transmission,
  ) {}

  get type(): 'message-accepted' {
    return 'message-accepted';
  }

  observed(): Observed<MessageAccepted> {
    return { type: 'message-accepted', transmission: this.transmission, seq: this.seq, at: new Date(this.time) };
  }
}

export class ObservationLog {
  #items: (Observed | AcceptedRecord)[] = [];
  #start = 0;
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
    for (let i = this.#start; i < this.#items.length; i += 1) {
      const item = this.#items[i]!;
      if (item.type === type && item.seq > afterSeq) found.push((item instanceof AcceptedRecord ? item.observed() : item) as Observed<ObservationOf<K>>);
    }
    return found;
  }

  get size(): number {
    return this.#items.length - this.#start;
  }

  clear(): void {
    this.#items = [];
    this.#start = 0;
  }

  #push(observation: Observed<Observation>): void {
    this.#items.push(observation.type === 'message-accepted' ? new AcceptedRecord(observation.seq, observation.at.getTime(), observation.transmission) : observation);
    if (this.#items.length - this.#start > this.#capacity) this.#start += 1;
    if (this.#start > 4096 && this.#start * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#start);
      this.#start = 0;
    }
  }
}
