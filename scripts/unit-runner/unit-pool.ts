// Runs the unit and protocol test files (and, under the label `e2e`, the browser test files) in
// a few long-lived processes (unit-worker.ts) instead of one process per file: each process pays
// tsx and module loading once, then is handed one file at a time, longest first (file-order.ts),
// until none is left or its heap has grown too large (it is then replaced by a fresh one). Each
// process writes its own TAP report (reports/<label>-N.tap); its spec output is printed one file
// at a time (spec-blocks.ts). A process that dies mid-file fails that file and is replaced. One pool
// at a time per reports folder and label (reports-lock.ts).
import { fork } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { longestFirst } from './file-order.ts';
import { lockReports } from './reports-lock.ts';
import { isFileDone, type PoolOrder } from './pool-messages.ts';
import { SpecBlocks } from './spec-blocks.ts';
import { tapTotals } from './tap-totals.ts';

export interface PoolOptions {
  readonly root: string;
  /** Test files, relative to root. */
  readonly files: readonly string[];
  readonly processes: number;
  readonly reportsDir: string;
  /** Added to the processes' environment (e.g. NODE_V8_COVERAGE). */
  readonly env?: NodeJS.ProcessEnv;
  /** Names the reports: `<label>-N.tap`, `<label>-durees.json` (`unit` by default; `e2e` for the browser tests). */
  readonly label?: string;
  /** Timings kept in the repository, ordering the files of a fresh clone (none: largest files first). */
  readonly referenceDurations?: string;
  /** Where each file's spec output goes, one file at a time (standard output by default). */
  readonly write?: (text: string) => void;
}

export interface PoolOutcome {
  readonly passed: number;
  readonly failed: number;
  /** Processes started in all, replacements included. */
  readonly processes: number;
}

/** A file's wall and CPU time in the last run (reports/unit-durees.json), in milliseconds. */
interface FileTiming {
  readonly ms: number;
  readonly cpuMs: number;
}

interface ProcessRun {
  readonly tap: string;
  readonly code: number;
  /** Files handed to the process: one that got none (the others took them all) writes no report. */
  readonly files: number;
  /** The file the process was running when it ended, if any. */
  readonly unfinished?: string;
}

/**
 * A process whose heap has grown past this after a file is replaced by a fresh one: a large heap
 * means long garbage-collection pauses, and tests that time a reply in milliseconds would feel them.
 */
const HEAP_LIMIT_BYTES = 256 * 1024 * 1024;
/** How long a process may stay alive once it has no file left before it is stopped. */
const EXIT_GRACE_MS = 30_000;
const workerScript = new URL('./unit-worker.ts', import.meta.url).pathname;
/** Timings of every unit file in a past run (for their order only; a copy of reports/unit-durees.json, refreshed by hand). */
export const UNIT_REFERENCE_DURATIONS = new URL('./durees-de-reference.json', import.meta.url).pathname;
/** The same for the browser test files (reports/e2e-durees.json). */
export const E2E_REFERENCE_DURATIONS = new URL('./durees-de-reference-e2e.json', import.meta.url).pathname;

export async function runUnitPool(options: PoolOptions): Promise<PoolOutcome> {
  const label = options.label ?? 'unit';
  const lock = lockReports(options.reportsDir, label);
  if (!lock.ok) {
    console.error(`✖ ${lock.problem}`);
    return { passed: 0, failed: 1, processes: 0 };
  }
  try {
    return await runLocked(options, label);
  } finally {
    lock.release();
  }
}

async function runLocked(options: PoolOptions, label: string): Promise<PoolOutcome> {
  const durationsFile = join(options.reportsDir, `${label}-durees.json`);
  // A fresh clone has no timings of its own yet: those of a run kept in the repository order it.
  const previous = { ...(options.referenceDurations === undefined ? {} : readDurations(options.referenceDurations)), ...readDurations(durationsFile) };
  const queue = longestFirst(options.files.map((file) => ({ file, milliseconds: previous[file]?.ms, bytes: statSync(join(options.root, file)).size })));
  const oldReport = new RegExp(`^${label}(-\\d+)?\\.tap$`);
  for (const old of readdirSync(options.reportsDir).filter((f) => oldReport.test(f))) rmSync(join(options.reportsDir, old));
  const durations: Record<string, FileTiming> = {};
  let started = 0;
  const runs: ProcessRun[] = [];
  const slot = async () => {
    while (queue.length > 0) {
      started += 1;
      const run = await runProcess(options, join(options.reportsDir, `${label}-${started}.tap`), queue, durations);
      runs.push(run);
      if (run.unfinished !== undefined) console.error(`✖ Le processus de test s'est arrêté (code ${run.code}) pendant ${run.unfinished} : fichier compté en échec.`);
      // A process that could not even take a file would fail the same way again.
      if (run.files === 0) break;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.processes, queue.length)) }, slot));
  writeFileSync(durationsFile, JSON.stringify(durations, null, 1) + '\n');
  return tally(runs);
}

function tally(runs: readonly ProcessRun[]): PoolOutcome {
  let passed = 0;
  let failed = 0;
  for (const run of runs.filter((r) => r.files > 0 || r.code !== 0)) {
    const totals = tapTotals(existsSync(run.tap) ? readFileSync(run.tap, 'utf8') : '');
    passed += totals.passed;
    // A dead or stopped process has no footer: its file and its missing report are failures.
    const own = totals.failed + (run.unfinished === undefined ? 0 : 1) + (totals.complete ? 0 : 1);
    failed += own === 0 && run.code !== 0 ? 1 : own;
  }
  return { passed, failed, processes: runs.length };
}

function runProcess(options: PoolOptions, tap: string, queue: string[], durations: Record<string, FileTiming>): Promise<ProcessRun> {
  return new Promise((resolve) => {
    const child = fork(workerScript, [], {
      cwd: options.root,
      env: { ...process.env, ...options.env },
      execArgv: ['--import', 'tsx', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let current: string | undefined;
    let files = 0;
    let grace: NodeJS.Timeout | undefined;
    const send = (order: PoolOrder) => child.connected && child.send(order);
    const next = (heapUsed = 0) => {
      current = heapUsed > HEAP_LIMIT_BYTES ? undefined : queue.shift();
      if (current !== undefined) {
        files += 1;
        return send({ file: current });
      }
      send('fin');
      grace = setTimeout(() => {
        console.error(`✖ Un processus de test reste ouvert ${EXIT_GRACE_MS / 1000} s après son dernier fichier (ressource laissée ouverte par un test) : arrêté.`);
        child.kill('SIGKILL');
      }, EXIT_GRACE_MS);
    };
    const blocks = new SpecBlocks();
    child.stdout?.setEncoding('utf8');
    const write = options.write ?? ((text: string) => process.stdout.write(text));
    child.stdout?.on('data', (chunk: string) => blocks.push(chunk).forEach(write));
    child.on('message', (message: unknown) => {
      if (message === 'prêt') return next();
      if (!isFileDone(message)) return;
      durations[message.done] = { ms: Math.round(message.milliseconds), cpuMs: Math.round(message.cpuMilliseconds) };
      next(message.heapUsed);
    });
    child.on('error', (error) => console.error(`✖ Processus de test : ${error.message}`));
    child.on('exit', (code, signal) => {
      clearTimeout(grace);
      write(blocks.flush());
      resolve({ tap, code: code ?? (signal ? 1 : 0), files, ...(current === undefined ? {} : { unfinished: current }) });
    });
  });
}

function readDurations(path: string): Record<string, FileTiming | undefined> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, FileTiming>;
  } catch {
    return {};
  }
}
