// Runs the conformance scenarios against several variants of the reference client in one
// worker process (variant-worker.ts: the support code is loaded once, each run has its own
// simulator), then reads which scenarios failed from each run's messages
// (scripts/requirements/run-outcomes.ts reads the same NDJSON).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRunOutcomes } from '../../requirements/run-outcomes.ts';
import type { VariantResult } from './matrix-comparison.ts';

export interface VariantBatchOptions {
  readonly root: string;
  readonly faults: readonly string[];
  readonly outDir: string;
  /** Called as soon as a variant's run is over. */
  readonly onResult: (result: VariantResult) => void;
}

export async function runVariants(options: VariantBatchOptions): Promise<{ readonly exitCode: number; readonly output: string }> {
  const script = join(options.root, 'scripts', 'conformance', 'fault-matrix', 'variant-worker.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, options.outDir, ...options.faults], { cwd: options.root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const done = /^variante (\S+) (.+)$/.exec(line);
      if (done?.[1] && done[2]) options.onResult(readVariant(done[1], done[2]));
      else output += `${line}\n`;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exitCode = await new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return { exitCode, output };
}

function readVariant(variant: string, ndjsonPath: string): VariantResult {
  if (!existsSync(ndjsonPath)) return { variant, failed: [], other: [`aucun résultat (${ndjsonPath} absent)`] };
  // The run holds every pickle of the features folder; only the conformance scenarios ran, less
  // the attestations (variant-worker.ts), which are therefore left out here too.
  const scenarios = readRunOutcomes(readFileSync(ndjsonPath, 'utf8'), ndjsonPath).filter((s) => s.uri.startsWith('features/conformite/') && !s.attestation);
  return {
    variant,
    failed: scenarios.filter((s) => s.outcome === 'failed').map((s) => s.name),
    other: scenarios.filter((s) => s.outcome !== 'failed' && s.outcome !== 'passed').map((s) => `${s.name} (${s.outcome})`),
  };
}
