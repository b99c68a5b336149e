import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Journal } from '../mail/journal.ts';
import { createJournalLogger, journalConnectionId } from './journal-logger.ts';

test('C:/S: lines and DATA sizes of smtp-server debug entries go to the connection transcript', () => {
  const journal = new Journal({ now: () => new Date('2026-03-01T10:00:00Z') });
  const id = journalConnectionId('submission', 'abc123');
  assert.equal(id, 'submission-abc123');
  journal.open({ id, endpoint: 'submission', remoteAddress: '127.0.0.1' });
  const logger = createJournalLogger(journal, 'submission');
  logger.debug({ tnx: 'command', cid: 'abc123' }, 'C:', 'EHLO client.example');
  logger.debug({ tnx: 'send', cid: 'abc123' }, 'S:', '250-smtp.test bonjour\r\n250 SIZE 10');
  logger.debug({ tnx: 'data', cid: 'abc123' }, 'C: <%s bytes of DATA>', 1234);
  logger.debug({ tnx: 'send', cid: 'autre' }, 'S:', 'ignored: unknown connection');
  logger.info({ tnx: 'connection', cid: 'abc123' }, 'Connection from %s', 'x');
  logger.debug('a message without entry');
  logger.error({ tnx: 'error' }, '%s %s %s', 'abc123', '127.0.0.1', 'Client network socket disconnected before secure TLS connection was established\n');
  logger.error({ tnx: 'error' }, '%s %s %s', 'abc123', '127.0.0.1', 'Client network socket disconnected before secure TLS connection was established\n');
  assert.deepEqual(
    journal.transcript(id)?.lines.map((line) => `${line.direction} ${line.text}`),
    [
      'C EHLO client.example',
      'S 250-smtp.test bonjour',
      'S 250 SIZE 10',
      'C <1234 octets de DATA>',
      '* erreur de connexion : Client network socket disconnected before secure TLS connection was established',
    ],
  );
});
