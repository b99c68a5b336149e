import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressLiteral, receivedTrace, withKeyword, type TraceLine } from './received-trace.ts';

const AT = new Date('2026-12-04T19:40:05Z');
const LINE: TraceLine = { helo: 'poste-12.pharmacie-du-parc.test', remoteAddress: '127.0.0.1', serverName: 'mssante.simulateur.test', extended: true, tls: { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' }, authenticated: true, smtpUtf8: false, id: 't-000042', recipients: ['284034912304586@patient.mssante.fr'], at: AT };

test('the trace line of an authenticated submission over TLS, folded, 7-bit, ending in CRLF', () => {
  assert.equal(
    receivedTrace(LINE),
    'Received: from poste-12.pharmacie-du-parc.test ([127.0.0.1])\r\n' +
      '\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384)\r\n' +
      '\tby mssante.simulateur.test (Simulateur MSSante) with ESMTPSA id t-000042\r\n' +
      '\tfor <284034912304586@patient.mssante.fr>; Fri, 04 Dec 2026 19:40:05 +0000\r\n',
  );
});

test('the `with` keyword follows RFC 3848 and RFC 6531', () => {
  assert.equal(withKeyword({ extended: false, authenticated: false, smtpUtf8: false }), 'SMTP');
  assert.equal(withKeyword({ extended: true, authenticated: false, smtpUtf8: false }), 'ESMTP');
  assert.equal(withKeyword({ extended: true, tls: { version: 'TLSv1.2', cipher: 'x' }, authenticated: false, smtpUtf8: false }), 'ESMTPS');
  assert.equal(withKeyword({ extended: true, authenticated: true, smtpUtf8: false }), 'ESMTPA');
  assert.equal(withKeyword({ extended: true, tls: { version: 'TLSv1.3', cipher: 'x' }, authenticated: true, smtpUtf8: true }), 'UTF8SMTPSA');
});

test('client addresses become address literals, IPv4-mapped ones as IPv4', () => {
  assert.equal(addressLiteral('192.0.2.7'), '[192.0.2.7]');
  assert.equal(addressLiteral('::1'), '[IPv6:::1]');
  assert.equal(addressLiteral('::ffff:127.0.0.1'), '[127.0.0.1]');
});

test('several recipients, or one outside ASCII, are not named; no TLS, no comment about it', () => {
  const { tls: _tls, ...withoutTls } = LINE;
  const several = receivedTrace({ ...withoutTls, authenticated: false, recipients: ['a@x.test', 'b@x.test'] });
  assert.equal(several, 'Received: from poste-12.pharmacie-du-parc.test ([127.0.0.1])\r\n\tby mssante.simulateur.test (Simulateur MSSante) with ESMTP id t-000042\r\n\t; Fri, 04 Dec 2026 19:40:05 +0000\r\n');
  assert.doesNotMatch(receivedTrace({ ...LINE, smtpUtf8: true, recipients: ['josé@x.test'] }), /for </);
});

test("a client's EHLO name that is neither a domain nor an address literal goes in a comment, reduced to safe characters", () => {
  for (const [helo, comment] of [
    ['mon poste (bureau)', 'mon?poste??bureau?'],
    ['poste-é', 'poste-?'],
    ['', 'none'],
    ['a\\b', 'a?b'],
    [`${'x'.repeat(300)}`, `${'x'.repeat(64)}...`],
  ] as const) {
    const line = receivedTrace({ ...LINE, helo });
    assert.ok(line.startsWith(`Received: from [127.0.0.1] (helo=${comment})\r\n`), line);
    assert.match(line, /^[\t\r\n\x20-\x7e]*$/, 'printable ASCII only');
  }
  assert.ok(receivedTrace({ ...LINE, helo: '[192.0.2.1]' }).startsWith('Received: from [192.0.2.1] ([127.0.0.1])'));
  const { helo: _helo, ...withoutHelo } = LINE;
  assert.ok(receivedTrace(withoutHelo).startsWith('Received: from [127.0.0.1] (helo=none)'));
});
