// The traffic the harness judges (REG-DEC-04): every accepted message once, as received.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexMessage } from '../../protocols/mime/message-index.ts';
import { NOW, rawMail } from './testing/routing-fixture.ts';
import { TransmissionLog, type Transmission } from './transmission-log.ts';

function transmission(id: string): Transmission {
  const raw = rawMail({ from: 'paul.martin@ch-valbrume.mssante.fr', to: ['284034912304586@patient.mssante.fr'] });
  return { id, envelope: { mailFrom: 'paul.martin@ch-valbrume.mssante.fr', rcptTo: ['284034912304586@patient.mssante.fr'] }, raw, index: indexMessage(raw), ingress: 'peer', receivedAt: NOW, outcomes: [] };
}

test('ids are zero-padded and increasing', () => {
  const log = new TransmissionLog();
  assert.deepEqual([log.nextId(), log.nextId(), log.nextId()], ['t-000001', 't-000002', 't-000003']);
});

test('add keeps arrival order, finds by id, counts, and tells `onAdded`', () => {
  const emitted: Transmission[] = [];
  const log = new TransmissionLog((t) => emitted.push(t));
  const [first, second] = [transmission(log.nextId()), transmission(log.nextId())];
  log.add(first);
  log.add(second);
  assert.deepEqual(log.all(), [first, second]);
  assert.equal(log.get('t-000002'), second);
  assert.equal(log.get('t-000404'), undefined);
  assert.equal(log.count(), 2);
  assert.deepEqual(emitted, [first, second]);
  assert.equal(emitted[0], first, 'the very object, not a copy');
});

test('clear empties the log, and ids keep increasing so an old id never names a new transmission', () => {
  const log = new TransmissionLog();
  log.add(transmission(log.nextId()));
  const before = log.all();
  log.clear();
  assert.equal(log.count(), 0);
  assert.deepEqual(log.all(), []);
  assert.equal(log.get('t-000001'), undefined);
  assert.equal(before.length, 1, 'a list read before clear is not emptied under its reader');
  assert.equal(log.nextId(), 't-000002');
});
