// The data of `conformite-synthese.json` and `.md`: overall verdict, client
// identity and capabilities, suite version, date and duration, counts, the verdict per
// requirement with its scenarios, and every scenario with its motif. Each verdict has a stable
// code (`verdictCode`, verdict-codes.ts) beside its French label (`verdict`); the JSON file's
// schema is scripts/conformance/schemas/conformite-synthese.schema.json. Pure.
import type { Level } from '../../requirements/requirement-register.ts';
import { coverageLine, type RegisterCoverage } from '../../requirements/register-coverage.ts';
import type { ScenarioVerdict } from '../../../steps/conformance/support/scenario-verdict.ts';
import type { ClientProfile } from './client-profile.ts';
import { exitCodeOf, type RunVerdict, type VerdictCounts } from './conformance-verdict.ts';
import type { ScenarioResult } from './scenario-verdicts.ts';
import type { SuiteVersion } from './suite-version.ts';
import { OVERALL_LABELS, overallCode, SCENARIO_CODES, type OverallCode, type ScenarioCode } from './verdict-codes.ts';

/** Where the JSON summary's schema is published, relative to the repository. */
export const SUMMARY_SCHEMA_PATH = 'scripts/conformance/schemas/conformite-synthese.schema.json';

export interface RunFacts {
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly tagExpression: string;
  readonly parallel: number;
  readonly fixturesDir?: string;
  /** The product's name and version given with --produit, over the client's own. */
  readonly product?: string;
  /** The register's coverage by the suite's scenarios (independent of this run's results). */
  readonly registerCoverage?: RegisterCoverage;
}

/** The certified product: what the client declared (`capabilities`) or what --produit says. */
export interface ProductIdentity {
  readonly label: string;
  readonly source: 'capabilities' | '--produit';
}

export interface ConformanceSummary {
  readonly schema: string;
  readonly verdictCode: OverallCode;
  /** French label of verdictCode. */
  readonly verdict: string;
  readonly reason: string;
  readonly exitCode: 0 | 1 | 78;
  readonly client: ClientProfile;
  readonly product: ProductIdentity;
  readonly suite: SuiteVersion;
  readonly run: { readonly startedAt: string; readonly durationMs: number; readonly tags: string; readonly parallel: number; readonly fixturesDir?: string };
  readonly counts: { readonly scenarios: VerdictCounts; readonly requirements: VerdictCounts };
  /** DOIT requirements in scope with a scenario / DOIT in scope, and the French line saying it. */
  readonly coverage?: RegisterCoverage & { readonly line: string };
  /** Failed requirements that are not mandatory. */
  readonly reservations: readonly string[];
  readonly requirements: readonly {
    readonly id: string;
    readonly level: Level | null;
    readonly text: string;
    readonly verdictCode: ScenarioCode;
    readonly verdict: ScenarioVerdict;
    readonly scenarios: readonly { readonly name: string; readonly location: string; readonly verdictCode: ScenarioCode; readonly verdict: ScenarioVerdict }[];
  }[];
  readonly scenarios: readonly (ScenarioResult & { readonly location: string; readonly verdictCode: ScenarioCode })[];
}

export function buildSummary(judged: RunVerdict, scenarios: readonly ScenarioResult[], client: ClientProfile, suite: SuiteVersion, facts: RunFacts): ConformanceSummary {
  const code = overallCode(judged.overall, judged.reservations);
  return {
    schema: SUMMARY_SCHEMA_PATH,
    verdictCode: code,
    verdict: OVERALL_LABELS[code],
    reason: judged.reason,
    exitCode: exitCodeOf(judged.overall),
    client,
    product: facts.product === undefined ? { label: productLabel(client), source: 'capabilities' } : { label: facts.product, source: '--produit' },
    suite,
    run: {
      startedAt: facts.startedAt.toISOString(),
      durationMs: Math.round(facts.durationMs),
      tags: facts.tagExpression,
      parallel: facts.parallel,
      ...(facts.fixturesDir === undefined ? {} : { fixturesDir: facts.fixturesDir }),
    },
    counts: { scenarios: judged.scenarioCounts, requirements: judged.requirementCounts },
    ...(facts.registerCoverage === undefined ? {} : { coverage: { ...facts.registerCoverage, line: coverageLine(facts.registerCoverage) } }),
    reservations: judged.reservations,
    requirements: judged.requirements.map((r) => ({
      id: r.id,
      level: r.level ?? null,
      text: r.text,
      verdictCode: SCENARIO_CODES[r.verdict],
      verdict: r.verdict,
      scenarios: r.scenarios.map((s) => ({ name: s.name, location: locationOf(s), verdictCode: SCENARIO_CODES[s.verdict], verdict: s.verdict })),
    })),
    scenarios: scenarios.map((s) => ({ ...s, location: locationOf(s), verdictCode: SCENARIO_CODES[s.verdict] })),
  };
}

/** « Nom 1.2.3 (Éditeur) », from the client's `capabilities`; an empty version is left out. */
export function productLabel(client: ClientProfile): string {
  const { name, version, vendor } = client.client;
  return `${[name, version.trim()].filter((part) => part !== '').join(' ')}${vendor ? ` (${vendor})` : ''}`;
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
