// The compact delivered copy reads the values of a plain copy: its bytes in place, its instant,
// its index (given, then read again from the bytes once released).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexMessage } from '../../protocols/mime/message-index.ts';
import { DeliveredCopy } from './delivered-copy.ts';
import { withReturnPath } from './return-path.ts';

const RECEIVED = Buffer.from('From: Jean <Jean.Martin@medecin.test>\r\nTo: a@x.test\r\nSubject: Essai\r\nMessage-ID: <essai@medecin.test>\r\nContent-Type: text/plain\r\n\r\ncorps\r\n');
const AT = new Date('2026-12-03T10:00:00.123Z');

const TRACE = 'Received: from poste.medecin.test ([127.0.0.1])\r\n\tby mssante.simulateur.test (Simulateur MSSante) with ESMTPSA id t-000001\r\n\tfor <a@x.test>; Thu, 03 Dec 2026 10:00:00 +0000\r\n';

function copyIn(slab: Buffer, mailFrom: string, trace?: string) {
  const delivered = withReturnPath(
    RECEIVED,
    indexMessage(RECEIVED),
    mailFrom,
    (parts) => {
      const length = Buffer.concat(parts).copy(slab, 7);
      return slab.subarray(7, 7 + length);
    },
    trace,
  );
  const envelope = { mailFrom, rcptTo: ['a@x.test'] };
  const copy = new DeliveredCopy({ mailbox: 'a@x.test', kind: 'message', envelope, raw: delivered.raw, index: delivered.index, prefix: delivered.prefix, receivedAt: AT, ingress: 'peer', connectionId: 'peer-1', id: 'm-000001' });
  return { copy, delivered };
}

test('bytes read in place, a new view each time; the instant as a new Date', () => {
  const slab = Buffer.alloc(4096);
  const { copy, delivered } = copyIn(slab, 'jean.martin@medecin.test');
  assert.deepEqual(copy.raw, delivered.raw);
  assert.equal(copy.raw.buffer, slab.buffer);
  assert.equal(copy.raw.byteOffset, delivered.raw.byteOffset);
  assert.equal(copy.holds(delivered.raw), true);
  assert.equal(copy.holds(Buffer.from(delivered.raw)), false);
  assert.deepEqual(copy.receivedAt, AT);
  assert.notEqual(copy.receivedAt, copy.receivedAt);
  assert.equal(copy.folder, 'INBOX');
  assert.equal(copy.messageId, 'essai@medecin.test');
});

test('the index given, then, released, the same values read again from the bytes (null sender, non-ASCII sender, a Received line too)', () => {
  for (const [mailFrom, trace] of [['jean.martin@medecin.test'], [''], ['josé@médecin.test'], ['jean.martin@medecin.test', TRACE]] as const) {
    const { copy, delivered } = copyIn(Buffer.alloc(4096), mailFrom, trace);
    assert.equal(delivered.raw.toString('latin1'), `Return-Path: <${Buffer.from(mailFrom).toString('latin1')}>\r\n${trace ?? ''}${RECEIVED.toString('latin1')}`);
    assert.equal(copy.index, delivered.index);
    copy.releaseIndex();
    assert.notEqual(copy.index, delivered.index);
    assert.deepEqual(copy.index, delivered.index);
  }
});

test('raw, index and receivedAt are getters: a spread or Object.keys leaves them out', () => {
  const { copy } = copyIn(Buffer.alloc(4096), 'jean.martin@medecin.test');
  assert.deepEqual(Object.keys(copy), ['mailbox', 'kind', 'envelope', 'ingress', 'connectionId', 'folder', 'id']);
});
