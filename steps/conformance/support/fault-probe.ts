// The faulty-variant matrix's reachability probe: while the correct reference client runs the
// suite, which scenario asked which fault (FaultSet.has). A fault the correct client never asks
// in a scenario cannot change what it does there, so the matrix runs each variant only on the
// scenarios that ask its fault (scripts/conformance/fault-matrix/fault-reach.ts). Asks made
// outside any scenario are kept apart: they may reach every scenario.
import type { ReferenceFault } from '../../../simulator/public-api.ts';

/** Name under which asks made between scenarios (set-up, timers after a scenario) are kept. */
export const OUTSIDE_SCENARIOS = '(hors scénario)';

export type FaultReach = Map<string, Set<ReferenceFault>>;

let recording: FaultReach | undefined;
let scenario: string | undefined;

/** Starts recording (the matrix's reference run, in this process); returns the live record. */
export function startFaultProbe(): FaultReach {
  recording = new Map();
  scenario = undefined;
  return recording;
}

export function stopFaultProbe(): void {
  recording = undefined;
  scenario = undefined;
}

/** The conformance hooks say which scenario runs (undefined between scenarios). */
export function enterScenario(name: string | undefined): void {
  scenario = name;
}

/** Given to the reference driver: a no-op unless the probe records. */
export function faultAsked(fault: ReferenceFault): void {
  if (!recording) return;
  const key = scenario ?? OUTSIDE_SCENARIOS;
  let asked = recording.get(key);
  if (!asked) recording.set(key, (asked = new Set()));
  asked.add(fault);
}
