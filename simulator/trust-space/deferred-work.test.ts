// Deferred work (bounces, receipts, auto-replies: REG-ANR-01 "asynchronous") and settled().
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeferredWork } from './deferred-work.ts';

const fail = (error: unknown) => assert.fail(`unexpected deferred error: ${String(error)}`);

/** True when `promise` is already settled once the pending microtasks have run. */
async function isSettled(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let i = 0; i < 5; i += 1) await null;
  return settled;
}

test('settled() resolves at once when nothing is pending', { timeout: 2000 }, async () => {
  const work = new DeferredWork(fail);
  assert.equal(await isSettled(work.settled()), true);
});

test('work runs on a later turn; settled() waits for it', { timeout: 2000 }, async () => {
  const work = new DeferredWork(fail);
  const log: string[] = [];
  work.defer(() => void log.push('sync'));
  assert.deepEqual(log, [], 'not run in the caller turn');
  const settled = work.settled();
  assert.equal(await isSettled(settled), false);
  await settled;
  assert.deepEqual(log, ['sync']);
});

test('settled() waits for the promise of async work', { timeout: 2000 }, async () => {
  const work = new DeferredWork(fail);
  const log: string[] = [];
  work.defer(async () => {
    await sleep(20);
    log.push('async');
  });
  await work.settled();
  assert.deepEqual(log, ['async']);
});

test('settled() waits for work scheduled by work in progress, sync or after an await', { timeout: 2000 }, async () => {
  const work = new DeferredWork(fail);
  const log: string[] = [];
  work.defer(() => {
    log.push('outer');
    work.defer(async () => {
      await sleep(10);
      log.push('inner');
      work.defer(async () => {
        await sleep(10);
        log.push('innermost');
      });
    });
  });
  const waiters = [work.settled(), work.settled()];
  await Promise.all(waiters);
  assert.deepEqual(log, ['outer', 'inner', 'innermost']);
  assert.equal(await isSettled(work.settled()), true, 'idle again');
});

test('a sync throw or an async rejection goes to onError and counts as done', { timeout: 2000 }, async () => {
  const errors: string[] = [];
  const work = new DeferredWork((error) => void errors.push((error as Error).message));
  const log: string[] = [];
  work.defer(async () => {
    await sleep(5);
    throw new Error('rejet');
  });
  work.defer(() => {
    throw new Error('exception');
  });
  work.defer(() => void log.push('after'));
  await work.settled();
  assert.deepEqual(errors, ['exception', 'rejet']);
  assert.deepEqual(log, ['after']);
  assert.equal(await isSettled(work.settled()), true, 'idle again');
  await sleep(10); // an unhandled rejection would surface here and fail the test file
});
