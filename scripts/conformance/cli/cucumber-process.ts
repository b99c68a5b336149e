// Runs cucumber-js once as a child process (its workers need tsx: NODE_OPTIONS, run-plan.ts),
// with the terminal inherited so that its progress shows and a person can answer the manual
// driver. Resolves with its exit code and the wall-clock duration of the whole suite.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RunPlan } from './run-plan.ts';

export interface CucumberExit {
  readonly code: number;
  readonly durationMs: number;
}

export function runCucumber(root: string, plan: RunPlan): Promise<CucumberExit> {
  const bin = join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...plan.args], { cwd: root, env: plan.env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), durationMs: performance.now() - started }));
  });
}
