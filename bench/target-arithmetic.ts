// What the SMTP throughput targets would cost, computed from the same run: for each target
// (the simulator at a given ratio of a reference's msg/s), the msg/s it asks for and the CPU
// cores that rate would take at the simulator's CPU per message measured in the same series
// (the whole process: its JavaScript thread and V8's and libuv's helper threads). A target
// asking for more cores than the machine has, the load generator running beside, cannot be met
// on it by spreading the same work over threads or processes: only by doing less per message.
import type { Measure } from './bench-summary.ts';

export interface ThroughputTarget {
  readonly simulator: string;
  readonly reference: string;
  /** The simulator's msg/s over the reference's, at least. */
  readonly ratio: number;
}

/** The targets the project set itself (README, Performances). */
export const SMTP_TARGETS: readonly ThroughputTarget[] = [
  { simulator: 'simulateur-avis', reference: 'smtp-sink', ratio: 0.3 },
  { simulator: 'simulateur-avis', reference: 'smtp-server', ratio: 0.85 },
  { simulator: 'simulateur-remise', reference: 'smtp-sink', ratio: 0.33 },
];

export interface TargetCost {
  /** msg/s the target asks for, in this series. */
  readonly neededMsgPerSecond: number;
  /** CPU cores that rate takes at the simulator's CPU per message measured in the same series. */
  readonly neededCores: number;
}

/** One cost per series holding both the simulator and the reference (same `repeat`). */
export function targetCosts(results: readonly Measure[], target: ThroughputTarget): TargetCost[] {
  const costs: TargetCost[] = [];
  for (const simulator of results.filter((r) => r.target === target.simulator && r.cpuMsPerMessage > 0)) {
    const reference = results.find((r) => r.target === target.reference && r.mode === simulator.mode && r.repeat === simulator.repeat);
    if (!reference || reference.msgPerSecond <= 0) continue;
    const neededMsgPerSecond = target.ratio * reference.msgPerSecond;
    costs.push({ neededMsgPerSecond, neededCores: (neededMsgPerSecond * simulator.cpuMsPerMessage) / 1000 });
  }
  return costs;
}
