// Runs the shell steps of a CI example on this machine, in a fresh `git clone` of the committed
// repository per job (as a CI runner checks out), with a bounded time per command. `npm ci` is
// replaced by a symlink to this checkout's node_modules (no registry here, and fast); the caller
// rewrites the commands it needs to (tranche count, tags).
import { spawn, spawnSync } from 'node:child_process';
import { realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = realpathSync(new URL('../..', import.meta.url));

/** A checkout of HEAD (committed state: what a CI runner would get) with node_modules linked. */
export function freshClone(into: string): string {
  const head = git(ROOT, 'rev-parse', 'HEAD');
  git(ROOT, 'clone', '--quiet', '--no-checkout', ROOT, into);
  git(into, 'checkout', '--quiet', '--detach', head);
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(into, 'node_modules'));
  return into;
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

export interface CommandResult {
  readonly command: string;
  readonly code: number | null;
  readonly output: string;
}

/** `bash -e -o pipefail -c COMMAND` as GitHub and GitLab run a step; `npm ci` is a no-op here (linked above). */
export function runStep(command: string, cwd: string, env: Readonly<Record<string, string>>, timeoutMs: number): Promise<CommandResult> {
  if (command.trim() === 'npm ci') return Promise.resolve({ command, code: 0, output: 'npm ci remplacé par le lien vers node_modules' });
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('MSS_') && key !== 'NODE_TEST_CONTEXT' && key !== 'NODE_OPTIONS'));
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', command], { cwd, env: { ...inherited, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      process.kill(-(child.pid as number), 'SIGKILL');
      reject(new Error(`still running after ${timeoutMs} ms: ${command}\n${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ command, code, output });
    });
  });
}
