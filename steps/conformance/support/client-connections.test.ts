// The client's connections rebuilt from typed observations: endpoint, offers, session, failure,
// and whether credentials and MAIL came under TLS; peer connections left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClientHelloReading } from '../../../simulator/public-api.ts';
import { clientConnections, type ConnectionObservation } from './client-connections.ts';

const HELLO: ClientHelloReading = { kind: 'truncated', receivedBytes: 3 };
let seq = 0;
const at = new Date(0);
function o<T extends ConnectionObservation['type']>(type: T, connectionId: string, rest: Record<string, unknown> = {}): ConnectionObservation {
  return { type, connectionId, seq: ++seq, at, ...rest } as unknown as ConnectionObservation;
}

test('commands are marked under TLS only after the session is established on their own connection', () => {
  const observations = [
    o('connection-opened', 'imap-1', { protocol: 'imap', endpoint: 'imap', remoteAddress: '127.0.0.1' }),
    o('imap-command', 'imap-1', { tag: 'a', verb: 'AUTHENTICATE', status: 'NO', code: 'PRIVACYREQUIRED' }),
    o('tls-client-hello', 'imap-1', { offer: HELLO }),
    o('tls-established', 'imap-1', { protocol: 'TLSv1.3', cipherSuite: 'TLS_AES_256_GCM_SHA384' }),
    o('imap-command', 'imap-1', { tag: 'b', verb: 'AUTHENTICATE', status: 'OK' }),
    o('imap-command', 'imap-1', { tag: 'c', verb: 'SELECT', status: 'OK' }),
    o('connection-opened', 'submission-x', { protocol: 'smtp', endpoint: 'submission', remoteAddress: '127.0.0.1' }),
    o('smtp-exchange', 'submission-x', { endpoint: 'submission', verb: 'EHLO', argument: 'x', code: 250, text: '' }),
    o('tls-failed', 'submission-x', { reason: 'x alert certificate expired', alert: 'certificate expired' }),
    o('connection-opened', 'peer-y', { protocol: 'smtp', endpoint: 'peer', remoteAddress: '127.0.0.1' }),
    o('smtp-exchange', 'peer-y', { endpoint: 'peer', verb: 'MAIL', argument: 'FROM:<a@b>', code: 250, text: '' }),
  ];
  assert.deepEqual(clientConnections(observations.reverse()), [
    {
      id: 'imap-1',
      endpoint: 'imap',
      offers: [HELLO],
      established: { protocol: 'TLSv1.3', cipherSuite: 'TLS_AES_256_GCM_SHA384' },
      commands: [
        { verb: 'AUTHENTICATE', underTls: false },
        { verb: 'AUTHENTICATE', underTls: true },
      ],
    },
    { id: 'submission-x', endpoint: 'submission', offers: [], failure: { reason: 'x alert certificate expired', alert: 'certificate expired' }, commands: [] },
  ]);
});

test('an implicit-TLS connection whose ClientHello is seen before it is opened keeps its offer', () => {
  const observations = [o('tls-client-hello', 'imap-9', { offer: HELLO }), o('connection-opened', 'imap-9', { protocol: 'imap', endpoint: 'imaps', remoteAddress: '127.0.0.1' })];
  assert.deepEqual(clientConnections(observations), [{ id: 'imap-9', endpoint: 'imaps', offers: [HELLO], commands: [] }]);
});
