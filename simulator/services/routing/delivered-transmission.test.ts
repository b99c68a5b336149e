// A delivered transmission reads its bytes and index from the copy: the same values as the plain
// transmission routing made before (bytes as received, their own index), optional fields absent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexMessage } from '../../protocols/mime/message-reader.ts';
import { MessageStore } from '../store/message-store.ts';
import { DeliveredTransmission } from './delivered-transmission.ts';

const RAW = Buffer.from('From: a@exemple.test\r\nTo: b@exemple.test\r\nSubject: Essai\r\nMessage-ID: <m1@exemple.test>\r\n\r\nCorps\r\n');
const ENVELOPE = { mailFrom: 'a@exemple.test', rcptTo: ['b@exemple.test'] };
const AT = new Date('2026-12-03T10:00:00Z');

function delivered(optional: { connectionId?: string; authenticatedMailbox?: string } = {}) {
  const store = new MessageStore();
  const index = indexMessage(RAW);
  const copy = store.deliver({ mailbox: 'b@exemple.test', kind: 'message', envelope: ENVELOPE, raw: RAW, index, receivedAt: AT, ingress: 'peer' });
  const fields = { id: 't-000001', envelope: ENVELOPE, ingress: 'peer' as const, receivedAt: AT, ...optional, outcomes: [] };
  return { copy, index, transmission: new DeliveredTransmission(fields, copy, copy.raw.length - RAW.length) };
}

test('bytes as received, a view into the copy; index equal to the index of those bytes', () => {
  const { copy, index, transmission } = delivered();
  assert.deepEqual(transmission.raw, RAW);
  assert.equal(transmission.raw.buffer, copy.raw.buffer);
  assert.deepEqual(transmission.index, index);
  assert.deepEqual(transmission.index, indexMessage(RAW));
  assert.equal(transmission.index.headerBytes, RAW.indexOf('\r\n\r\n') + 4);
});

test('optional fields are absent unless given, as in a plain transmission', () => {
  const plain = delivered().transmission;
  assert.equal('connectionId' in plain, false);
  assert.equal('authenticatedMailbox' in plain, false);
  const full = delivered({ connectionId: 'peer-1', authenticatedMailbox: 'a@exemple.test' }).transmission;
  assert.equal(full.connectionId, 'peer-1');
  assert.equal(full.authenticatedMailbox, 'a@exemple.test');
  assert.deepEqual(Object.keys(full).sort(), ['authenticatedMailbox', 'connectionId', 'envelope', 'id', 'ingress']);
  assert.deepEqual(full.receivedAt, AT);
});

test('the one delivered recipient and the instant are read from the copy, equal to those given', () => {
  const store = new MessageStore();
  const copy = store.deliver({ mailbox: 'b@exemple.test', kind: 'message', envelope: ENVELOPE, raw: RAW, receivedAt: AT, ingress: 'peer', connectionId: 'peer-1' });
  const outcomes = [{ recipient: 'b@exemple.test', outcome: 'delivered' as const, mailbox: copy.mailbox, storedId: copy.id }];
  const transmission = new DeliveredTransmission({ id: 't-000001', envelope: ENVELOPE, ingress: 'peer', receivedAt: new Date(AT), outcomes }, copy, copy.raw.length - RAW.length);
  assert.deepEqual(transmission.outcomes, outcomes);
  assert.deepEqual(Object.keys(transmission.outcomes[0]!), Object.keys(outcomes[0]!));
  assert.deepEqual(transmission.receivedAt, AT);
});

test('other outcomes and another instant are kept as given', () => {
  const store = new MessageStore();
  const copy = store.deliver({ mailbox: 'b@exemple.test', kind: 'message', envelope: { mailFrom: 'a@exemple.test', rcptTo: ['B@exemple.test', 'c@exemple.test'] }, raw: RAW, receivedAt: AT, ingress: 'peer' });
  const outcomes = [
    { recipient: 'B@exemple.test', outcome: 'delivered' as const, mailbox: copy.mailbox, storedId: copy.id },
    { recipient: 'c@exemple.test', outcome: 'bounced' as const, status: '5.1.1' },
  ];
  const later = new Date(AT.getTime() + 1);
  const transmission = new DeliveredTransmission({ id: 't-000001', envelope: copy.envelope, ingress: 'peer', receivedAt: later, outcomes }, copy, copy.raw.length - RAW.length);
  assert.equal(transmission.outcomes, outcomes);
  assert.equal(transmission.receivedAt, later);
  const first = new DeliveredTransmission({ id: 't-000002', envelope: copy.envelope, ingress: 'peer', receivedAt: AT, outcomes: outcomes.slice(0, 1) }, copy, copy.raw.length - RAW.length);
  assert.deepEqual(first.outcomes, outcomes.slice(0, 1));
});
