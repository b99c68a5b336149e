// CLI: runs unit test files in the pool of long-lived processes (unit-pool.ts), every unit and
// protocol test file when none is named; prints `N réussis, N échoués` and exits 1 on failure.
//   node --import tsx scripts/unit-runner/main.ts [--processus N] [FICHIER.test.ts…]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { unitTestFiles } from './test-files.ts';
import { runUnitPool, UNIT_REFERENCE_DURATIONS } from './unit-pool.ts';

const root = new URL('../..', import.meta.url).pathname;
const { values, positionals } = parseArgs({ options: { processus: { type: 'string', default: '3' } }, allowPositionals: true });
const processes = Number(values.processus);
if (!Number.isInteger(processes) || processes < 1) {
  console.error(`--processus attend un entier positif, reçu « ${values.processus} ».`);
  process.exit(64);
}
const reportsDir = join(root, 'reports');
mkdirSync(reportsDir, { recursive: true });
const started = performance.now();
const files = positionals.length > 0 ? positionals : unitTestFiles(root);
const outcome = await runUnitPool({ root, files, processes, reportsDir, referenceDurations: UNIT_REFERENCE_DURATIONS });
console.log(`${outcome.passed} réussis, ${outcome.failed} échoués (${files.length} fichiers, ${processes} processus à la fois, ${outcome.processes} en tout, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
process.exitCode = outcome.failed === 0 ? 0 : 1;
