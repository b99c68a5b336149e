import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createObservations } from './create-observations.ts';

test('each observed line of an open connection is recorded, in order; lines of unknown connections are not', () => {
  const { bus, journal } = createObservations();
  bus.publish({ type: 'connection-opened', connectionId: 'c1', protocol: 'smtp', endpoint: 'submission', remoteAddress: '127.0.0.1' });
  bus.publish({ type: 'protocol-line', connectionId: 'c1', direction: 'C', text: 'RCPT TO:<x@patient.mssante.fr>' });
  bus.publish({ type: 'protocol-line', connectionId: 'c1', direction: 'S', text: '550 5.1.1 refusé' });
  bus.publish({ type: 'protocol-line', connectionId: 'inconnue', direction: 'C', text: 'NOOP' });
  assert.deepEqual(
    journal.transcript('c1')?.lines.map((line) => `${line.direction} ${line.text}`),
    ['C RCPT TO:<x@patient.mssante.fr>', 'S 550 5.1.1 refusé'],
  );
  assert.equal(journal.transcript('inconnue'), undefined);
});
