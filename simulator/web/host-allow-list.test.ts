import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { test } from 'node:test';
import { allowedHostNames, hostName, isHostAllowed, requestAuthority } from './host-allow-list.ts';

test('the name of a Host header, with or without its port, normalised', () => {
  assert.equal(hostName('LocalHost:8025'), 'localhost');
  assert.equal(hostName('[::1]:8025'), '[::1]');
  assert.equal(hostName('mssante.simulateur.test.'), 'mssante.simulateur.test');
  for (const bad of [undefined, '', 'a b', 'user@evil.example', '::1', 'evil.example:port', 'localhost:65536', 'localhost:99999']) assert.equal(hostName(bad), undefined, String(bad));
});

test('loopback names, the listening address and the given names are allowed; any other name is not', () => {
  const allowed = allowedHostNames('192.168.1.20', ['Simulateur.Local']);
  for (const host of ['localhost', 'localhost:8025', '127.0.0.1:8025', '[::1]', '[::1]:8025', '192.168.1.20:8025', 'simulateur.local']) {
    assert.equal(isHostAllowed(host, allowed), true, host);
  }
  for (const host of ['evil.example', 'evil.example:8025', '127.0.0.1.evil.example', '127.0.0.2', undefined]) assert.equal(isHostAllowed(host, allowed), false, String(host));
  assert.ok(allowedHostNames('::1').has('[::1]'));
});

test('listening on every interface allows the machine name and its addresses', () => {
  const allowed = allowedHostNames('0.0.0.0');
  assert.ok(allowed.has(hostname().toLowerCase()));
  assert.ok(allowed.has('127.0.0.1'));
  assert.equal(allowed.has('evil.example'), false);
});

test('the authority of a request: an absolute-form target wins over Host; several Host lines are reported', () => {
  assert.deepEqual(requestAuthority('/api/stats', ['Host', 'localhost:8025', 'Accept', '*/*']), { kind: 'one', authority: 'localhost:8025' });
  assert.deepEqual(requestAuthority('http://evil.example:8025/api/stats', ['Host', 'localhost']), { kind: 'one', authority: 'evil.example:8025' });
  assert.deepEqual(requestAuthority('HTTP://Evil.example/', []), { kind: 'one', authority: 'Evil.example' });
  assert.deepEqual(requestAuthority('/', ['host', 'localhost', 'HOST', 'evil.example']), { kind: 'several', hosts: ['localhost', 'evil.example'] });
  assert.deepEqual(requestAuthority('/', []), { kind: 'one', authority: undefined });
});
