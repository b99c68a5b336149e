// The verdict of a run per requirement: réussi when every
// scenario tagged with it passed, échoué when one failed, non exécuté when some did not run
// (filtered out, skipped as inapplicable, or no run given), non testé when no scenario covers it.
// The scenarios are those on disk; the run only tells what happened to each (matched by file
// and line). A scenario of the run no longer on disk still counts, so nothing is hidden.
import type { Level, Requirement } from './requirement-register.ts';
import type { RunOutcome, RunScenario } from './run-outcomes.ts';
import type { TaggedScenario } from './scenario-tags.ts';

export const VERDICTS = ['réussi', 'échoué', 'non exécuté', 'non testé'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface CoverageRow {
  readonly id: string;
  readonly level: Level;
  readonly scenarios: number;
  readonly passed: number;
  readonly failed: number;
  readonly verdict: Verdict;
  readonly reason: string;
}

export function computeVerdicts(requirements: readonly Requirement[], onDisk: readonly TaggedScenario[], run: readonly RunScenario[] = []): CoverageRow[] {
  const keyOf = (scenario: { uri: string; line: number }) => `${scenario.uri}:${scenario.line}`;
  const outcomes = new Map(run.map((scenario) => [keyOf(scenario), scenario.outcome]));
  const diskKeys = new Set(onDisk.map(keyOf));
  const scenarios = [...onDisk, ...run.filter((scenario) => !diskKeys.has(keyOf(scenario)))];
  return requirements.map((requirement) => {
    const mine = scenarios.filter((scenario) => scenario.requirementIds.includes(requirement.id));
    const results: RunOutcome[] = mine.map((scenario) => outcomes.get(keyOf(scenario)) ?? 'not-run');
    const passed = results.filter((outcome) => outcome === 'passed').length;
    const failed = results.filter((outcome) => outcome === 'failed').length;
    return { id: requirement.id, level: requirement.level, scenarios: mine.length, passed, failed, verdict: verdictOf(mine.length, passed, failed), reason: requirement.reasonNotTested };
  });
}

function verdictOf(scenarios: number, passed: number, failed: number): Verdict {
  if (scenarios === 0) return 'non testé';
  if (failed > 0) return 'échoué';
  if (passed === scenarios) return 'réussi';
  return 'non exécuté';
}
