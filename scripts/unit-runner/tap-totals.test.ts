// Tests of the TAP footer reading.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tapTotals } from './tap-totals.ts';

test('the top-level footer gives the totals; cancelled tests count as failed', () => {
  const tap = ['TAP version 13', '# Subtest: a.test.ts', '    ok 1 - x', 'ok 1 - a.test.ts', '1..1', '# tests 3', '# suites 1', '# pass 2', '# fail 0', '# cancelled 1', '# skipped 0'].join('\n');
  assert.deepEqual(tapTotals(tap), { passed: 2, failed: 1, complete: true });
});

test('a report cut before its footer is incomplete', () => {
  assert.deepEqual(tapTotals('TAP version 13\n# Subtest: a.test.ts\n    # pass 4\n'), { passed: 0, failed: 0, complete: false });
});
