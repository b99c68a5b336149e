// Tests of the machine-load line of `npm test` (machine-load.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeLoad, parseProcStat, readCpuCounters } from './machine-load.ts';

const STAT = 'cpu  1000 20 300 5000 40 5 6 7 0 0\ncpu0 500 10 150 2500 20 2 3 3 0 0\nintr 123\n';

test('the aggregate line counts user, nice, system, irq and softirq as busy, idle and iowait as idle, steal as neither', () => {
  assert.deepEqual(parseProcStat(STAT), { busy: 1000 + 20 + 300 + 5 + 6, idle: 5000 + 40 });
});

test('a text without an aggregate line, or with a non-number, gives nothing', () => {
  assert.equal(parseProcStat('cpu0 1 2 3 4\n'), undefined);
  assert.equal(parseProcStat('cpu  a b c d\n'), undefined);
  assert.equal(readCpuCounters('/chemin/absent/stat'), undefined);
});

test('the line says the busy core-seconds and their share of the time of all cores', () => {
  assert.equal(describeLoad({ busy: 1000, idle: 500 }, { busy: 42_300, idle: 3_200 }, 2), '413 cœur·s occupés sur 2 cœurs (94 %)');
  assert.equal(describeLoad({ busy: 0, idle: 0 }, { busy: 0, idle: 0 }, 1), '0 cœur·s occupés sur 1 cœur (0 %)');
});
