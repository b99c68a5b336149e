// The observation bus with its standard readers attached: the log of recent observations and the
// French text journal. One wiring for the composition root, the test kits and the benchmarks.
import { Journal } from './journal.ts';
import { writeJournal } from './journal-writer.ts';
import { ObservationBus } from './observation-bus.ts';
import { ObservationLog } from './observation-log.ts';
import type { ObservationOf, ObservationType, Observed } from './observation.ts';
import type { ObservationSource } from './observation-bus.ts';

/** The typed observations of a trust space: live, and the recent ones kept. */
export interface TrustSpaceObservations extends ObservationSource {
  /** Kept observations of `type` after sequence `afterSeq` (default: all kept), oldest first; emptied by a reset. */
  list<K extends ObservationType>(type: K, afterSeq?: number): Observed<ObservationOf<K>>[];
  /** Sequence of the last observation: a mark for "since now". */
  readonly lastSeq: number;
}

export interface Observations {
  readonly bus: ObservationBus;
  readonly journal: Journal;
  /** What readers outside the simulator see (the trust-space handle's `observations`). */
  readonly reader: TrustSpaceObservations;
}

export interface ObservationsOptions {
  readonly now?: () => Date;
  /** Observations kept for later readers (default DEFAULT_OBSERVATION_CAPACITY). */
  readonly logCapacity?: number;
}

export function createObservations(options: ObservationsOptions = {}): Observations {
  const bus = new ObservationBus(options.now ? { now: options.now } : {});
  const log = new ObservationLog(bus, options.logCapacity);
  const journal = new Journal(options.now ? { now: options.now } : {});
  writeJournal(bus, journal);
  const reader: TrustSpaceObservations = {
    on: (type, handler) => bus.on(type, handler),
    onAny: (handler) => bus.onAny(handler),
    list: (type, afterSeq) => log.list(type, afterSeq),
    get lastSeq() {
      return bus.lastSeq;
    },
  };
  return { bus, journal, reader };
}
