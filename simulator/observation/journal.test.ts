import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createObservations } from './create-observations.ts';
import { Journal } from './journal.ts';

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

test('past its total line bound the journal drops the oldest closed transcripts, never an open one', () => {
  const journal = new Journal({ maxLines: 10 });
  const connection = (id: string, lines: number, closed: boolean) => {
    journal.open({ id, endpoint: 'peer', remoteAddress: '127.0.0.1' });
    for (let i = 0; i < lines; i += 1) journal.record(id, 'C', `NOOP ${i}`);
    if (closed) journal.close(id);
  };
  connection('ouverte', 4, false);
  connection('a', 4, true);
  assert.equal(journal.lineCount, 8);
  connection('b', 4, true);
  assert.deepEqual(journal.connections().map((c) => c.id), ['ouverte', 'b'], 'the oldest closed one goes first');
  assert.equal(journal.lineCount, 8);
  // Only open connections left over the bound: they keep their lines until they close.
  connection('c', 7, false);
  assert.deepEqual(journal.connections().map((c) => c.id), ['ouverte', 'c']);
  assert.equal(journal.lineCount, 11);
  journal.close('c');
  assert.deepEqual(journal.connections().map((c) => c.id), ['ouverte']);
  assert.equal(journal.lineCount, 4);
  journal.clear();
  assert.equal(journal.lineCount, 0);
});

test('each line keeps its instant: a Date in the transcript, ISO 8601 in the text form', () => {
  let now = Date.parse('2026-12-04T21:00:00.000Z');
  const journal = new Journal({ now: () => new Date(now) });
  journal.open({ id: 'c1', endpoint: 'peer', remoteAddress: '127.0.0.1' });
  journal.record('c1', 'C', 'EHLO client.exemple.fr');
  now += 1500;
  journal.record('c1', 'S', '250 OK', new Date('2026-12-04T21:00:01.250Z'));
  const lines = journal.transcript('c1')?.lines ?? [];
  assert.deepEqual(lines.map((line) => [line.at instanceof Date, line.at.toISOString()]), [[true, '2026-12-04T21:00:00.000Z'], [true, '2026-12-04T21:00:01.250Z']]);
  assert.equal(journal.format('c1'), '2026-12-04T21:00:00.000Z C: EHLO client.exemple.fr\n2026-12-04T21:00:01.250Z S: 250 OK');
});
