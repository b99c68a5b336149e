// Which scenarios each faulty variant must run (fault-matrix.ts). The correct reference client
// runs the whole suite first with the fault probe on (steps/conformance/support/fault-probe.ts):
// every fork of its behaviour asks `FaultSet.has(fault)`, so in a scenario where it never asks a
// fault, the variant with that fault does exactly what the correct client did, and passes as it
// did. Each variant therefore runs the scenarios that ask its fault, plus the campaign reviews
// (they read the whole run). A fault asked outside any scenario may reach them all: that variant
// runs everything. Pure.
import type { ReferenceFault } from '../../../simulator/tooling-api.ts';
import { OUTSIDE_SCENARIOS } from '../../../steps/conformance/support/fault-probe.ts';

/** Scenario name → faults it asked, as the reference run wrote it. */
export type RecordedReach = Readonly<Record<string, readonly string[]>>;

/** The scenarios a variant runs: a list of names, or `undefined` for every scenario. */
export function scenariosForFault(fault: ReferenceFault, reach: RecordedReach, reviews: readonly string[]): readonly string[] | undefined {
  if (reach[OUTSIDE_SCENARIOS]?.includes(fault)) return undefined;
  const asking = Object.keys(reach).filter((scenario) => scenario !== OUTSIDE_SCENARIOS && reach[scenario]?.includes(fault));
  return [...new Set([...asking, ...reviews])];
}
