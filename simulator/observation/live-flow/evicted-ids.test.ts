// Flow entries read after an eviction lose the ids of what the retention limit evicted, and only those.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EvictedIds } from './evicted-ids.ts';
import type { FlowEntry } from './flow-entry.ts';

const entry = (storedId: string, transmissionId: string): FlowEntry => ({ id: 'f-000001', at: '2025-01-01T00:00:00.000Z', kind: 'delivered', from: 'a@x.test', to: ['b@x.test'], subject: 's', storedId, transmissionId, connectionId: 'c-1' });

test('ids at or below the high-water mark of their kind are stripped; others and the connection id stay', () => {
  const evicted = new EvictedIds();
  const kept = entry('m-000003', 't-000002');
  assert.equal(evicted.strip(kept), kept);
  evicted.stored('m-000002');
  evicted.transmission('t-000002');
  assert.deepEqual(evicted.strip(entry('m-000002', 't-000002')), { id: 'f-000001', at: '2025-01-01T00:00:00.000Z', kind: 'delivered', from: 'a@x.test', to: ['b@x.test'], subject: 's', connectionId: 'c-1' });
  assert.deepEqual(evicted.strip(kept), { id: 'f-000001', at: '2025-01-01T00:00:00.000Z', kind: 'delivered', from: 'a@x.test', to: ['b@x.test'], subject: 's', storedId: 'm-000003', connectionId: 'c-1' });
  evicted.stored('m-000001'); // an older id never lowers the mark
  assert.equal(evicted.strip(entry('m-000002', 't-000009')).storedId, undefined);
  assert.equal(evicted.strip(entry('m-1000000', 't-000009')).storedId, 'm-1000000');
});
