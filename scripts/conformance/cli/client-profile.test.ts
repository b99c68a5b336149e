import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { DriverSetupError } from '../../../steps/drivers/driver-setup-error.ts';
import { MANUAL_DEFAULT_CAPABILITIES } from '../../../steps/drivers/manual/manual-driver.ts';
import { productLabel } from './conformance-summary.ts';
import { REFERENCE_CLIENT } from '../../../simulator/public-api.ts';
import { clientProfile } from './client-profile.ts';

test('the reference client, with its variants, answers with its identity and all its capabilities', async () => {
  const profile = await clientProfile({ driver: { kind: 'reference', faults: ['re-fin-subject'] } });
  assert.equal(profile.driverKind, 'reference');
  assert.deepEqual(profile.variants, ['re-fin-subject']);
  assert.deepEqual(profile.client, REFERENCE_CLIENT);
  assert.ok(profile.declaredCapabilities.includes('end-conversation-subject'));
  assert.deepEqual(profile.capabilities, profile.declaredCapabilities);
  assert.equal(profile.parallel, true);
});

test('--capacites replaces the declared capabilities for the run, the declared ones are kept for the report', async () => {
  const profile = await clientProfile({ driver: { kind: 'reference', faults: [] }, capabilities: ['reply'] });
  assert.deepEqual(profile.capabilities, ['reply']);
  assert.ok(profile.declaredCapabilities.length > 1);
});

test('the manual driver has the default profile, one scenario at a time', async () => {
  const profile = await clientProfile({ driver: { kind: 'manual', timeoutMs: 1000 } });
  assert.deepEqual(profile.capabilities, MANUAL_DEFAULT_CAPABILITIES);
  assert.equal(profile.parallel, false);
  assert.equal(productLabel(profile), 'Logiciel piloté manuellement (nom et version à donner avec --produit)');
});

test('the manual driver declares the software named with --produit, as the report shows it', async () => {
  const profile = await clientProfile({ driver: { kind: 'manual', timeoutMs: 1000, product: 'Officine Exemple 4.2' } });
  assert.deepEqual(profile.client, { name: 'Officine Exemple 4.2', version: '' });
  assert.equal(productLabel(profile), 'Officine Exemple 4.2');
});

test('an HTTP adapter is asked GET /capabilities and its answer kept', async () => {
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url !== '/adaptateur/capabilities') return void response.writeHead(404).end('{}');
    response.end(JSON.stringify({ protocolVersion: '1', client: { name: 'Officine+', version: '4.2', vendor: 'Éditeur fictif' }, capabilities: ['patient-messaging'], parallel: false }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/adaptateur/`;
    const profile = await clientProfile({ driver: { kind: 'http', baseUrl: url } });
    assert.deepEqual({ ...profile }, { driverKind: 'http', adapterUrl: url, variants: [], client: { name: 'Officine+', version: '4.2', vendor: 'Éditeur fictif' }, declaredCapabilities: ['patient-messaging'], capabilities: ['patient-messaging'], parallel: false });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('an unreachable adapter is a setup error', async () => {
  await assert.rejects(clientProfile({ driver: { kind: 'http', baseUrl: 'http://127.0.0.1:9/' } }), (error: unknown) => error instanceof DriverSetupError && error.reason === 'unreachable');
});
