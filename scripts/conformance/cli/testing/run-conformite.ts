// Test support: runs the `conformite` command as a child process, with a bounded wait, and
// returns its exit code and everything it printed (stdout and stderr together). Past the limit
// its whole process tree is killed: a campaign's cucumber would otherwise run on, orphaned.
import { spawn } from 'node:child_process';
import { commandEnv, nodeEntryArgs, signalTree } from '../../../../simulator/tooling-api.ts';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly output: string;
}

export function runConformite(args: readonly string[], limitMs: number): Promise<CliRun> {
  const env = commandEnv();
  const child = spawn(process.execPath, [...nodeEntryArgs(MAIN), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signalTree(child.pid ?? 0, 'SIGKILL');
      reject(new Error(`conformite still running after ${limitMs} ms\n${output}`));
    }, limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
