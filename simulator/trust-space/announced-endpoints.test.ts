// The announced name replaces the listening address in every endpoint, ports unchanged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { announcedEndpoints } from './announced-endpoints.ts';
import type { TrustSpaceEndpoints } from './trust-space.ts';

const listening: TrustSpaceEndpoints = {
  submission: { host: '0.0.0.0', port: 2587, tls: 'starttls' },
  peer: { host: '0.0.0.0', port: 2525, tls: 'starttls-optional' },
  imap: { host: '0.0.0.0', port: 2143, tls: 'starttls' },
  imaps: { host: '0.0.0.0', port: 2993, tls: 'implicit' },
  http: { host: '0.0.0.0', port: 8025, baseUrl: 'http://0.0.0.0:8025' },
};

test('without an announced name the listening endpoints are kept', () => {
  assert.equal(announcedEndpoints(listening, undefined), listening);
});

test('a service name replaces the host everywhere, ports and TLS modes unchanged', () => {
  const announced = announcedEndpoints(listening, 'simulateur');
  assert.deepEqual(announced.submission, { host: 'simulateur', port: 2587, tls: 'starttls' });
  assert.deepEqual(announced.imaps, { host: 'simulateur', port: 2993, tls: 'implicit' });
  assert.equal(announced.peer.host, 'simulateur');
  assert.equal(announced.imap.host, 'simulateur');
  assert.deepEqual(announced.http, { host: 'simulateur', port: 8025, baseUrl: 'http://simulateur:8025' });
});

test('an IPv6 address is bracketed in URLs only', () => {
  const announced = announcedEndpoints(listening, 'fd00::5');
  assert.equal(announced.submission.host, 'fd00::5');
  assert.equal(announced.http.baseUrl, 'http://[fd00::5]:8025');
});
