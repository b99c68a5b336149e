// One long-lived unit-test process of the pool (unit-pool.ts): imports the test files the pool
// sends over IPC, one at a time, each inside its own describe() named after the file. node:test
// parents the tests, hooks and suites a module declares at its top level to the suite whose
// callback is importing it, so a file's top-level before/after/beforeEach hooks stay scoped to
// that file, as they were with one process per file. Paying tsx and module loading once per
// process instead of once per file is what makes the pool fast.
//   node --import tsx [--test-reporter ...] scripts/unit-runner/unit-worker.ts
import { after, describe } from 'node:test';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileDone, PoolOrder } from './pool-messages.ts';

// Coverage (c8) counts the code this process runs. The processes a test starts (the CLI, a
// campaign and its cucumber workers, an adapter) would each write several megabytes of coverage
// at exit and run a third slower: they are left out (V8 has read the variable at start already).
delete process.env.NODE_V8_COVERAGE;

function send(message: FileDone | 'prêt'): void {
  process.send?.(message);
}

function runFile(file: string): void {
  const started = performance.now();
  const cpu = process.cpuUsage();
  describe(file, async () => {
    try {
      await import(pathToFileURL(resolve(file)).href);
    } finally {
      // Registered last, so it runs after the file's own `after` hooks, once its tests are over.
      after(() => {
        const used = process.cpuUsage(cpu);
        send({ done: file, milliseconds: performance.now() - started, cpuMilliseconds: (used.user + used.system) / 1000, heapUsed: process.memoryUsage().heapUsed });
      });
    }
  });
}

process.on('message', (order: PoolOrder) => {
  if (order === 'fin') {
    // Without the IPC channel, the process ends when the tests leave nothing open; node:test then
    // writes its reports and sets the exit code. Otherwise, say what is still open.
    process.disconnect();
    setTimeout(() => console.error(`Ressources encore ouvertes : ${process.getActiveResourcesInfo().join(', ')}`), 10_000).unref();
    return;
  }
  runFile(order.file);
});

send('prêt');
