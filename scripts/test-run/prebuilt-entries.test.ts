// The build of the commands and of the cucumber support code: every support file cucumber would
// load is in it, and the built commands run with the same answers and paths as their sources.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { nodeEntryArgs } from '../../simulator/public-api.ts';
import { buildPrebuiltEntries, cucumberSupportFiles } from './prebuilt-entries.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
const dir = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'mssante-construit-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the support files are those of cucumber.js (steps, hooks, world), never a node:test file', async () => {
  const files = (await cucumberSupportFiles(ROOT)).map((file) => relative(ROOT, file));
  assert.ok(files.includes('steps/support/world.ts'));
  assert.ok(files.includes('steps/conformance/conformance.hooks.ts'));
  assert.ok(files.filter((file) => file.endsWith('.steps.ts')).length >= 10);
  assert.deepEqual(files.filter((file) => file.endsWith('.test.ts')), []);
});

test('the built commands answer as their sources, with paths computed from the source files', async () => {
  await buildPrebuiltEntries(ROOT, dir);
  const env = { ...process.env, MSS_PREBUILT_DIR: dir };
  const run = (script: string, args: string[]) => spawnSync(process.execPath, [...nodeEntryArgs(script, env), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
  const version = run('simulator/cli/main.ts', ['--version']);
  assert.equal(version.status, 0, version.stderr);
  assert.match(version.stdout, /^simulateur \(mssante-simulateur\) version /);
  // The default fixtures folder is found from the source file's address, not the build's.
  const fixtures = run('simulator/cli/main.ts', ['check-fixtures']);
  assert.equal(fixtures.status, 0, fixtures.stderr);
  assert.match(fixtures.stdout, /Jeu de données valide/);
  const usage = run('scripts/conformance/cli/main.ts', ['--parallele', 'deux']);
  assert.equal(usage.status, 64);
  assert.match(usage.stderr, /--parallele/);
  assert.ok(readFileSync(join(dir, 'cucumber-support.mjs'), 'utf8').length > 0);
});
