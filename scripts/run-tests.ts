// Runs every test kind and ends with one line `N passed, N failed` summing them all
// (the line .ci/run and CI read). Kinds: type check, unit + wire tests (node:test under c8),
// acceptance scenarios (cucumber-js), requirement register and coverage, the faulty-variant matrix
// (scripts/conformance/fault-matrix), the web UI end to end (Playwright in Debian Chromium).
// Exit code 0 only when every kind passed.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findTests, unitTestFiles } from './unit-runner/test-files.ts';
import { runUnitPool } from './unit-runner/unit-pool.ts';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'reports');
/** Long-lived processes running the unit test files (2 cores here; tests also wait on sockets). */
const UNIT_PROCESSES = 3;
mkdirSync(reports, { recursive: true });

interface Tally {
  readonly kind: string;
  readonly passed: number;
  readonly failed: number;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Like run(), echoing the output while keeping it for counting. */
function runCapturing(command: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      process.stdout.write(chunk);
    });
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** A total of a TAP report's footer, e.g. `# pass 12`. */
function tapCount(tap: string, label: string): number {
  return Number(tap.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
}

async function typeCheck(): Promise<Tally> {
  console.log('\n▶ Vérification des types (tsc)');
  const server = await run('npx', ['tsc', '-p', '.', '--noEmit']);
  // The web UI's browser code has its own tsconfig (DOM library).
  const browser = await run('npx', ['tsc', '-p', 'simulator/web/ui', '--noEmit']);
  const passed = [server, browser].filter((code) => code === 0).length;
  return { kind: 'types', passed, failed: 2 - passed };
}

/** Unit and protocol tests in a few long-lived processes (scripts/unit-runner), under c8. */
async function unitTests(): Promise<Tally> {
  const files = unitTestFiles(root);
  console.log(`\n▶ Tests unitaires et de protocole (${files.length} fichiers, ${UNIT_PROCESSES} processus)`);
  const coverageData = join(reports, 'coverage', 'tmp');
  rmSync(coverageData, { recursive: true, force: true });
  const outcome = await runUnitPool({ root, files, processes: UNIT_PROCESSES, reportsDir: reports, env: { NODE_V8_COVERAGE: coverageData } });
  const coverage = await run('npx', ['c8', 'report', `--temp-directory=${coverageData}`, '--reporter=text-summary', '--reporter=html', '--reports-dir=reports/coverage', '--include=simulator/**', '--exclude=**/*.test.ts']);
  return { kind: 'unitaires', passed: outcome.passed, failed: outcome.failed + (coverage === 0 ? 0 : 1) };
}

async function scenarios(): Promise<Tally> {
  console.log('\n▶ Scénarios (cucumber-js)');
  const json = join(reports, 'cucumber.json');
  const code = await run('npx', ['cucumber-js', '--format', `json:${json}`], { NODE_OPTIONS: '--import tsx' });
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

/** Issue 5: the register is well formed, every @req tag is known, every DOIT has a scenario or a reason. */
async function requirementsCheck(): Promise<Tally> {
  console.log('\n▶ Registre des exigences et couverture');
  const code = await run('node', ['--import', 'tsx', 'scripts/requirements/check-requirements.ts', '--run', 'reports/cucumber.ndjson', '--out', 'reports/couverture-exigences.csv']);
  return { kind: 'exigences', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}

/** Issue 5: each faulty variant of the reference client makes exactly its expected scenarios fail. */
async function faultMatrix(): Promise<Tally> {
  console.log('\n▶ Variantes fautives du client de référence (chaque vérification peut échouer)');
  const { code, output } = await runCapturing('node', ['--import', 'tsx', 'scripts/conformance/fault-matrix/fault-matrix.ts']);
  const passed = output.split('\n').filter((line) => line.startsWith('✔ ')).length;
  const failed = output.split('\n').filter((line) => line.startsWith('✘ ')).length + (code !== 0 && passed === 0 ? 1 : 0);
  return { kind: 'variantes fautives', passed, failed: code !== 0 && failed === 0 ? 1 : failed };
}

/** Issue 6: the web UI in Debian Chromium driven by Playwright (installed by scripts/ensure-chromium.sh). */
async function webUi(): Promise<Tally> {
  console.log('\n▶ Interface web (Playwright dans Chromium)');
  if ((await run('sh', ['scripts/ensure-chromium.sh'])) !== 0) return { kind: 'interface web', passed: 0, failed: 1 };
  const files = findTests(root, join(root, 'simulator', 'web', 'ui', 'e2e'), '.e2e.ts');
  const tap = join(reports, 'e2e.tap');
  const code = await run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files]);
  const text = readFileSync(tap, 'utf8');
  const count = (label: string) => tapCount(text, label);
  return { kind: 'interface web', passed: count('pass'), failed: count('fail') + (code !== 0 && count('fail') === 0 ? 1 : 0) };
}

/** Runs one kind and notes how long it took (shown in the summary, to keep the suite fast). */
async function timed(kind: () => Promise<Tally>): Promise<Tally & { readonly seconds: number }> {
  const started = performance.now();
  const tally = await kind();
  return { ...tally, seconds: (performance.now() - started) / 1000 };
}

const tallies = [];
for (const kind of [typeCheck, unitTests, scenarios, requirementsCheck, faultMatrix, webUi]) tallies.push(await timed(kind));
console.log('\n' + tallies.map((t) => `${t.kind} : ${t.passed} réussis, ${t.failed} échoués (${t.seconds.toFixed(0)} s)`).join(' · '));
const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
const failed = tallies.reduce((sum, t) => sum + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
