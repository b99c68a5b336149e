// The processes a benchmark spawns (servers under test, the smtp-source generator), tracked so
// that every one is stopped at the end: normal exit, error, Ctrl-C or SIGTERM. Stops by pid,
// SIGTERM first (a Node server then writes its --cpu-prof profile), SIGKILL after a bound.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const running = new Set<ChildProcess>();

export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'], ...options });
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.once('error', () => running.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)));
  if (await Promise.race([exited.then(() => false), timedOut])) {
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopProcess(child)));
}

function killAllNow(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** On Ctrl-C / SIGTERM: stop every tracked process, then exit 130 / 143. */
export function stopChildrenOnExit(): void {
  process.once('exit', killAllNow);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      console.error(`\n${signal} reçu : arrêt des processus du banc…`);
      void stopAll().finally(() => process.exit(code));
    });
  }
}
