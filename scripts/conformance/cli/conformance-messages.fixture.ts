// A hand-written cucumber message stream (NDJSON) of a conformance run, for the tests: each
// scripted scenario has its tags, its attempts (step statuses) and the verdict JSON its last
// attempt attached, if any. Pickles not selected have no test case, as cucumber writes them.
import { VERDICT_MEDIA_TYPE, type VerdictRecord } from '../../../steps/conformance/support/scenario-verdict.ts';

export interface ScriptedAttempt {
  readonly steps: readonly (string | { readonly status: string; readonly message?: string; readonly exception?: { readonly type: string; readonly message: string } })[];
  readonly verdict?: VerdictRecord;
  /** The verdict's body in base64, as cucumber writes a Buffer attachment. */
  readonly base64?: boolean;
  /** Interrupted: no testCaseFinished. */
  readonly unfinished?: boolean;
}

export interface ScriptedScenario {
  readonly id: string;
  readonly name?: string;
  readonly uri?: string;
  readonly line?: number;
  readonly tags: readonly string[];
  /** Undefined: not selected by the tag expression (no test case). */
  readonly attempts?: readonly ScriptedAttempt[];
}

export function conformanceMessages(scenarios: readonly ScriptedScenario[]): string {
  const envelopes: unknown[] = [{ meta: { protocolVersion: '32.2.0' } }];
  for (const s of scenarios) {
    envelopes.push({ pickle: { id: s.id, uri: s.uri ?? 'features/conformite/x.feature', name: s.name ?? `scénario ${s.id}`, location: { line: s.line ?? 10, column: 5 }, astNodeIds: [], steps: [], tags: s.tags.map((name) => ({ name, astNodeId: 'x' })) } });
  }
  envelopes.push({ testRunStarted: { id: 'run', timestamp: { seconds: 0, nanos: 0 } } });
  for (const s of scenarios) if (s.attempts) envelopes.push({ testCase: { id: `tc-${s.id}`, pickleId: s.id, testSteps: [] } });
  for (const s of scenarios) {
    (s.attempts ?? []).forEach((attempt, index, all) => {
      const started = `st-${s.id}-${index}`;
      envelopes.push({ testCaseStarted: { id: started, testCaseId: `tc-${s.id}`, attempt: index } });
      for (const step of attempt.steps) {
        const result = typeof step === 'string' ? { status: step } : step;
        envelopes.push({ testStepFinished: { testCaseStartedId: started, testStepId: 'step', testStepResult: { ...result, duration: { seconds: 0, nanos: 0 } } } });
      }
      if (attempt.verdict) {
        const json = JSON.stringify(attempt.verdict);
        const body = attempt.base64 ? Buffer.from(json).toString('base64') : json;
        envelopes.push({ attachment: { testCaseStartedId: started, testStepId: 'hook', mediaType: VERDICT_MEDIA_TYPE, contentEncoding: attempt.base64 ? 'BASE64' : 'IDENTITY', body } });
      }
      if (!attempt.unfinished) envelopes.push({ testCaseFinished: { testCaseStartedId: started, willBeRetried: index < all.length - 1 } });
    });
  }
  envelopes.push({ testRunFinished: { success: false } });
  return envelopes.map((e) => JSON.stringify(e)).join('\n') + '\n';
}

export const PASSED: VerdictRecord = { verdict: 'réussi', motif: 'Toutes les vérifications sont passées.' };
export const failed = (motif: string): VerdictRecord => ({ verdict: 'échoué', motif });
export const setupError = (motif: string): VerdictRecord => ({ verdict: 'erreur de mise en place', motif });
export const inapplicable = (...missing: string[]): VerdictRecord => ({ verdict: 'inapplicable', motif: `Capacité non déclarée par le client : ${missing.join(', ')}.`, missingCapabilities: missing });
