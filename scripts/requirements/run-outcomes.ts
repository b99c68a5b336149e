// What a cucumber run did with each scenario, read from its message stream (the NDJSON of the
// `message:` formatter, @cucumber/messages): pickles (with their inherited tags), test cases,
// attempts and step results. The last attempt counts (retries); strict mode, so pending,
// undefined and ambiguous steps fail the scenario like a failed one.
import { RequirementsInputError } from './requirements-input-error.ts';
import { needsPerson } from '../../steps/conformance/support/attestation.ts';
import { requirementIdsOf } from './scenario-tags.ts';

export type RunOutcome = 'passed' | 'failed' | 'skipped' | 'not-run';

export interface RunScenario {
  readonly uri: string;
  readonly line: number;
  readonly name: string;
  readonly requirementIds: readonly string[];
  readonly outcome: RunOutcome;
  /** Tagged @attestation: a person answers (manual driver), nothing else can run it. */
  readonly attestation?: boolean;
}

interface Located { readonly id: string; readonly location: { readonly line: number } }
interface Envelope {
  readonly gherkinDocument?: { readonly feature?: { readonly children: readonly FeatureChild[] } };
  readonly pickle?: { readonly id: string; readonly uri: string; readonly name: string; readonly location?: { readonly line: number }; readonly astNodeIds: readonly string[]; readonly tags: readonly { readonly name: string }[] };
  readonly testCase?: { readonly id: string; readonly pickleId: string };
  readonly testCaseStarted?: { readonly id: string; readonly testCaseId: string };
  readonly testStepFinished?: { readonly testCaseStartedId: string; readonly testStepResult: { readonly status: string } };
  readonly testCaseFinished?: { readonly testCaseStartedId: string; readonly willBeRetried: boolean };
}
interface FeatureChild {
  readonly scenario?: Located & { readonly examples: readonly { readonly tableBody: readonly Located[] }[] };
  readonly rule?: { readonly children: readonly FeatureChild[] };
}

const FAILING = new Set(['FAILED', 'AMBIGUOUS', 'UNDEFINED', 'PENDING']);

export function readRunOutcomes(ndjson: string, file: string): RunScenario[] {
  const envelopes = parseLines(ndjson, file);
  const nodeLines = new Map<string, number>();
  const testCasePickle = new Map<string, string>();
  const attemptPickle = new Map<string, string>();
  const attemptStatuses = new Map<string, string[]>();
  const outcomes = new Map<string, RunOutcome>();
  for (const envelope of envelopes) {
    for (const child of envelope.gherkinDocument?.feature?.children ?? []) recordLines(child, nodeLines);
    if (envelope.testCase) testCasePickle.set(envelope.testCase.id, envelope.testCase.pickleId);
    const started = envelope.testCaseStarted;
    if (started) attemptPickle.set(started.id, testCasePickle.get(started.testCaseId) ?? '');
    const step = envelope.testStepFinished;
    if (step) attemptStatuses.set(step.testCaseStartedId, [...(attemptStatuses.get(step.testCaseStartedId) ?? []), step.testStepResult.status]);
    const finished = envelope.testCaseFinished;
    if (finished && !finished.willBeRetried) outcomes.set(attemptPickle.get(finished.testCaseStartedId) ?? '', outcomeOf(attemptStatuses.get(finished.testCaseStartedId) ?? []));
  }
  return envelopes.flatMap(({ pickle }) => {
    if (pickle === undefined) return [];
    const line = pickle.location?.line ?? nodeLines.get(pickle.astNodeIds.at(-1) ?? '') ?? 0;
    return [{ uri: pickle.uri, line, name: pickle.name, requirementIds: requirementIdsOf(pickle.tags), outcome: outcomes.get(pickle.id) ?? 'not-run', ...(needsPerson(pickle.tags) ? { attestation: true } : {}) }];
  });
}

function outcomeOf(statuses: readonly string[]): RunOutcome {
  if (statuses.some((status) => FAILING.has(status))) return 'failed';
  if (statuses.some((status) => status !== 'PASSED')) return 'skipped';
  return 'passed';
}

/** Lines of scenarios and example rows, for pickles written without a location. */
function recordLines(child: FeatureChild, lines: Map<string, number>): void {
  for (const inner of child.rule?.children ?? []) recordLines(inner, lines);
  const scenario = child.scenario;
  if (scenario === undefined) return;
  lines.set(scenario.id, scenario.location.line);
  for (const row of scenario.examples.flatMap((examples) => examples.tableBody)) lines.set(row.id, row.location.line);
}

/** The envelopes of a cucumber message stream, one JSON object per line. */
export function parseLines<E = Envelope>(ndjson: string, file: string): E[] {
  return ndjson.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as E];
    } catch {
      throw new RequirementsInputError('RUN_UNREADABLE', `${file}:${index + 1} : ligne qui n'est pas du JSON : produisez le fichier avec le format cucumber « message:${file} ».`);
    }
  });
}
