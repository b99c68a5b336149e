// A démonstration (REG-OFF): a guided sequence a trainer plays step by step in
// the web UI, each step narrated in French (1–3 sentences) and ending with a French sentence
// that says what happened in the trust space.
import type { DemonstrationContext } from './demonstration-context.ts';

export interface DemonstrationStep {
  readonly title: string;
  /** French, pedagogical: what the audience is about to see and why it matters. */
  readonly narration: string;
  /** Acts (reference client, Mon espace santé) and answers the French outcome sentence. */
  run(context: DemonstrationContext): Promise<string>;
}

export interface Demonstration {
  /** ASCII kebab-case, stable: the web UI and the API name a demonstration by it. */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly DemonstrationStep[];
}

/** GET /api/demonstrations: a demonstration without its code. */
export interface DemonstrationSummary {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly { readonly title: string; readonly narration: string }[];
}

export type DemonstrationStatus = 'ready' | 'running' | 'waiting' | 'finished' | 'failed';

export interface DemonstrationLogEntry {
  readonly stepIndex: number;
  readonly title: string;
  readonly narration: string;
  /** Absent while the step runs; the French outcome, or why it failed. */
  readonly outcome?: string;
}

export interface DemonstrationRun {
  readonly runId: string;
  readonly demonstrationId: string;
  readonly title: string;
  /** Index of the next step to run; `stepCount` once finished. */
  readonly stepIndex: number;
  readonly stepCount: number;
  readonly status: DemonstrationStatus;
  readonly log: readonly DemonstrationLogEntry[];
}

export function summarise(demonstration: Demonstration): DemonstrationSummary {
  return {
    id: demonstration.id,
    title: demonstration.title,
    summary: demonstration.summary,
    steps: demonstration.steps.map(({ title, narration }) => ({ title, narration })),
  };
}

/** A step could not show what it should: the message says what happened and what to do. */
export class DemonstrationStepError extends Error {
  readonly code = 'MSS_SIM_DEMONSTRATION_STEP_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'DemonstrationStepError';
  }
}
