// `npm run conformite`: probes the client under test, runs the @conformite
// scenarios once against it, then writes the French summary (conformite-synthese.md/.json) and
// the requirement coverage (couverture-exigences.csv) and the French certification report
// (conformite-rapport.html, scripts/conformance/report) beside cucumber's HTML, NDJSON and JUnit;
// with the manual driver, the verdict then stays in the web console (manual-verdict-display.ts).
// Exit codes (REG-DEC-05): 0 conforme, 1 non conforme, 64 usage, 78 setup error
// (adapter unreachable or malformed, fixtures invalid, any scenario in setup error), 70 internal.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { frenchParseError, isHostName, prebuiltCucumberSupport, versionLine } from '../../../simulator/tooling-api.ts';
import { fileURLToPath } from 'node:url';
import { DriverSetupError } from '../../../steps/drivers/driver-setup-error.ts';
import { simulatorAddressFromEnv, type SimulatorAddress } from '../../../steps/support/simulator-address.ts';
import type { ClientProfile } from './client-profile.ts';
import { parseConformanceArgs, type ConformanceOptions } from './conformance-options.ts';
import type { RunFacts } from './conformance-summary.ts';
import { ConformanceUsageError } from './conformance-usage-error.ts';
import { runCucumber } from './cucumber-process.ts';
import { HELP_TEXT } from './help-text.ts';
import { planRun, type ReportFiles, type RunPlan } from './run-plan.ts';
import { clientLabel, concurrency, driverLabel } from './summary-markdown.ts';
import { terminalSummary } from './terminal-summary.ts';
import { consoleVerdict } from './console-verdict.ts';
import { manualPorts } from '../../../steps/support/manual-ports.ts';
import type { FinalVerdict } from '../../../simulator/public-api.ts';
import { signManifest } from '../bundle/bundle-signature.ts';
import { SigningKeyError } from '../bundle/signing-key-error.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const EXIT_SETUP = 78;
const EXIT_INTERNAL = 70;

async function main(argv: readonly string[]): Promise<number> {
  // Each subcommand, and the reports after a run, are loaded only when needed: a campaign's start
  // reads none of them (they bring in the simulator's code, about a second of CPU).
  if (argv[0] === 'verifier' || argv[0] === 'comparer') return (await import('./bundle-commands.ts')).runBundleCommand(argv, console.log, console.error);
  if (argv[0] === 'diagnostic') return diagnostic(argv.slice(1));
  if (argv[0] === 'fusionner') return (await import('./merge-command.ts')).runMerge(ROOT, argv.slice(1), process.cwd(), console.log, console.error);
  const options = parseCommand(argv);
  if (typeof options === 'number') return options;
  const signingKeyPem = readSigningKey(options.signingKey);
  if (typeof signingKeyPem === 'number') return signingKeyPem;
  const profile = await probeClient(options);
  if (typeof profile === 'number') return profile;
  const plan = planRun(options, profile, process.env, prebuiltCucumberSupport());
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
  const facts: RunFacts = { startedAt, durationMs: cucumber.durationMs, tagExpression: options.tranche === undefined ? plan.tagExpression : `${plan.tagExpression} ; tranche ${options.tranche}`, parallel: plan.parallel, ...(options.fixturesDir === undefined ? {} : { fixturesDir: options.fixturesDir }), ...(options.product === undefined ? {} : { product: options.product }) };
  const { writeCampaignOutputs } = await import('./campaign-outputs.ts');
  const summary = writeCampaignOutputs(ROOT, plan.files, profile, facts, signingKeyPem);
  if (cucumber.code !== 0 && summary.exitCode === 0) console.warn(`Attention : cucumber-js a terminé avec le code ${cucumber.code} alors qu'aucun scénario d'exigence obligatoire n'a échoué (exigence recommandée en échec ? crochet global en erreur ?) : voyez sa sortie ci-dessus.`);
  for (const line of terminalSummary(summary, plan.files)) console.log(line);
  if (profile.driverKind === 'manual') await showVerdictToOperator(options, consoleVerdict(summary, plan.files));
  return summary.exitCode;
}

/** Manual run: the verdict stays in the web console (its simulator restarted on the run's ports) until the person is done. */
async function showVerdictToOperator(options: ConformanceOptions, verdict: FinalVerdict): Promise<void> {
  const ports = manualPorts(options.env.MSS_PORTS_DEPART);
  if (!ports.ok) return; // refused as a usage error before the run
  const { showVerdictOnConsole } = await import('./manual-verdict-display.ts');
  await showVerdictOnConsole(verdict, { ports: ports.ports, ...(options.fixturesDir === undefined ? {} : { fixturesDir: options.fixturesDir }), input: process.stdin, print: (line) => console.log(line) });
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
  const usage = 'Usage : npm run conformite -- diagnostic --client http://… [--ecoute <adresse>] [--annoncer-hote <nom>]';
  let url: string | undefined;
  let address: SimulatorAddress;
  try {
    const values = parseArgs({ args: [...argv], options: { client: { type: 'string' }, driver: { type: 'string' }, ecoute: { type: 'string' }, 'annoncer-hote': { type: 'string' } }, strict: true }).values;
    url = values.client;
    address = simulatorAddressFromEnv({ MSS_ECOUTE: values.ecoute, MSS_ANNONCER_HOTE: values['annoncer-hote'] });
  } catch (error) {
    console.error(`${frenchParseError(error)}\n${usage}`);
    return 64;
  }
  if (url === undefined || !/^https?:\/\//.test(url)) {
    console.error(`diagnostic attend l'adresse http://… de l'adaptateur (--client).\n${usage}`);
    return 64;
  }
  const badHost = [address.host, address.announcedHost ?? 'localhost'].find((name) => !isHostName(name));
  if (badHost !== undefined) {
    console.error(`--ecoute et --annoncer-hote attendent un nom d'hôte ou une adresse IP sans port, reçu « ${badHost} ».\n${usage}`);
    return 64;
  }
  const { diagnoseAdapter, diagnosticLines } = await import('./adapter-diagnostic.ts');
  const steps = await diagnoseAdapter(url, join(ROOT, '.data'), address);
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
    const { checkFixtures } = await import('../../../simulator/public-api.ts');
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Not one of our typed errors: a bug; let the stack print (REG-DEC-05).
    console.error(error);
    process.exitCode = EXIT_INTERNAL;
  },
);
