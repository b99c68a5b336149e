import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, utimes, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PkiLockTimeoutError, withFileLock } from './with-file-lock.ts';

test('runs one holder at a time, breaks a stale lock, times out on a live one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mss-lock-'));
  try {
    const order: string[] = [];
    const task = (name: string) => withFileLock(dir, async () => {
      order.push(`${name}+`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push(`${name}-`);
    }, { pollMs: 5 });
    await Promise.all([task('a'), task('b')]);
    assert.deepEqual([order[0]?.[1], order[1]?.[1], order[2]?.[1], order[3]?.[1]], ['+', '-', '+', '-']);
    await assert.rejects(access(join(dir, '.pki.lock')));
    await writeFile(join(dir, '.pki.lock'), '999999');
    await assert.rejects(withFileLock(dir, async () => 'jamais', { timeoutMs: 100, pollMs: 10 }), (error: PkiLockTimeoutError) => error.code === 'MSS_SIM_PKI_LOCK_TIMEOUT');
    const old = new Date(Date.now() - 120_000);
    await utimes(join(dir, '.pki.lock'), old, old);
    assert.equal(await withFileLock(dir, async () => 'repris', { timeoutMs: 100, pollMs: 10 }), 'repris');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
