import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from './api-error.ts';
import { json } from './http-response.ts';
import type { Route } from './route.ts';
import { RouteTable } from './route-table.ts';

const ok = () => json({});
const routes: Route[] = [
  { method: 'GET', path: '/api/messages/{id}', handler: ok },
  { method: 'GET', path: '/api/messages/{id}/raw', handler: ok },
  { method: 'PUT', path: '/api/patients/{ins}/profile', handler: ok },
  { method: 'GET', path: '/api/mailboxes/{address}/messages', handler: ok },
  { method: 'GET', path: '/ca.crt', handler: ok },
];

test('a literal path and a path with a parameter resolve to their routes', () => {
  const table = new RouteTable(routes);
  const found = table.match('GET', '/api/messages/m-000001/raw');
  assert.equal(found.kind, 'found');
  assert.equal(found.kind === 'found' && found.route.path, '/api/messages/{id}/raw');
  assert.deepEqual(found.kind === 'found' && found.params, { id: 'm-000001' });
  assert.equal(table.match('GET', '/ca.crt').kind, 'found');
});

test('parameters are percent-decoded per segment, so an encoded "/" stays inside the parameter', () => {
  const table = new RouteTable(routes);
  const found = table.match('GET', '/api/mailboxes/pharmacie.duparc%40pharmacien.mssante.fr/messages');
  assert.deepEqual(found.kind === 'found' && found.params, { address: 'pharmacie.duparc@pharmacien.mssante.fr' });
  const slash = table.match('GET', '/api/messages/a%2Fb');
  assert.deepEqual(slash.kind === 'found' && slash.params, { id: 'a/b' });
});

test('a known path with another method gives the allowed methods', () => {
  const table = new RouteTable(routes);
  assert.deepEqual(table.match('POST', '/api/patients/279035121518989/profile'), { kind: 'wrong-method', allowed: ['PUT'] });
});

test('unknown paths, extra or missing segments and empty parameters are not found', () => {
  const table = new RouteTable(routes);
  for (const path of ['/api/nothing', '/api/messages', '/api/messages/', '/api/messages/m-1/raw/x', '/ca.crt/']) {
    assert.deepEqual(table.match('GET', path), { kind: 'not-found' }, path);
  }
});

test('an invalid percent-encoding is a 400 API error', () => {
  const table = new RouteTable(routes);
  assert.throws(() => table.match('GET', '/api/messages/%E0%A4%A'), (error: unknown) => error instanceof ApiError && error.status === 400 && error.code === 'MSS_SIM_API_BAD_PATH_ENCODING');
});

test('duplicate routes and parameters that do not fill a segment are refused at construction', () => {
  assert.throws(() => new RouteTable([...routes, { method: 'GET', path: '/api/messages/{other}', handler: ok }]), /duplicate route: GET \/api\/messages\/\{other\}/);
  assert.throws(() => new RouteTable([{ method: 'GET', path: '/api/m-{id}', handler: ok }]), /whole segment/);
});
