// Which version of the suite judged the client (the summary's « suite version »): the
// package's version, the simulator's fingerprint (simulator-fingerprint.ts) and, in a Git
// checkout, the commit and whether files were modified.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulatorFingerprint } from './simulator-fingerprint.ts';

export interface SuiteVersion {
  readonly name: string;
  readonly version: string;
  /** Short commit hash; absent outside a Git checkout. */
  readonly commit?: string;
  /** Tracked files differ from the commit. */
  readonly modified?: boolean;
  /** SHA-256 of the simulator, steps, scenarios and default data set. */
  readonly fingerprint?: string;
}

export function suiteVersion(root: string): SuiteVersion {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: string; version?: string };
  const base = { name: pkg.name ?? 'mssante-simulateur', version: pkg.version ?? 'inconnue', fingerprint: simulatorFingerprint(root) };
  const commit = git(root, ['rev-parse', '--short', 'HEAD']);
  if (commit === undefined) return base;
  const status = git(root, ['status', '--porcelain', '--untracked-files=no']);
  return { ...base, commit, ...(status === undefined ? {} : { modified: status !== '' }) };
}

export function describeSuite(suite: SuiteVersion): string {
  const commit = suite.commit === undefined ? '' : ` (commit ${suite.commit}${suite.modified ? ', avec modifications locales' : ''})`;
  return `${suite.name} ${suite.version}${commit}`;
}

function git(root: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    return undefined;
  }
}
