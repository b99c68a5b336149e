// A command starts from its build when the test run made one, from its TypeScript source under
// tsx otherwise; the environment given to a command keeps the build's directory only.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { commandEnv, CUCUMBER_SUPPORT_BUILD, nodeEntryArgs, prebuiltCucumberSupport, prebuiltFileName } from './node-entry.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mss-node-entry-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the build is used when it exists, by relative or absolute path; tsx otherwise', () => {
  writeFileSync(join(dir, prebuiltFileName('simulator/cli/main.ts')), '');
  const env = { MSS_PREBUILT_DIR: dir };
  assert.deepEqual(nodeEntryArgs('simulator/cli/main.ts', env), ['--enable-source-maps', join(dir, 'simulator__cli__main.mjs')]);
  assert.deepEqual(nodeEntryArgs(join(ROOT, 'simulator/cli/main.ts'), env), ['--enable-source-maps', join(dir, 'simulator__cli__main.mjs')]);
  assert.deepEqual(nodeEntryArgs('scripts/autre.ts', env), ['--import', 'tsx', 'scripts/autre.ts']);
  assert.deepEqual(nodeEntryArgs('simulator/cli/main.ts', {}), ['--import', 'tsx', 'simulator/cli/main.ts']);
});

test('the built cucumber support code is found only when made', () => {
  assert.equal(prebuiltCucumberSupport({ MSS_PREBUILT_DIR: dir }), undefined);
  writeFileSync(join(dir, CUCUMBER_SUPPORT_BUILD), '');
  assert.equal(prebuiltCucumberSupport({ MSS_PREBUILT_DIR: dir }), join(dir, CUCUMBER_SUPPORT_BUILD));
  assert.equal(prebuiltCucumberSupport({}), undefined);
});

test('a command gets neither run settings nor node:test context, but keeps the build directory', () => {
  assert.deepEqual(commandEnv({ PATH: '/usr/bin', MSS_VARIANTE: 're-fin-subject', NODE_TEST_CONTEXT: 'child-v8', MSS_PREBUILT_DIR: dir }), { PATH: '/usr/bin', MSS_PREBUILT_DIR: dir });
});
