// Runs every test kind and ends with one line `N passed, N failed` summing them all
// (the line .ci/run and CI read). Kinds: type check, unit + wire tests (node:test under c8),
// acceptance scenarios (cucumber-js), requirement register and coverage, the faulty-variant matrix
// (scripts/conformance/fault-matrix), the web UI end to end (Playwright in Debian Chromium).
// Exit code 0 only when every kind passed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand, StageOutput } from './test-run/stage-output.ts';
import { findTests, unitTestFiles } from './unit-runner/test-files.ts';
import { E2E_REFERENCE_DURATIONS, runUnitPool, UNIT_REFERENCE_DURATIONS } from './unit-runner/unit-pool.ts';
import { chosenKinds } from './test-run/chosen-kinds.ts';
import { buildPrebuiltEntries } from './test-run/prebuilt-entries.ts';
import { describeLoad, readCpuCounters } from './test-run/machine-load.ts';
import { PREBUILT_DIR_ENV, prebuiltCucumberSupport } from '../simulator/tooling-api.ts';

// The run's duration and machine load count from here, the build of the prebuilt entries included.
const runStarted = performance.now();
const machineAtStart = readCpuCounters();
const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'reports');
/** Long-lived processes running the unit test files (2 cores here; tests also wait on sockets). */
const UNIT_PROCESSES = 3;
/** Browser test processes (one Chromium each, shared by their files; each file has its own simulator; they run beside the unit tests). */
const E2E_PROCESSES = 2;
/** Processes of the fault matrix: its runs wait a lot (the campaign reviews' 6 s window), and it has only the short stages beside it. */
const MATRIX_PROCESSES = 6;
mkdirSync(reports, { recursive: true });
// The commands tests start as child processes, and the cucumber support code of the campaigns
// they run, built once into plain JavaScript (scripts/test-run/prebuilt-entries.ts): each start
// then costs about a second of CPU instead of two to four under tsx. Built under node_modules
// so that the builds find the packages.
const prebuiltParent = join(root, 'node_modules', '.cache');
mkdirSync(prebuiltParent, { recursive: true });
const prebuiltDir = mkdtempSync(join(prebuiltParent, 'mssante-construit-'));
process.on('exit', () => rmSync(prebuiltDir, { recursive: true, force: true }));
const prebuiltEnv = await buildPrebuiltEntries(root, prebuiltDir).then(
  () => ({ [PREBUILT_DIR_ENV]: prebuiltDir }),
  // A source esbuild cannot read fails its own tests under tsx, with their messages.
  (error: unknown) => (console.error(`Points d'entrée non construits (${error instanceof Error ? error.message : String(error)}) : les tests lancent les commandes depuis leurs sources.`), {}),
);

interface Tally {
  readonly kind: string;
  readonly passed: number;
  readonly failed: number;
}

type Stage = (out: StageOutput) => Promise<Tally>;

const command = (out: StageOutput, name: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) => runCommand(out, root, name, args, env);

async function typeCheck(out: StageOutput): Promise<Tally> {
  out.write('\n▶ Vérification des types (tsc)\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc'); // not through npx (0.4 s of CPU each), like c8 and cucumber below
  const server = await command(out, process.execPath, [tsc, '-p', '.', '--noEmit']);
  // The web UI's browser code has its own tsconfig (DOM library).
  const browser = await command(out, process.execPath, [tsc, '-p', 'simulator/web/ui', '--noEmit']);
  const passed = [server, browser].filter((r) => r.code === 0).length;
  return { kind: 'types', passed, failed: 2 - passed };
}

/** Unit and protocol tests in a few long-lived processes (scripts/unit-runner), under c8. */
async function unitTests(out: StageOutput): Promise<Tally> {
  const files = unitTestFiles(root);
  out.write(`\n▶ Tests unitaires et de protocole (${files.length} fichiers, ${UNIT_PROCESSES} processus)\n`);
  const coverageData = join(reports, 'coverage', 'tmp');
  rmSync(coverageData, { recursive: true, force: true });
  const outcome = await runUnitPool({ root, files, processes: UNIT_PROCESSES, reportsDir: reports, referenceDurations: UNIT_REFERENCE_DURATIONS, env: { NODE_V8_COVERAGE: coverageData, ...prebuiltEnv } });
  const coverage = await command(out, process.execPath, [join(root, 'node_modules', 'c8', 'bin', 'c8.js'), 'report', `--temp-directory=${coverageData}`, '--reporter=text-summary', '--reporter=html', '--reports-dir=reports/coverage', '--include=simulator/**', '--exclude=**/*.test.ts']);
  return { kind: 'unitaires', passed: outcome.passed, failed: outcome.failed + (coverage.code === 0 ? 0 : 1) };
}

async function scenarios(out: StageOutput): Promise<Tally> {
  out.write('\n▶ Scénarios (cucumber-js)\n');
  const json = join(reports, 'cucumber.json');
  // Attestation scenarios ask a person (manual driver): nothing here can answer them. The support
  // code comes built when the run built it (no tsx then), from its sources otherwise.
  const support = prebuiltCucumberSupport(prebuiltEnv);
  const profile = support === undefined ? [] : ['--profile', 'rapportsPrecompile', '--import', support];
  const cucumber = join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
  const { code } = await command(out, process.execPath, [cucumber, ...profile, '--tags', 'not @attestation', '--format', `json:${json}`], support === undefined ? { NODE_OPTIONS: '--import tsx' } : {});
  const features = JSON.parse(readFileSync(json, 'utf8')) as { elements?: { type: string; steps: { result: { status: string } }[] }[] }[];
  let passed = 0;
  let failed = 0;
  for (const feature of features) {
    for (const element of feature.elements ?? []) {
      if (element.type !== 'scenario') continue;
      if (element.steps.every((step) => step.result.status === 'passed')) passed += 1;
      else failed += 1;
    }
  }
  if (code !== 0 && failed === 0) failed = 1;
  return { kind: 'scénarios', passed, failed };
}

/** The register is well formed, every @req tag is known, every DOIT has a scenario or a reason. */
async function requirementsCheck(out: StageOutput): Promise<Tally> {
  out.write('\n▶ Registre des exigences et couverture\n');
  const { code } = await command(out, 'node', ['--import', 'tsx', 'scripts/requirements/check-requirements.ts', '--run', 'reports/cucumber.ndjson', '--out', 'reports/couverture-exigences.csv']);
  return { kind: 'exigences', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}

/** Each faulty variant of the reference client makes exactly its expected scenarios fail. */
async function faultMatrix(out: StageOutput): Promise<Tally> {
  out.write('\n▶ Variantes fautives du client de référence (chaque vérification peut échouer)\n');
  const { code, output } = await command(out, 'node', ['--import', 'tsx', 'scripts/conformance/fault-matrix/fault-matrix.ts', '--processus', String(MATRIX_PROCESSES)], prebuiltEnv);
  const passed = output.split('\n').filter((line) => line.startsWith('✔ ')).length;
  const failed = output.split('\n').filter((line) => line.startsWith('✘ ')).length + (code !== 0 && passed === 0 ? 1 : 0);
  return { kind: 'variantes fautives', passed, failed: code !== 0 && failed === 0 ? 1 : failed };
}

/** The web UI in Debian Chromium driven by Playwright (installed by scripts/ensure-chromium.sh). */
async function webUi(out: StageOutput): Promise<Tally> {
  out.write('\n▶ Interface web (Playwright dans Chromium)\n');
  if ((await command(out, 'sh', ['scripts/ensure-chromium.sh'])).code !== 0) return { kind: 'interface web', passed: 0, failed: 1 };
  // The UI's pages, and the conformance certification report (scripts/conformance/report).
  const files = [...findTests(root, join(root, 'simulator', 'web', 'ui', 'e2e'), '.e2e.ts'), ...findTests(root, join(root, 'scripts', 'conformance'), '.e2e.ts')];
  // In a few long-lived processes, as the unit tests: each pays tsx and the modules once.
  const outcome = await runUnitPool({ root, files, processes: E2E_PROCESSES, reportsDir: reports, label: 'e2e', referenceDurations: E2E_REFERENCE_DURATIONS, env: prebuiltEnv, write: (text) => out.write(text) });
  return { kind: 'interface web', passed: outcome.passed, failed: outcome.failed };
}

/** Runs stages one after the other, noting how long each took (shown in the summary). */
async function lane(stages: readonly Stage[], live: boolean): Promise<(Tally & { readonly seconds: number })[]> {
  const tallies = [];
  for (const stage of stages) {
    const out = new StageOutput(live);
    const started = performance.now();
    const tally = await stage(out);
    out.flush();
    tallies.push({ ...tally, seconds: (performance.now() - started) / 1000 });
  }
  return tallies;
}

/** Lanes at once: the first prints as it goes, the others when each of their stages is over. */
async function beside(lanes: readonly (readonly Stage[])[]) {
  return (await Promise.all(lanes.map((stages, i) => lane(stages, i === 0)))).flat();
}

// Two phases of two lanes (2 cores), chosen by measuring the alternatives: first the unit tests,
// which keep both cores busy, beside the browser tests, which mostly wait on Chromium; then the
// faulty-variant matrix beside the type check, the scenarios and the register check (which reads
// the scenarios' messages). The unit tests' own child processes (campaigns, the CLI) have time
// limits that bound a hung run, not a speed target, so that they hold on a busy machine. The
// summary keeps the usual order.
// `npm test -- --etapes unitaires,types` runs only those kinds (same phases and lanes).
const order = ['types', 'unitaires', 'scénarios', 'exigences', 'variantes fautives', 'interface web'];
const kinds = new Map<Stage, string>([[typeCheck, 'types'], [unitTests, 'unitaires'], [scenarios, 'scénarios'], [requirementsCheck, 'exigences'], [faultMatrix, 'variantes fautives'], [webUi, 'interface web']]);
const chosen = chosenKinds(process.argv.slice(2), order);
const only = (stages: readonly Stage[]) => stages.filter((stage) => chosen.has(kinds.get(stage) ?? ''));
const phases: readonly (readonly Stage[])[][] = [
  [[unitTests], [webUi]],
  [[faultMatrix], [typeCheck, scenarios, requirementsCheck]],
];
// Debian packages a unit test needs (independent bounce readers), installed before the lanes
// start: apt-get holds a lock, and the web UI's lane installs Chromium. A failed install leaves
// that test to fail with what to do.
if (chosen.has('unitaires')) {
  const out = new StageOutput(true);
  await command(out, 'sh', ['scripts/ensure-bounce-parsers.sh']);
  out.flush();
}
const tallies = [];
for (const phase of phases) tallies.push(...(await beside(phase.map(only).filter((stages) => stages.length > 0))));
tallies.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
const machineAtEnd = readCpuCounters();
const load = machineAtStart && machineAtEnd ? `, ${describeLoad(machineAtStart, machineAtEnd)}` : '';
console.log('\n' + tallies.map((t) => `${t.kind} : ${t.passed} réussis, ${t.failed} échoués (${t.seconds.toFixed(0)} s)`).join(' · ') + ` · en tout ${((performance.now() - runStarted) / 1000).toFixed(0)} s${load}`);
const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
const failed = tallies.reduce((sum, t) => sum + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
