// One folder per prefix for the life of the process, gone once the process has exited.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { freshProcessTempDir, processTempDir } from './process-temp-dir.ts';

test('the same folder for the same prefix, another for another prefix', () => {
  const first = processTempDir('mss-essai-a-');
  assert.equal(processTempDir('mss-essai-a-'), first);
  assert.notEqual(processTempDir('mss-essai-b-'), first);
  assert.ok(existsSync(first));
});

test('a fresh folder is a new one at each call, inside the folder of its prefix', () => {
  const [one, two] = [freshProcessTempDir('mss-essai-c-'), freshProcessTempDir('mss-essai-c-')];
  assert.notEqual(one, two);
  assert.equal(dirname(one), processTempDir('mss-essai-c-'));
  assert.equal(dirname(two), processTempDir('mss-essai-c-'));
  assert.ok(existsSync(one) && existsSync(two));
});

test('the folder is removed when the process exits', () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "import { processTempDir } from './simulator/cli/process-temp-dir.ts'; console.log(processTempDir('mss-essai-sortie-'));"], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(child.status, 0, child.stderr);
  const folder = child.stdout.trim();
  assert.match(folder, /mss-essai-sortie-/);
  assert.equal(existsSync(folder), false);
});
