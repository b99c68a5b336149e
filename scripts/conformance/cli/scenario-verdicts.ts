// The verdict of each scenario of a conformance run, read from its cucumber messages (NDJSON):
// the verdict JSON the conformance hooks attach (scenario-verdict.ts, VERDICT_MEDIA_TYPE), the
// last attempt counting (retries). A scenario without one gets a verdict from its step results
// and is never counted as passed: the hooks did not judge it (never silently passed, REG-DEC-04).
// Only selected scenarios count (cucumber emits a test case for them, a pickle for every one).
import { RequirementsInputError } from '../../requirements/requirements-input-error.ts';
import { requirementIdsOf } from '../../requirements/scenario-tags.ts';
import { parseLines } from '../../requirements/run-outcomes.ts';
import { VERDICT_MEDIA_TYPE, verdictOfResult, type ScenarioVerdict, type VerdictRecord } from '../../../steps/conformance/support/scenario-verdict.ts';

export interface ScenarioResult {
  readonly uri: string;
  readonly line: number;
  readonly name: string;
  readonly requirementIds: readonly string[];
  readonly verdict: ScenarioVerdict;
  /** French. */
  readonly motif: string;
  readonly missingCapabilities: readonly string[];
}

interface StepResult { readonly status: string; readonly message?: string; readonly exception?: { readonly type: string; readonly message?: string } }
interface Envelope {
  readonly pickle?: { readonly id: string; readonly uri: string; readonly name: string; readonly location?: { readonly line: number }; readonly tags: readonly { readonly name: string }[] };
  readonly testCase?: { readonly id: string; readonly pickleId: string };
  readonly testCaseStarted?: { readonly id: string; readonly testCaseId: string };
  readonly testStepFinished?: { readonly testCaseStartedId: string; readonly testStepResult: StepResult };
  readonly testCaseFinished?: { readonly testCaseStartedId: string; readonly willBeRetried: boolean };
  readonly attachment?: { readonly testCaseStartedId?: string; readonly mediaType: string; readonly body: string; readonly contentEncoding?: string };
}

interface Attempt { readonly pickleId: string; readonly steps: StepResult[]; verdict?: VerdictRecord; finished: boolean }

export function readScenarioVerdicts(ndjson: string, file: string): ScenarioResult[] {
  const envelopes = parseLines<Envelope>(ndjson, file);
  const casePickle = new Map<string, string>();
  const attempts = new Map<string, Attempt>();
  const lastAttempt = new Map<string, Attempt>();
  for (const envelope of envelopes) {
    if (envelope.testCase) casePickle.set(envelope.testCase.id, envelope.testCase.pickleId);
    const started = envelope.testCaseStarted;
    if (started) {
      const attempt: Attempt = { pickleId: casePickle.get(started.testCaseId) ?? '', steps: [], finished: false };
      attempts.set(started.id, attempt);
      lastAttempt.set(attempt.pickleId, attempt);
    }
    const step = envelope.testStepFinished;
    if (step) attempts.get(step.testCaseStartedId)?.steps.push(step.testStepResult);
    const attachment = envelope.attachment;
    if (attachment?.mediaType === VERDICT_MEDIA_TYPE && attachment.testCaseStartedId !== undefined) {
      const attempt = attempts.get(attachment.testCaseStartedId);
      if (attempt) attempt.verdict = parseVerdict(attachment.body, attachment.contentEncoding, file);
    }
    const finished = envelope.testCaseFinished;
    if (finished) {
      const attempt = attempts.get(finished.testCaseStartedId);
      if (attempt) attempt.finished = true;
    }
  }
  const selected = new Set(casePickle.values());
  return envelopes.flatMap(({ pickle }) => {
    if (pickle === undefined || !selected.has(pickle.id)) return [];
    const record = verdictOfAttempt(lastAttempt.get(pickle.id));
    return [{ uri: pickle.uri, line: pickle.location?.line ?? 0, name: pickle.name, requirementIds: requirementIdsOf(pickle.tags), verdict: record.verdict, motif: record.motif, missingCapabilities: record.missingCapabilities ?? [] }];
  });
}

function verdictOfAttempt(attempt: Attempt | undefined): VerdictRecord {
  if (attempt === undefined || !attempt.finished) return { verdict: 'erreur de mise en place', motif: "Scénario non exécuté jusqu'au bout : l'exécution a été interrompue (voyez la sortie de cucumber)." };
  if (attempt.verdict) return attempt.verdict;
  const worst = attempt.steps.find((step) => step.status !== 'PASSED') ?? { status: 'PASSED' };
  if (worst.status !== 'PASSED' && worst.status !== 'SKIPPED') return verdictOfResult(worst);
  const outcome = worst.status === 'PASSED' ? 'toutes ses étapes sont passées' : 'étapes sautées';
  return { verdict: 'erreur de mise en place', motif: `Aucun verdict joint par les crochets de conformité (${outcome}) : le scénario est-il bien étiqueté @conformite ?` };
}

function parseVerdict(body: string, encoding: string | undefined, file: string): VerdictRecord {
  const text = encoding === 'BASE64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  try {
    return JSON.parse(text) as VerdictRecord;
  } catch {
    throw new RequirementsInputError('RUN_UNREADABLE', `${file} : verdict joint illisible (« ${text.slice(0, 80)} ») : produisez le fichier avec les crochets de steps/conformance.`);
  }
}

