// What a publisher needs of the observation bus: a place to publish. Protocol adapters take this
// port (or `null` when transcripts are off, as in the benchmarks) rather than the bus itself.
import type { Observation } from './observation.ts';

export interface ObservationSink {
  publish(observation: Observation): unknown;
}
