// Runs cucumber-js once as a child process (its workers need tsx: NODE_OPTIONS, run-plan.ts),
// with the terminal inherited so that its progress shows and a person can answer the manual
// driver. Resolves with its exit code and the wall-clock duration of the whole suite. SIGINT or
// SIGTERM to `conformite` reaches cucumber and every worker it forked (simulator/cli/process-tree.ts), so that
// no simulator outlives the campaign.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { signalTree } from '../../../simulator/tooling-api.ts';
import type { RunPlan } from './run-plan.ts';

export interface CucumberExit {
  readonly code: number;
  readonly durationMs: number;
  /** The signal that interrupted the campaign. */
  readonly interrupted?: NodeJS.Signals;
}

export function runCucumber(root: string, plan: RunPlan): Promise<CucumberExit> {
  const bin = join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...plan.args], { cwd: root, env: plan.env, stdio: 'inherit' });
    let interrupted: NodeJS.Signals | undefined;
    const forward = (signal: NodeJS.Signals) => {
      interrupted = signal;
      if (child.pid !== undefined) signalTree(child.pid, signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code: code ?? (signal ? 1 : 0), durationMs: performance.now() - started, ...(interrupted ? { interrupted } : {}) });
    });
  });
}
