// Runs the conformance scenarios against one variant of the reference client in its own
// cucumber-js process (its own simulator), and reads which scenarios failed from the run's
// messages (scripts/requirements/run-outcomes.ts reads the same NDJSON).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readRunOutcomes } from '../../requirements/run-outcomes.ts';
import type { VariantResult } from './matrix-comparison.ts';

export interface VariantRunOptions {
  readonly root: string;
  readonly variant: string;
  /** Empty for the correct client. */
  readonly faults: readonly string[];
  readonly ndjsonPath: string;
}

export async function runVariant(options: VariantRunOptions): Promise<VariantResult & { readonly durationMs: number; readonly exitCode: number; readonly output: string }> {
  const started = performance.now();
  const args = ['cucumber-js', '--profile', 'sansRapports', '--tags', '@conformite', '--format', `message:${options.ndjsonPath}`];
  const env = { ...process.env, NODE_OPTIONS: '--import tsx', MSS_CLIENT: 'reference', MSS_VARIANTE: options.faults.join(',') };
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn('npx', args, { cwd: options.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('exit', (exitCode, signal) => resolve({ code: exitCode ?? (signal ? 1 : 0), output }));
  });
  // The run holds every pickle of the features folder; only the conformance scenarios ran.
  const scenarios = readRunOutcomes(readFileSync(options.ndjsonPath, 'utf8'), options.ndjsonPath).filter((s) => s.uri.startsWith('features/conformite/'));
  return {
    variant: options.variant,
    failed: scenarios.filter((s) => s.outcome === 'failed').map((s) => s.name),
    other: scenarios.filter((s) => s.outcome !== 'failed' && s.outcome !== 'passed').map((s) => `${s.name} (${s.outcome})`),
    durationMs: performance.now() - started,
    exitCode: code,
    output,
  };
}
