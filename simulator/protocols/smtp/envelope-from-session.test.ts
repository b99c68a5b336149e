import { test } from 'node:test';
import assert from 'node:assert/strict';
import { envelopeFromSession } from './envelope-from-session.ts';

test('null sender, recipients in order, DSN parameters when given', () => {
  assert.deepEqual(envelopeFromSession({ mailFrom: { address: '', args: false }, rcptTo: [{ address: 'a@x.test', args: false }] }), { mailFrom: '', rcptTo: ['a@x.test'] });
  assert.deepEqual(
    envelopeFromSession({
      mailFrom: { address: 'e@x.test', args: { RET: 'FULL' } },
      rcptTo: [
        { address: 'a@x.test', args: false, dsn: { notify: ['never'] } },
        { address: 'b@x.test', args: false, dsn: { orcpt: 'rfc822;b@x.test' } },
        { address: 'c@x.test', args: false, dsn: {} },
      ],
      dsn: { ret: 'full', envid: 'QQ314159' },
    }),
    {
      mailFrom: 'e@x.test',
      rcptTo: ['a@x.test', 'b@x.test', 'c@x.test'],
      ret: 'FULL',
      envid: 'QQ314159',
      recipientDsn: { 'a@x.test': { notify: ['NEVER'] }, 'b@x.test': { orcpt: 'rfc822;b@x.test' } },
    },
  );
  assert.deepEqual(envelopeFromSession({ mailFrom: false, rcptTo: [], dsn: { ret: null, envid: null } }), { mailFrom: '', rcptTo: [] });
});

test('an envelope without DSN parameters is pooled and frozen; one with them is its own', () => {
  const session = (dsn?: { ret: string }) => ({ mailFrom: { address: 'e@x.test', args: false as const }, rcptTo: [{ address: 'a@x.test', args: false as const }], ...(dsn ? { dsn: { ...dsn, envid: null } } : {}) });
  const first = envelopeFromSession(session());
  assert.equal(envelopeFromSession(session()), first);
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first.rcptTo));
  const withDsn = envelopeFromSession(session({ ret: 'hdrs' }));
  assert.notEqual(withDsn, first);
  assert.deepEqual(withDsn, { mailFrom: 'e@x.test', rcptTo: ['a@x.test'], ret: 'HDRS' });
});
