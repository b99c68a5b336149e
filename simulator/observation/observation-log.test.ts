// The observation log gives back what the bus delivered: kept types in order, filtered by
// sequence, `message-accepted` (kept in a compact form) equal to the delivered observation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Transmission } from '../services/routing/transmission-log.ts';
import { ObservationBus } from './observation-bus.ts';
import { ObservationLog } from './observation-log.ts';
import type { Observed } from './observation.ts';

const transmission = { id: 't-000001', envelope: { mailFrom: 'a@exemple.test', rcptTo: ['b@exemple.test'] }, outcomes: [] } as unknown as Transmission;

test('a message-accepted observation is listed equal to the one delivered, with its sequence and instant', () => {
  let clock = Date.parse('2026-12-03T10:00:00.123Z');
  const bus = new ObservationBus({ now: () => new Date((clock += 1)) });
  const log = new ObservationLog(bus);
  const delivered: Observed[] = [];
  bus.onAny((o) => delivered.push(o));
  bus.publish({ type: 'connection-closed', connectionId: 'peer-1' });
  bus.publish({ type: 'message-accepted', transmission });
  bus.publish({ type: 'message-accepted', transmission });
  const accepted = log.list('message-accepted');
  assert.deepEqual(accepted, [delivered[1], delivered[2]]);
  assert.equal(accepted[0]!.transmission, transmission);
  assert.deepEqual(log.list('message-accepted', delivered[1]!.seq), [delivered[2]]);
  assert.deepEqual(Object.keys(accepted[0]!), Object.keys(delivered[1]!));
  assert.deepEqual(log.list('connection-closed'), [delivered[0]]);
});

test('the log keeps at most its capacity, dropping the oldest, and empties on reset', () => {
  const bus = new ObservationBus();
  const log = new ObservationLog(bus, 2);
  for (let i = 0; i < 3; i += 1) bus.publish({ type: 'message-accepted', transmission });
  assert.deepEqual(log.list('message-accepted').map((o) => o.seq), [2, 3]);
  bus.publish({ type: 'trust-space-reset' });
  assert.equal(log.size, 0);
});

test('mixed with other observations, past the capacity and after compaction, each accepted message keeps its own sequence and instant', () => {
  let clock = Date.parse('2026-12-03T10:00:00Z');
  const bus = new ObservationBus({ now: () => new Date((clock += 7)) });
  const log = new ObservationLog(bus, 1000);
  const delivered: Observed[] = [];
  bus.onAny((o) => delivered.push(o));
  for (let i = 0; i < 12_000; i += 1) {
    if (i % 3 === 0) bus.publish({ type: 'connection-closed', connectionId: `peer-${i}` });
    else bus.publish({ type: 'message-accepted', transmission: { ...transmission, id: `t-${i}` } });
  }
  const kept = delivered.slice(-1000);
  assert.equal(log.size, 1000);
  assert.deepEqual(log.list('message-accepted'), kept.filter((o) => o.type === 'message-accepted'));
  assert.deepEqual(log.list('connection-closed'), kept.filter((o) => o.type === 'connection-closed'));
  const mark = kept[500]!.seq;
  assert.deepEqual(log.list('message-accepted', mark), kept.filter((o) => o.type === 'message-accepted' && o.seq > mark));
});
