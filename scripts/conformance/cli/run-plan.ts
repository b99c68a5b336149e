// How `conformite` runs cucumber-js: once, on @conformite and the user's tags, with
// the project's configuration minus its reports (profile `sansRapports` of cucumber.js: command-
// line formats are added to a profile's, so the default one would also write reports/cucumber.*)
// and its own report files, the client chosen
// through the environment the workers read (driver-choice.ts, simulator-lifecycle.ts), and as
// many workers as the client allows, each with its own simulator (REG-DEC-03). Under the test
// run, the support code may come built into one file (`prebuiltSupport`, profile
// `sansRapportsPrecompile`, no tsx). Pure.
import { join } from 'node:path';
import type { ClientProfile } from './client-profile.ts';
import type { ConformanceOptions } from './conformance-options.ts';

export const CONFORMANCE_TAG = '@conformite';
/** The profile of cucumber.js without report files. */
export const CUCUMBER_PROFILE = 'sansRapports';
/** The same without support files, given built by --import (simulator/cli/node-entry.ts). */
export const PREBUILT_PROFILE = 'sansRapportsPrecompile';
/** The reference client is a program: two workers suit this 2-core machine. */
export const REFERENCE_DEFAULT_PARALLEL = 2;

export interface ReportFiles {
  /** The French certification report (scripts/conformance/report). */
  readonly report: string;
  /** Cucumber's HTML: the developers' view. */
  readonly html: string;
  readonly ndjson: string;
  /** Written by the command from the verdicts, not by cucumber (report/junit-report.ts). */
  readonly junit: string;
  readonly summaryMarkdown: string;
  readonly summaryJson: string;
  readonly coverageCsv: string;
  /** The evidence bundle (bundle/write-bundle.ts). */
  readonly bundle: string;
}

export interface RunPlan {
  readonly files: ReportFiles;
  readonly tagExpression: string;
  readonly parallel: number;
  /** Arguments of cucumber-js's command line (after its script). */
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** French, for the terminal. */
  readonly warnings: readonly string[];
}

export function reportFiles(reportsDir: string): ReportFiles {
  const at = (name: string) => join(reportsDir, name);
  return {
    report: at('conformite-rapport.html'),
    html: at('conformite.html'),
    ndjson: at('conformite.ndjson'),
    junit: at('conformite.junit.xml'),
    summaryMarkdown: at('conformite-synthese.md'),
    summaryJson: at('conformite-synthese.json'),
    coverageCsv: at('couverture-exigences.csv'),
    bundle: at('conformite-preuves.zip'),
  };
}

export function planRun(options: ConformanceOptions, profile: ClientProfile, inherited: Readonly<Record<string, string | undefined>>, prebuiltSupport?: string): RunPlan {
  const files = reportFiles(options.reportsDir);
  const tagExpression = options.tags === undefined ? CONFORMANCE_TAG : `${CONFORMANCE_TAG} and (${options.tags})`;
  const { parallel, warnings } = workers(options, profile);
  const format = (name: string, path: string) => ['--format', `${name}:"${path}"`];
  const args = [
    ...(prebuiltSupport === undefined ? ['--profile', CUCUMBER_PROFILE] : ['--profile', PREBUILT_PROFILE, '--import', prebuiltSupport]),
    '--tags', tagExpression,
    '--format', 'progress',
    ...format('html', files.html),
    ...format('message', files.ndjson),
    // conformite.junit.xml is written afterwards from the verdicts (report/junit-report.ts).
    // Cucumber's shards: the pickles selected by the tags, dealt round-robin.
    ...(options.tranche === undefined ? [] : ['--shard', options.tranche]),
    // One worker: in-process, no worker to start.
    ...(parallel > 1 ? ['--parallel', String(parallel)] : []),
  ];
  return { files, tagExpression, parallel, args, env: workerEnv(options, inherited, prebuiltSupport !== undefined), warnings };
}

function workers(options: ConformanceOptions, profile: ClientProfile): { parallel: number; warnings: string[] } {
  if (options.parallel === undefined) return { parallel: profile.driverKind === 'reference' ? REFERENCE_DEFAULT_PARALLEL : 1, warnings: [] };
  if (options.parallel > 1 && !profile.parallel) {
    return { parallel: 1, warnings: [`Le client « ${profile.client.name} » ne déclare pas pouvoir jouer plusieurs scénarios à la fois : --parallele ${options.parallel} ramené à 1.`] };
  }
  return { parallel: options.parallel, warnings: [] };
}

/** What the workers read to choose the client and the fixtures; only the command line sets them. */
export const RUN_ENV_KEYS: readonly string[] = ['MSS_CLIENT', 'MSS_VARIANTE', 'MSS_CAPACITES', 'MSS_DELAI_MANUEL', 'MSS_FIXTURES', 'MSS_ECOUTE', 'MSS_ANNONCER_HOTE', 'MSS_PRODUIT', 'MSS_PORTS_DEPART'];

/** The inherited environment without stray run settings, plus the run's, with tsx loaded (TypeScript steps) unless the steps come built. */
function workerEnv(options: ConformanceOptions, inherited: Readonly<Record<string, string | undefined>>, prebuilt: boolean): Record<string, string | undefined> {
  const env = Object.fromEntries(Object.entries(inherited).filter(([key]) => !RUN_ENV_KEYS.includes(key)));
  const nodeOptions = inherited.NODE_OPTIONS ?? '';
  const loader = prebuilt ? '--enable-source-maps' : '--import tsx';
  const present = prebuilt ? nodeOptions.includes(loader) : /--import[= ]tsx\b/.test(nodeOptions);
  const withLoader = present ? nodeOptions : `${nodeOptions} ${loader}`.trim();
  return { ...env, ...options.env, NODE_OPTIONS: withLoader };
}
