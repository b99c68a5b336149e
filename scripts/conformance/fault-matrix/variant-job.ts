// What the matrix (fault-matrix.ts) asks a worker process (variant-worker.ts) to run: one JSON
// line per job. Pure, shared by both sides.
import { join } from 'node:path';

/** The job name of the correct reference client, run first with the fault probe on. */
export const REFERENCE_JOB = 'reference';

export interface VariantJob {
  /** A fault of the reference client, or REFERENCE_JOB. */
  readonly variant: string;
  /** Scenario names to run; every conformance scenario when absent. */
  readonly scenarios?: readonly string[];
}

export function parseVariantJob(line: string): VariantJob {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null || typeof (value as VariantJob).variant !== 'string') throw new Error(`variant job without a variant: ${line}`);
  const scenarios = (value as VariantJob).scenarios;
  if (scenarios !== undefined && !(Array.isArray(scenarios) && scenarios.every((s) => typeof s === 'string'))) throw new Error(`variant job with bad scenarios: ${line}`);
  return value as VariantJob;
}

/** cucumber's `names` are regular expressions: one that matches this name and no other. */
export function exactNamePattern(name: string): string {
  return `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}

/** Where the reference run writes which scenario asked which fault. */
export function reachFile(outDir: string): string {
  return join(outDir, 'portee-des-variantes.json');
}
