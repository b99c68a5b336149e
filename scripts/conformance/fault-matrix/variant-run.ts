// A pool of worker processes for the faulty-variant matrix (variant-worker.ts): each loads the
// support code once, then takes jobs one at a time as it becomes free (the runs differ a lot in
// length), and answers with the message file of each run; this side reads which scenarios failed
// (scripts/requirements/run-outcomes.ts reads the same NDJSON).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeEntryArgs } from '../../../simulator/tooling-api.ts';
import { parseLines, readRunOutcomes } from '../../requirements/run-outcomes.ts';
import type { VariantResult } from './matrix-comparison.ts';
import type { VariantJob } from './variant-job.ts';

export interface WorkerPoolOptions {
  readonly root: string;
  readonly outDir: string;
  readonly processes: number;
}

interface Worker {
  readonly child: ChildProcess;
  /** Settles the job in progress with its NDJSON path, or rejects when the process dies. */
  current?: { readonly resolve: (path: string) => void; readonly reject: (error: Error) => void };
}

export class VariantWorkerPool {
  readonly #free: Worker[] = [];
  readonly #waiting: ((worker: Worker) => void)[] = [];
  readonly #workers: Worker[] = [];
  /** Last lines of every worker's error output, shown when a run fails. */
  output = '';

  constructor(options: WorkerPoolOptions) {
    const script = join(options.root, 'scripts', 'conformance', 'fault-matrix', 'variant-worker.ts');
    for (let i = 0; i < options.processes; i += 1) {
      const child = spawn(process.execPath, [...nodeEntryArgs(script), options.outDir], { cwd: options.root, stdio: ['pipe', 'pipe', 'pipe'] });
      const worker: Worker = { child };
      let pending = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          const done = /^variante (\S+) (.+)$/.exec(line);
          if (done?.[2] && worker.current) {
            const { resolve } = worker.current;
            delete worker.current;
            resolve(done[2]);
            this.#release(worker);
          } else this.output += `${line}\n`;
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => (this.output = (this.output + chunk.toString('utf8')).slice(-20_000)));
      child.on('exit', (code, signal) => {
        worker.current?.reject(new Error(`variant worker exited (${code ?? signal})`));
        delete worker.current;
      });
      this.#workers.push(worker);
      this.#release(worker);
    }
  }

  /** Runs one job on the next free worker; resolves with the run's scenario outcomes. */
  async run(job: VariantJob): Promise<VariantResult> {
    const worker = await this.#acquire();
    const ndjsonPath = await new Promise<string>((resolve, reject) => {
      worker.current = { resolve, reject };
      worker.child.stdin?.write(`${JSON.stringify(job)}\n`);
    }).catch((error: Error) => error);
    if (ndjsonPath instanceof Error) return { variant: job.variant, failed: [], other: [`la variante ne s'est pas exécutée : ${ndjsonPath.message}`] };
    return readVariant(job, ndjsonPath);
  }

  /** Ends every worker (their input closes, they finish and exit). */
  async close(): Promise<number> {
    const codes = await Promise.all(this.#workers.map((worker) => new Promise<number>((resolve) => {
      if (worker.child.exitCode !== null) return resolve(worker.child.exitCode);
      worker.child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
      worker.child.stdin?.end();
    })));
    return Math.max(0, ...codes);
  }

  #acquire(): Promise<Worker> {
    const worker = this.#free.shift();
    return worker ? Promise.resolve(worker) : new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(worker: Worker): void {
    const next = this.#waiting.shift();
    if (next) next(worker);
    else this.#free.push(worker);
  }
}

function readVariant(job: VariantJob, ndjsonPath: string): VariantResult {
  if (!existsSync(ndjsonPath)) return { variant: job.variant, failed: [], other: [`aucun résultat (${ndjsonPath} absent)`] };
  // Only the conformance scenarios ran, less the attestations (variant-worker.ts), and of those
  // only the job's when it names them: the others are left out here too.
  const selected = job.scenarios ? new Set(job.scenarios) : undefined;
  const scenarios = readRunOutcomes(readFileSync(ndjsonPath, 'utf8'), ndjsonPath).filter((s) => s.uri.startsWith('features/conformite/') && !s.attestation && (!selected || selected.has(s.name)));
  return {
    variant: job.variant,
    failed: scenarios.filter((s) => s.outcome === 'failed').map((s) => s.name),
    other: scenarios.filter((s) => s.outcome !== 'failed' && s.outcome !== 'passed').map((s) => `${s.name} (${s.outcome})`),
  };
}

/** Names of the scenarios of a run carrying a tag (the campaign reviews: @bilan-de-campagne). */
export function scenariosTagged(ndjsonPath: string, tag: string): string[] {
  type Pickle = { readonly pickle?: { readonly name: string; readonly tags: readonly { readonly name: string }[] } };
  return parseLines<Pickle>(readFileSync(ndjsonPath, 'utf8'), ndjsonPath).flatMap(({ pickle }) => (pickle?.tags.some((t) => t.name === tag) ? [pickle.name] : []));
}
