import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockReports } from './reports-lock.ts';

test('a second pool on the same reports and label is refused while the first runs, in French, naming the holder; released, it may run', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'verrou-rapports-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  t.after(() => holder.kill('SIGKILL'));
  const first = lockReports(dir, 'unit', holder.pid);
  assert.equal(first.ok, true);
  const second = lockReports(dir, 'unit');
  assert.equal(second.ok, false);
  assert.match(second.ok ? '' : second.problem, new RegExp(`^Une autre exécution des tests \\(processus ${holder.pid}\\) écrit déjà ses rapports « unit-N\\.tap »`));
  assert.equal(lockReports(dir, 'e2e').ok, true, 'another label is another set of reports');
  if (first.ok) first.release();
  const third = lockReports(dir, 'unit');
  assert.equal(third.ok, true);
  if (third.ok) third.release();
  assert.equal(existsSync(join(dir, '.unit-en-cours.pid')), false);
});

test('a lock left by a process that is gone is taken over', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'verrou-rapports-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, '.unit-en-cours.pid'), '2147483646\n');
  const taken = lockReports(dir, 'unit');
  assert.equal(taken.ok, true);
  if (taken.ok) taken.release();
});
