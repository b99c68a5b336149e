import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Measure } from './bench-summary.ts';
import { targetCosts } from './target-arithmetic.ts';

function measure(target: string, repeat: number, msgPerSecond: number, cpuMsPerMessage: number): Measure {
  return { target, label: target, mode: 'reuse', repeat, accepted: 1, processed: 1, msgPerSecond, cpuMsPerMessage, peakRssMb: 1 };
}

test('a target is priced per series: the msg/s it asks, and the cores that takes at the measured CPU per message', () => {
  const results = [
    measure('smtp-server', 1, 5000, 0.2), measure('simulateur-avis', 1, 1600, 0.6),
    measure('smtp-server', 2, 4000, 0.25), measure('simulateur-avis', 2, 1500, 0.5),
    measure('simulateur-avis', 3, 1500, 0.5), // no reference in series 3: not priced
  ];
  const costs = targetCosts(results, { simulator: 'simulateur-avis', reference: 'smtp-server', ratio: 0.85 });
  assert.equal(costs.length, 2);
  assert.equal(costs[0]!.neededMsgPerSecond, 4250);
  assert.ok(Math.abs(costs[0]!.neededCores - 2.55) < 1e-9);
  assert.equal(costs[1]!.neededMsgPerSecond, 3400);
  assert.ok(Math.abs(costs[1]!.neededCores - 1.7) < 1e-9);
});

test('another mode is not a reference for a series', () => {
  const results = [{ ...measure('smtp-sink', 1, 9000, 0.1), mode: 'perconn' as const }, measure('simulateur-remise', 1, 2000, 0.45)];
  assert.deepEqual(targetCosts(results, { simulator: 'simulateur-remise', reference: 'smtp-sink', ratio: 0.33 }), []);
});
