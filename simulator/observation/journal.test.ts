import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Journal } from './journal.ts';

test('each recorded line of an open connection is announced, in order; lines of unknown connections are not', () => {
  const journal = new Journal();
  const seen: string[] = [];
  journal.on('line', (id: string, direction: string, text: string) => seen.push(`${id} ${direction} ${text}`));
  journal.open({ id: 'c1', endpoint: 'submission', remoteAddress: '127.0.0.1' });
  journal.record('c1', 'C', 'RCPT TO:<x@patient.mssante.fr>');
  journal.record('c1', 'S', '550 5.1.1 refusé');
  journal.record('inconnue', 'C', 'NOOP');
  assert.deepEqual(seen, ['c1 C RCPT TO:<x@patient.mssante.fr>', 'c1 S 550 5.1.1 refusé']);
  assert.equal(journal.transcript('c1')?.lines.length, 2);
});
