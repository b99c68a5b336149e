// The data of `conformite-synthese.json` and `.md`: overall verdict, client
// identity and capabilities, suite version, date and duration, counts, the verdict per
// requirement with its scenarios, and every scenario with its motif. Pure.
import type { Level } from '../../requirements/requirement-register.ts';
import type { ScenarioVerdict } from '../../../steps/conformance/support/scenario-verdict.ts';
import type { ClientProfile } from './client-profile.ts';
import { exitCodeOf, type OverallVerdict, type RunVerdict, type VerdictCounts } from './conformance-verdict.ts';
import type { ScenarioResult } from './scenario-verdicts.ts';
import type { SuiteVersion } from './suite-version.ts';

export interface RunFacts {
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly tagExpression: string;
  readonly parallel: number;
  readonly fixturesDir?: string;
}

export interface ConformanceSummary {
  readonly verdict: OverallVerdict;
  readonly reason: string;
  readonly exitCode: 0 | 1 | 78;
  readonly client: ClientProfile;
  readonly suite: SuiteVersion;
  readonly run: { readonly startedAt: string; readonly durationMs: number; readonly tags: string; readonly parallel: number; readonly fixturesDir?: string };
  readonly counts: { readonly scenarios: VerdictCounts; readonly requirements: VerdictCounts };
  /** Failed requirements that are not mandatory. */
  readonly reservations: readonly string[];
  readonly requirements: readonly {
    readonly id: string;
    readonly level: Level | null;
    readonly text: string;
    readonly verdict: ScenarioVerdict;
    readonly scenarios: readonly { readonly name: string; readonly location: string; readonly verdict: ScenarioVerdict }[];
  }[];
  readonly scenarios: readonly (ScenarioResult & { readonly location: string })[];
}

export function buildSummary(judged: RunVerdict, scenarios: readonly ScenarioResult[], client: ClientProfile, suite: SuiteVersion, facts: RunFacts): ConformanceSummary {
  return {
    verdict: judged.overall,
    reason: judged.reason,
    exitCode: exitCodeOf(judged.overall),
    client,
    suite,
    run: {
      startedAt: facts.startedAt.toISOString(),
      durationMs: Math.round(facts.durationMs),
      tags: facts.tagExpression,
      parallel: facts.parallel,
      ...(facts.fixturesDir === undefined ? {} : { fixturesDir: facts.fixturesDir }),
    },
    counts: { scenarios: judged.scenarioCounts, requirements: judged.requirementCounts },
    reservations: judged.reservations,
    requirements: judged.requirements.map((r) => ({
      id: r.id,
      level: r.level ?? null,
      text: r.text,
      verdict: r.verdict,
      scenarios: r.scenarios.map((s) => ({ name: s.name, location: locationOf(s), verdict: s.verdict })),
    })),
    scenarios: scenarios.map((s) => ({ ...s, location: locationOf(s) })),
  };
}

export function locationOf(scenario: { readonly uri: string; readonly line: number }): string {
  return `${scenario.uri}:${scenario.line}`;
}

/** « 850 ms », « 12,3 s », « 1 min 05 s ». */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1).replace('.', ',')} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
