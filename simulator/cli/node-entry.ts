// How the project's commands are started as child processes (by tests, by the conformance
// command for cucumber-js): from their TypeScript source under tsx, or, when the test run built
// them beforehand (scripts/test-run/prebuilt-entries.ts, its directory in MSS_PREBUILT_DIR),
// from that one-file JavaScript build of the same sources, which loads in about a second instead
// of two to four (tsx resolves and transforms every module on each start).
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PREBUILT_DIR_ENV = 'MSS_PREBUILT_DIR';
/** The cucumber support code (steps, hooks, world) built into one file. */
export const CUCUMBER_SUPPORT_BUILD = 'cucumber-support.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The build's file name for an entry point given relative to the repository root. */
export function prebuiltFileName(entry: string): string {
  return `${entry.replaceAll('\\', '/').replaceAll('/', '__').replace(/\.ts$/, '')}.mjs`;
}

/** Node's arguments (before the command's own) to run `script` (absolute, or relative to the root). */
export function nodeEntryArgs(script: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const dir = env[PREBUILT_DIR_ENV];
  if (dir !== undefined && dir !== '') {
    const built = join(dir, prebuiltFileName(isAbsolute(script) ? relative(ROOT, script) : script));
    if (existsSync(built)) return ['--enable-source-maps', built];
  }
  return ['--import', 'tsx', script];
}

/** The built cucumber support code, when the test run made one. */
export function prebuiltCucumberSupport(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env[PREBUILT_DIR_ENV];
  if (dir === undefined || dir === '') return undefined;
  const built = join(dir, CUCUMBER_SUPPORT_BUILD);
  return existsSync(built) ? built : undefined;
}

/**
 * The environment for a command a test starts: without stray run settings (MSS_*) nor node:test's
 * own context (a child must not believe it is one of its test files), keeping the built entries.
 */
export function commandEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key === PREBUILT_DIR_ENV || (!key.startsWith('MSS_') && key !== 'NODE_TEST_CONTEXT')));
}
