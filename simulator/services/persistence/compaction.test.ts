// Compaction of the durable journal: records of evicted copies and transmissions go when they
// are most of the file, the trust-space state stays, and the evicted copies are still counted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactRecords, survivingIds } from './compaction.ts';
import type { DurableRecord } from './durable-record.ts';

const stored = (n: number): DurableRecord => ({ t: 'stored', m: { id: `m-${n}` } as never, raw: '' });
const accepted = (n: number): DurableRecord => ({ t: 'accepted', tr: { id: `t-${n}` } as never, raw: '' });
const line = (n: number): DurableRecord => ({ t: 'observation', at: '2026-12-03T10:00:00.000Z', o: { type: 'protocol-line', n } });

function traffic(from: number, to: number): DurableRecord[] {
  const records: DurableRecord[] = [];
  for (let n = from; n <= to; n += 1) records.push(line(n), stored(n), accepted(n));
  return records;
}

test('the last `limit` copies and transmissions survive', () => {
  assert.deepEqual([...survivingIds(traffic(1, 5), 2)].sort(), ['m-4', 'm-5', 't-4', 't-5']);
});

test('records before the oldest survivor go, the state stays, an evicted record counts the copies dropped', () => {
  const profile: DurableRecord = { t: 'profile', at: '2026-12-03T10:00:00.000Z', ins: '238067218103339', state: 'active' };
  const start: DurableRecord = { t: 'start', at: '2026-12-03T10:00:00.000Z', uidValidity: 1 };
  const records = [start, { t: 'evicted', messages: 7 } as DurableRecord, ...traffic(1, 4), profile, ...traffic(5, 10)];
  const kept = compactRecords(records, 2, 1);
  assert.deepEqual(kept, [{ t: 'evicted', messages: 15 }, start, profile, ...traffic(9, 10).slice(1)]);
});

test('no compaction when less than half the records would go, or fewer than the minimum', () => {
  assert.equal(compactRecords(traffic(1, 10), 8, 1), undefined);
  assert.equal(compactRecords(traffic(1, 10), 2, 1000), undefined);
});
