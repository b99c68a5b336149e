// What the certification report shows of each scenario beyond its verdict, read from the run's
// cucumber messages (NDJSON): the steps of its last attempt (text, Gherkin kind, status, failure
// message, the step definition's pattern, which names the check) and its evidence attachments
// (transcripts, .eml, the client's own listing), the verdict JSON left out. Pure.
import { parseLines } from '../../requirements/run-outcomes.ts';
import { requiredCapabilities, VERDICT_MEDIA_TYPE } from '../../../steps/conformance/support/scenario-verdict.ts';
import { locationOf } from '../cli/conformance-summary.ts';

export type StepKind = 'Context' | 'Action' | 'Outcome' | 'Unknown';

export interface StepDetail {
  readonly text: string;
  readonly kind: StepKind;
  readonly status: string;
  /** The failure message, when the step did not pass. */
  readonly message?: string;
  /** The pattern of the step definition: the check's stable key (fix-catalogue.ts). */
  readonly pattern?: string;
}

export interface AttachmentDetail {
  readonly fileName: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
}

export interface ScenarioDetail {
  /** From its `@capacite:` tags. */
  readonly capabilities: readonly string[];
  /** Sum of its steps' and hooks' durations in the last attempt. */
  readonly durationMs: number;
  readonly steps: readonly StepDetail[];
  readonly attachments: readonly AttachmentDetail[];
}

interface PickleStep { readonly id: string; readonly text: string; readonly type?: string }
interface TestStep { readonly id: string; readonly pickleStepId?: string; readonly stepDefinitionIds?: readonly string[] }
interface Envelope {
  readonly pickle?: { readonly id: string; readonly uri: string; readonly location?: { readonly line: number }; readonly steps: readonly PickleStep[]; readonly tags?: readonly { readonly name: string }[] };
  readonly stepDefinition?: { readonly id: string; readonly pattern: { readonly source: string } };
  readonly testCase?: { readonly id: string; readonly pickleId: string; readonly testSteps: readonly TestStep[] };
  readonly testCaseStarted?: { readonly id: string; readonly testCaseId: string };
  readonly testStepFinished?: { readonly testCaseStartedId: string; readonly testStepId: string; readonly testStepResult: { readonly status: string; readonly duration?: { readonly seconds: number; readonly nanos: number }; readonly message?: string; readonly exception?: { readonly message?: string } } };
  readonly attachment?: { readonly testCaseStartedId?: string; readonly mediaType: string; readonly body: string; readonly contentEncoding?: string; readonly fileName?: string };
}

interface Attempt { readonly testCaseId: string; readonly steps: StepDetail[]; readonly attachments: AttachmentDetail[]; durationMs: number }

/** Details by scenario location (`uri:line`, as in the summary). */
export function readScenarioDetails(ndjson: string, file: string): Map<string, ScenarioDetail> {
  const envelopes = parseLines<Envelope>(ndjson, file);
  const patterns = new Map<string, string>();
  const pickleSteps = new Map<string, PickleStep>();
  const testSteps = new Map<string, TestStep>();
  const testCases = new Map<string, string>();
  const attempts = new Map<string, Attempt>();
  const lastAttempt = new Map<string, Attempt>();
  for (const e of envelopes) {
    if (e.stepDefinition) patterns.set(e.stepDefinition.id, e.stepDefinition.pattern.source);
    for (const step of e.pickle?.steps ?? []) pickleSteps.set(step.id, step);
    if (e.testCase) {
      testCases.set(e.testCase.id, e.testCase.pickleId);
      for (const step of e.testCase.testSteps) testSteps.set(step.id, step);
    }
    if (e.testCaseStarted) {
      const attempt: Attempt = { testCaseId: e.testCaseStarted.testCaseId, steps: [], attachments: [], durationMs: 0 };
      attempts.set(e.testCaseStarted.id, attempt);
      lastAttempt.set(testCases.get(attempt.testCaseId) ?? '', attempt);
    }
    if (e.testStepFinished) {
      const duration = e.testStepFinished.testStepResult.duration;
      const attempt = attempts.get(e.testStepFinished.testCaseStartedId);
      if (attempt && duration) attempt.durationMs += duration.seconds * 1000 + duration.nanos / 1e6;
      const detail = stepDetail(e.testStepFinished, testSteps, pickleSteps, patterns);
      if (detail) attempts.get(e.testStepFinished.testCaseStartedId)?.steps.push(detail);
    }
    const attachment = e.attachment;
    if (attachment?.testCaseStartedId !== undefined && attachment.mediaType !== VERDICT_MEDIA_TYPE) {
      const bytes = attachment.contentEncoding === 'BASE64' ? Buffer.from(attachment.body, 'base64') : Buffer.from(attachment.body, 'utf8');
      attempts.get(attachment.testCaseStartedId)?.attachments.push({ fileName: attachment.fileName ?? 'piece-jointe.bin', mediaType: attachment.mediaType, bytes });
    }
  }
  const details = new Map<string, ScenarioDetail>();
  for (const { pickle } of envelopes) {
    const attempt = pickle === undefined ? undefined : lastAttempt.get(pickle.id);
    if (pickle && attempt) details.set(locationOf({ uri: pickle.uri, line: pickle.location?.line ?? 0 }), { capabilities: requiredCapabilities(pickle.tags ?? []), durationMs: attempt.durationMs, steps: attempt.steps, attachments: attempt.attachments });
  }
  return details;
}

function stepDetail(finished: NonNullable<Envelope['testStepFinished']>, testSteps: Map<string, TestStep>, pickleSteps: Map<string, PickleStep>, patterns: Map<string, string>): StepDetail | undefined {
  const testStep = testSteps.get(finished.testStepId);
  const pickleStep = testStep?.pickleStepId === undefined ? undefined : pickleSteps.get(testStep.pickleStepId);
  if (testStep === undefined || pickleStep === undefined) return undefined; // a hook: its failure is the verdict's motif
  const result = finished.testStepResult;
  const message = result.exception?.message ?? result.message;
  const pattern = testStep.stepDefinitionIds?.length === 1 ? patterns.get(testStep.stepDefinitionIds[0] ?? '') : undefined;
  return {
    text: pickleStep.text,
    kind: stepKind(pickleStep.type),
    status: result.status,
    ...(message === undefined || result.status === 'PASSED' ? {} : { message }),
    ...(pattern === undefined ? {} : { pattern }),
  };
}

function stepKind(type: string | undefined): StepKind {
  return type === 'Context' || type === 'Action' || type === 'Outcome' ? type : 'Unknown';
}

/** The failing step of a scenario, if a step (not a hook) failed. */
export function failingStep(detail: ScenarioDetail | undefined): StepDetail | undefined {
  return detail?.steps.find((s) => s.status !== 'PASSED' && s.status !== 'SKIPPED');
}

/** A failure message without node's assertion diff and stack: what a vendor reads. */
export function readableMessage(message: string): string {
  const cut = message.search(/\n(\+ actual - expected|\s+at |\s*\+ expected - actual)/);
  return (cut < 0 ? message : message.slice(0, cut)).replace(/^AssertionError \[ERR_ASSERTION\]: /, '').trim();
}
