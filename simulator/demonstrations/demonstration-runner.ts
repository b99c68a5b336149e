// Plays demonstrations step by step for the web UI: one run per POST, one step per `next`
// (never two at once), a bounded wait per step, every change told to the `onRun` listeners (the
// `demonstration` server-sent event). The clients a run configured are reset at its end.
import type { RunningTrustSpace } from '../trust-space/trust-space.ts';
import { DEMONSTRATIONS } from './catalogue/index.ts';
import { DemonstrationContext, type DriverFactory } from './demonstration-context.ts';
import { summarise, type Demonstration, type DemonstrationLogEntry, type DemonstrationRun, type DemonstrationSummary } from './demonstration.ts';

export interface DemonstrationRunnerOptions {
  readonly catalogue?: readonly Demonstration[];
  readonly createDriver?: DriverFactory;
  /** Runs kept for GET; the oldest finished ones go first. */
  readonly keep?: number;
  readonly stepTimeoutMs?: number;
}

interface LiveRun {
  run: DemonstrationRun;
  readonly demonstration: Demonstration;
  readonly context: DemonstrationContext;
}

export type NextOutcome = { readonly ok: true; readonly run: DemonstrationRun } | { readonly ok: false; readonly run: DemonstrationRun };

/** Tells its `onRun` listeners of every change of a run. */
export class DemonstrationRunner {
  readonly #runs = new Map<string, LiveRun>();
  readonly #listeners = new Set<(run: DemonstrationRun) => void>();
  readonly #catalogue: readonly Demonstration[];
  readonly #options: DemonstrationRunnerOptions;
  #sequence = 0;

  constructor(
    private readonly space: RunningTrustSpace,
    options: DemonstrationRunnerOptions = {},
  ) {
    this.#catalogue = options.catalogue ?? DEMONSTRATIONS;
    this.#options = options;
  }

  /** Called at each change of a run; returns the unsubscribe function. */
  onRun(listener: (run: DemonstrationRun) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Listeners now (open event streams): lets tests check none leaks. */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  list(): DemonstrationSummary[] {
    return this.#catalogue.map(summarise);
  }

  has(id: string): boolean {
    return this.#catalogue.some((d) => d.id === id);
  }

  /** A new run, `ready`, or undefined when no demonstration has that id. */
  start(id: string): DemonstrationRun | undefined {
    const demonstration = this.#catalogue.find((d) => d.id === id);
    if (!demonstration) return undefined;
    this.#sequence += 1;
    const runId = `d-${String(this.#sequence).padStart(4, '0')}`;
    const run: DemonstrationRun = { runId, demonstrationId: id, title: demonstration.title, stepIndex: 0, stepCount: demonstration.steps.length, status: 'ready', log: [] };
    this.#runs.set(runId, { run, demonstration, context: new DemonstrationContext(this.space, this.#options.createDriver) });
    this.#trim();
    this.#tell(run);
    return run;
  }

  get(runId: string): DemonstrationRun | undefined {
    return this.#runs.get(runId)?.run;
  }

  /** Runs the next step; `ok: false` (nothing done) when the run is running, finished or failed. */
  async next(runId: string): Promise<NextOutcome | undefined> {
    const live = this.#runs.get(runId);
    if (!live) return undefined;
    if (live.run.status !== 'ready' && live.run.status !== 'waiting') return { ok: false, run: live.run };
    const index = live.run.stepIndex;
    const step = live.demonstration.steps[index]!;
    const entry: DemonstrationLogEntry = { stepIndex: index, title: step.title, narration: step.narration };
    this.#update(live, { status: 'running', log: [...live.run.log, entry] });
    let outcome: string;
    let failed = false;
    try {
      outcome = await withTimeout(step.run(live.context), this.#options.stepTimeoutMs ?? 30_000);
    } catch (error) {
      failed = true;
      outcome = `Échec de l'étape : ${error instanceof Error ? error.message : String(error)}`;
    }
    const last = index + 1 >= live.run.stepCount;
    const status = failed ? 'failed' : last ? 'finished' : 'waiting';
    this.#update(live, { status, stepIndex: failed ? index : index + 1, log: [...live.run.log.slice(0, -1), { ...entry, outcome }] });
    if (status !== 'waiting') await live.context.dispose();
    return { ok: true, run: live.run };
  }

  #tell(run: DemonstrationRun): void {
    for (const listener of [...this.#listeners]) listener(run);
  }

  #update(live: LiveRun, change: Partial<DemonstrationRun>): void {
    live.run = { ...live.run, ...change };
    this.#tell(live.run);
  }

  #trim(): void {
    const keep = this.#options.keep ?? 20;
    for (const [id, live] of this.#runs) {
      if (this.#runs.size <= keep) return;
      if (live.run.status !== 'running') {
        this.#runs.delete(id);
        void live.context.dispose();
      }
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`l'étape n'a pas abouti en ${Math.round(ms / 1000)} s ; consultez le journal du simulateur`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
