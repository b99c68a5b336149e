// What a publisher needs of the observation bus: a place to publish. Protocol adapters take this
// port (or `null` when transcripts are off, as in the benchmarks) rather than the bus itself.
import type { Observation } from './observation.ts';

export interface ObservationSink {
  /** Returns the observation as delivered (with its instant) when the sink dates it. */
  publish(observation: Observation): { readonly at: Date } | void;
}
