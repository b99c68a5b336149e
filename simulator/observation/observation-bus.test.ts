// The bus's delivery rules: in subscription order, typed handlers before catch-all ones; a
// subscription or unsubscription made while an observation is being delivered applies from the
// next observation on; a throwing reader is reported and the others still run.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ObservationBus } from './observation-bus.ts';

const note = (text: string) => ({ type: 'connection-note' as const, connectionId: 'peer-1', text });

test('typed handlers run in subscription order, then catch-all handlers; each unsubscribe removes only its handler', () => {
  const bus = new ObservationBus({ now: () => new Date(0) });
  const seen: string[] = [];
  const offA = bus.on('connection-note', (o) => seen.push(`a:${o.text}`));
  bus.on('connection-note', (o) => seen.push(`b:${o.text}`));
  bus.onAny((o) => seen.push(`tout:${o.type}`));
  bus.on('trust-space-reset', () => seen.push('jamais'));
  bus.publish(note('1'));
  offA();
  offA();
  bus.publish(note('2'));
  assert.deepEqual(seen, ['a:1', 'b:1', 'tout:connection-note', 'b:2', 'tout:connection-note']);
});

test('changes made during a delivery apply from the next observation on', () => {
  const bus = new ObservationBus();
  const seen: string[] = [];
  let offLater: () => void = () => undefined;
  bus.on('connection-note', (o) => {
    seen.push(`premier:${o.text}`);
    if (o.text === '1') {
      offLater();
      bus.on('connection-note', (p) => seen.push(`ajouté:${p.text}`));
    }
  });
  offLater = bus.on('connection-note', (o) => seen.push(`retiré:${o.text}`));
  bus.publish(note('1'));
  bus.publish(note('2'));
  assert.deepEqual(seen, ['premier:1', 'retiré:1', 'premier:2', 'ajouté:2']);
});

test('the same handler subscribed twice runs once; a throwing reader is reported and the others still run', () => {
  const errors: string[] = [];
  const bus = new ObservationBus({ onReaderError: (error) => errors.push((error as Error).message) });
  const seen: number[] = [];
  const handler = (o: { seq: number }) => seen.push(o.seq);
  bus.onAny(handler);
  bus.onAny(handler);
  bus.on('connection-note', () => {
    throw new Error('lecteur cassé');
  });
  const observed = bus.publish(note('x'));
  assert.equal(observed.seq, 1);
  assert.deepEqual(seen, [1]);
  assert.deepEqual(errors, ['lecteur cassé']);
  assert.equal(bus.lastSeq, 1);
});
