import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createObservations } from '../../observation/create-observations.ts';
import type { Observation } from '../../observation/observation.ts';
import { createSmtpObserver, smtpConnectionId } from './smtp-observer.ts';

test('C:/S: lines and DATA sizes of smtp-server debug entries become protocol lines of the connection transcript', () => {
  const { bus, journal } = createObservations({ now: () => new Date('2026-03-01T10:00:00Z') });
  const id = smtpConnectionId('submission', 'abc123');
  assert.equal(id, 'submission-abc123');
  bus.publish({ type: 'connection-opened', connectionId: id, protocol: 'smtp', endpoint: 'submission', remoteAddress: '127.0.0.1' });
  const { logger } = createSmtpObserver(bus, 'submission');
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

test('each command is paired with its reply as a typed smtp-exchange, with the transaction sender; a library error is a connection-error', () => {
  const { bus } = createObservations();
  const seen: Observation[] = [];
  bus.onAny((o) => seen.push(o));
  const { logger } = createSmtpObserver(bus, 'submission');
  const say = (command: string, reply: string) => {
    logger.debug({ tnx: 'command', cid: 'c1' }, 'C:', command);
    logger.debug({ tnx: 'send', cid: 'c1' }, 'S:', reply);
  };
  say('MAIL FROM:<Camille@Pharmacien.mssante.fr> SIZE=10', '250 2.1.0 Accepted');
  say('RCPT TO:<x@exemple.com>', "550 5.7.1 Destinataire <x@exemple.com> refusé");
  logger.debug({ tnx: 'data', cid: 'c1' }, 'C: <%s bytes of DATA>', 10);
  logger.debug({ tnx: 'send', cid: 'c1' }, 'S:', '250 2.0.0 Message accepté, identifiant t-000001');
  say('RSET', '250 Flushed');
  say('RCPT TO:<y@exemple.com>', '503 5.5.1 Error: need MAIL command');
  logger.error({ tnx: 'error' }, '%s %s %s', 'c1', '127.0.0.1', 'routines:ssl3_read_bytes:sslv3 alert certificate unknown');
  const exchanges = seen.flatMap((o) => (o.type === 'smtp-exchange' ? [[o.verb, o.address, o.transactionSender, o.code, o.enhanced, o.text]] : []));
  assert.deepEqual(exchanges, [
    ['MAIL', 'camille@pharmacien.mssante.fr', undefined, 250, '2.1.0', 'Accepted'],
    ['RCPT', 'x@exemple.com', 'camille@pharmacien.mssante.fr', 550, '5.7.1', 'Destinataire <x@exemple.com> refusé'],
    ['DATA-END', undefined, 'camille@pharmacien.mssante.fr', 250, '2.0.0', 'Message accepté, identifiant t-000001'],
    ['RSET', undefined, undefined, 250, undefined, 'Flushed'],
    ['RCPT', 'y@exemple.com', undefined, 503, '5.5.1', 'Error: need MAIL command'],
  ]);
  assert.deepEqual(seen.filter((o) => o.type === 'connection-error').map((o) => o.type === 'connection-error' && o.message), ['routines:ssl3_read_bytes:sslv3 alert certificate unknown']);
});
