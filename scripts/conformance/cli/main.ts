// `npm run conformite` (issue 5, CLI): probes the client under test, runs the @conformite
// scenarios once against it, then writes the French summary (conformite-synthese.md/.json) and
// the requirement coverage (couverture-exigences.csv) and the French certification report
// (conformite-rapport.html, scripts/conformance/report) beside cucumber's HTML, NDJSON and JUnit.
// Exit codes (STYLE.md "Errors and exits"): 0 conforme, 1 non conforme, 64 usage, 78 setup error
// (adapter unreachable or malformed, fixtures invalid, any scenario in setup error), 70 internal.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { frenchParseError } from '../../../simulator/cli/french-parse-error.ts';
import { fileURLToPath } from 'node:url';
import { DriverSetupError } from '../../../steps/drivers/driver-setup-error.ts';
import { parseRegister } from '../../requirements/requirement-register.ts';
import { runRequirementsCheck } from '../../requirements/requirements-check.ts';
import { RequirementsInputError } from '../../requirements/requirements-input-error.ts';
import type { ClientProfile } from './client-profile.ts';
import { parseConformanceArgs, type ConformanceOptions } from './conformance-options.ts';
import { buildSummary, type ConformanceSummary, type RunFacts } from './conformance-summary.ts';
import { ConformanceUsageError } from './conformance-usage-error.ts';
import { judgeRun } from './conformance-verdict.ts';
import { runCucumber } from './cucumber-process.ts';
import { HELP_TEXT } from './help-text.ts';
import { versionLine } from '../../../simulator/cli/package-version.ts';
import { planRun, type ReportFiles, type RunPlan } from './run-plan.ts';
import { readScenarioVerdicts } from './scenario-verdicts.ts';
import { clientLabel, concurrency, driverLabel, summaryMarkdown } from './summary-markdown.ts';
import { suiteVersion } from './suite-version.ts';
import { terminalSummary } from './terminal-summary.ts';
import { certificationReport } from '../report/certification-report.ts';
import { readScenarioDetails } from '../report/scenario-details.ts';
import { junitReport } from '../report/junit-report.ts';
import { signManifest } from '../bundle/bundle-signature.ts';
import { SigningKeyError } from '../bundle/signing-key-error.ts';
import { writeBundle } from '../bundle/write-bundle.ts';
import { BUNDLE_COMMANDS, runBundleCommand } from './bundle-commands.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const REGISTER = 'features/exigences.csv';
const EXIT_SETUP = 78;
const EXIT_INTERNAL = 70;

async function main(argv: readonly string[]): Promise<number> {
  if ((BUNDLE_COMMANDS as readonly string[]).includes(argv[0] ?? '')) return runBundleCommand(argv, console.log, console.error);
  if (argv[0] === 'diagnostic') return diagnostic(argv.slice(1));
  const options = parseCommand(argv);
  if (typeof options === 'number') return options;
  const signingKeyPem = readSigningKey(options.signingKey);
  if (typeof signingKeyPem === 'number') return signingKeyPem;
  const profile = await probeClient(options);
  if (typeof profile === 'number') return profile;
  const plan = planRun(options, profile, process.env);
  announce(profile, plan);
  prepareReports(options.reportsDir, plan.files);
  const startedAt = new Date();
  const cucumber = await runCucumber(ROOT, plan);
  if (cucumber.interrupted) {
    console.error(`\nCampagne interrompue (${cucumber.interrupted}) : le banc et ses simulateurs sont arrêtés ; aucun verdict n'est rendu.`);
    return cucumber.interrupted === 'SIGINT' ? 130 : 143;
  }
  if (!existsSync(plan.files.ndjson)) {
    console.error(`cucumber-js s'est arrêté (code ${cucumber.code}) sans écrire ${plan.files.ndjson} : voyez sa sortie ci-dessus.`);
    return EXIT_INTERNAL;
  }
  const summary = summarise(plan, profile, { startedAt, durationMs: cucumber.durationMs, tagExpression: plan.tagExpression, parallel: plan.parallel, ...(options.fixturesDir === undefined ? {} : { fixturesDir: options.fixturesDir }), ...(options.product === undefined ? {} : { product: options.product }) });
  writeFileSync(plan.files.summaryMarkdown, summaryMarkdown(summary), 'utf8');
  writeFileSync(plan.files.summaryJson, JSON.stringify(summary, null, 2) + '\n', 'utf8');
  writeCoverage(plan.files);
  const details = readScenarioDetails(readFileSync(plan.files.ndjson, 'utf8'), relative(ROOT, plan.files.ndjson));
  writeFileSync(plan.files.report, certificationReport(summary, details), 'utf8');
  writeFileSync(plan.files.junit, junitReport(summary, details), 'utf8');
  writeBundle({ root: ROOT, summary, reports: plan.files, details, ...(signingKeyPem === undefined ? {} : { signingKeyPem }) }, plan.files.bundle);
  if (cucumber.code !== 0 && summary.exitCode === 0) console.warn(`Attention : cucumber-js a terminé avec le code ${cucumber.code} alors qu'aucun scénario d'exigence obligatoire n'a échoué (exigence recommandée en échec ? crochet global en erreur ?) : voyez sa sortie ci-dessus.`);
  for (const line of terminalSummary(summary, plan.files)) console.log(line);
  return summary.exitCode;
}

/** The options, or the exit code of --help or --version (0) or of a usage error (64). */
function parseCommand(argv: readonly string[]): ConformanceOptions | number {
  try {
    const command = parseConformanceArgs(argv, process.cwd());
    if (command.kind === 'run') return command.options;
    console.log(command.kind === 'version' ? versionLine('conformite') : HELP_TEXT);
    return 0;
  } catch (error) {
    if (!(error instanceof ConformanceUsageError)) throw error;
    console.error(error.message);
    return error.exitCode;
  }
}

/** `diagnostic --client URL`: 0 when the adapter answers capabilities, reset and configure as the protocol says, 78 otherwise. */
async function diagnostic(argv: readonly string[]): Promise<number> {
  const usage = 'Usage : npm run conformite -- diagnostic --client http://…';
  let url: string | undefined;
  try {
    url = parseArgs({ args: [...argv], options: { client: { type: 'string' }, driver: { type: 'string' } }, strict: true }).values.client;
  } catch (error) {
    console.error(`${frenchParseError(error)}\n${usage}`);
    return 64;
  }
  if (url === undefined || !/^https?:\/\//.test(url)) {
    console.error(`diagnostic attend l'adresse http://… de l'adaptateur (--client).\n${usage}`);
    return 64;
  }
  const { diagnoseAdapter, diagnosticLines } = await import('./adapter-diagnostic.ts');
  const steps = await diagnoseAdapter(url, join(ROOT, '.data'));
  for (const line of diagnosticLines(url, steps)) console.log(line);
  return steps.every((s) => s.ok) ? 0 : EXIT_SETUP;
}

/** The PEM of --cle-signature, checked before anything runs; 64 when it cannot sign. */
function readSigningKey(path: string | undefined): string | undefined | number {
  if (path === undefined) return undefined;
  try {
    const pem = readFileSync(path, 'utf8');
    signManifest(new Uint8Array(), pem);
    return pem;
  } catch (error) {
    if (!(error instanceof SigningKeyError) && (error as { code?: string }).code !== 'ENOENT' && (error as { code?: string }).code !== 'EISDIR') throw error;
    console.error(`--cle-signature ${path} : ${error instanceof SigningKeyError ? error.message : 'fichier introuvable.'}`);
    return 64;
  }
}

/** The client's profile, or 78 when the fixtures are invalid or the client cannot be reached. */
async function probeClient(options: ConformanceOptions): Promise<ClientProfile | number> {
  // Drivers and fixtures are imported only now: --help and usage errors answer at once.
  if (options.fixturesDir !== undefined) {
    const { checkFixtures } = await import('../../../simulator/cli/check-fixtures.ts');
    if ((await checkFixtures(options.fixturesDir, console)) !== 0) return EXIT_SETUP;
  }
  try {
    const { clientProfile } = await import('./client-profile.ts');
    return await clientProfile(options.choice);
  } catch (error) {
    if (!(error instanceof DriverSetupError)) throw error;
    console.error(`${error.message}\nAucun scénario n'a été joué.`);
    return EXIT_SETUP;
  }
}

function summarise(plan: RunPlan, profile: ClientProfile, facts: RunFacts): ConformanceSummary {
  const scenarios = readScenarioVerdicts(readFileSync(plan.files.ndjson, 'utf8'), relative(ROOT, plan.files.ndjson));
  const register = parseRegister(readFileSync(join(ROOT, REGISTER), 'utf8'), REGISTER).requirements;
  return buildSummary(judgeRun(scenarios, register), scenarios, profile, suiteVersion(ROOT), facts);
}

function announce(profile: ClientProfile, plan: RunPlan): void {
  for (const warning of plan.warnings) console.warn(`Attention : ${warning}`);
  if (profile.driverKind === 'manual' && !process.stdin.isTTY) {
    console.warn("Attention : l'entrée standard n'est pas un terminal : les réponses de l'opérateur devront venir de la console web du simulateur, sans quoi le banc attend.");
  }
  console.log(`Banc de conformité : ${clientLabel(profile)} ; ${driverLabel(profile)}.`);
  console.log(`Capacités retenues : ${profile.capabilities.join(', ') || 'aucune'}.`);
  console.log(`Scénarios : ${plan.tagExpression} ; ${concurrency(plan.parallel)}.`);
}

/** A stale message file would be read as this run's: remove this run's outputs first. */
function prepareReports(dir: string, files: ReportFiles): void {
  mkdirSync(dir, { recursive: true });
  for (const file of Object.values(files)) rmSync(file, { force: true });
}

/** The register coverage of this run (scripts/requirements); register problems are reported, not fatal here. */
function writeCoverage(files: ReportFiles): void {
  try {
    const report = runRequirementsCheck({ root: ROOT, run: files.ndjson, out: files.coverageCsv });
    for (const line of report.lines.filter((l) => l.startsWith('Erreur'))) console.warn(line);
  } catch (error) {
    if (!(error instanceof RequirementsInputError)) throw error;
    console.warn(`Couverture des exigences non écrite : ${error.message}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Not one of our typed errors: a bug; let the stack print (STYLE.md "Errors and exits").
    console.error(error);
    process.exitCode = EXIT_INTERNAL;
  },
);
