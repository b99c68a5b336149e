import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { simulatorFingerprint } from './simulator-fingerprint.ts';

const root = mkdtempSync(join(tmpdir(), 'empreinte-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('the fingerprint changes with a byte of a source file, not with a test file', () => {
  mkdirSync(join(root, 'simulator', 'mail'), { recursive: true });
  writeFileSync(join(root, 'simulator', 'mail', 'a.ts'), 'export const a = 1;\n');
  const first = simulatorFingerprint(root, ['simulator']);
  assert.match(first, /^[0-9a-f]{64}$/);
  writeFileSync(join(root, 'simulator', 'mail', 'a.test.ts'), 'test\n');
  assert.equal(simulatorFingerprint(root, ['simulator']), first);
  writeFileSync(join(root, 'simulator', 'mail', 'a.ts'), 'export const a = 2;\n');
  assert.notEqual(simulatorFingerprint(root, ['simulator']), first);
});
