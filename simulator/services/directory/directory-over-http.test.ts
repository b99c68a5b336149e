// The same handler set answers out-of-process clients on the simulator's HTTP port (through
// http-server.ts's fallback) and in-process ones (msw setupServer), byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTrustSpaceView } from '../../domain/create-trust-space-view.ts';
import { startHttpServer } from '../../web/http-server.ts';
import { createDirectoryService, DEFAULT_DIRECTORY_API_KEY } from './create-directory-service.ts';
import { interceptDirectory, REAL_DIRECTORY_BASE_URL } from './in-process-directory.ts';
import { linkOf, matchIds } from './testing/bundle-ids.ts';
import { defaultData, FIXED_NOW } from './testing/directory-kit.ts';
import { assertFhirResponseValid } from './testing/fhir-schemas.ts';

const view = createTrustSpaceView(await defaultData());
const service = createDirectoryService({ view: () => view, endpoints: () => ({ smtp: { host: '127.0.0.1', port: 1587 } }), now: () => FIXED_NOW });
const headers = { 'ESANTE-API-KEY': DEFAULT_DIRECTORY_API_KEY };

test('on a real port: searches, links pointing back at that port, POST _search, errors, files', async () => {
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [], fallback: service.fallback, log: () => {} });
  try {
    const answer = await fetch(`${server.baseUrl}/fhir/v2/Organization?type=SA33&_count=1`, { headers });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'application/fhir+json; charset=utf-8');
    const bundle = (await answer.json()) as any;
    assertFhirResponseValid(bundle);
    assert.equal(linkOf(bundle, 'next'), `${server.baseUrl}/fhir/v2/Organization?type=SA33&_count=1&_getpagesoffset=1`);
    const next = (await (await fetch(linkOf(bundle, 'next') ?? '', { headers })).json()) as any;
    assert.deepEqual([...matchIds(bundle), ...matchIds(next)], ['pharmacie-du-parc', 'pharmacie-des-tilleuls']);
    const posted = await fetch(`${server.baseUrl}/fhir/v2/Practitioner/_search`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'family=martin' });
    assert.deepEqual(matchIds((await posted.json()) as any), ['899900100035']);
    const refused = await fetch(`${server.baseUrl}/fhir/v2/Practitioner`);
    assert.equal(refused.status, 401);
    assertFhirResponseValid((await refused.json()) as any);
    const zip = await fetch(`${server.baseUrl}/annuaire-sante-webservices/V300/services/extraction/Extraction_Correspondance_MSSante`);
    assert.equal(zip.status, 200);
    assert.equal(new Uint8Array(await zip.arrayBuffer())[0], 0x50, 'a ZIP starts with PK');
    const other = await fetch(`${server.baseUrl}/nulle-part`);
    assert.equal(other.status, 404);
    assert.equal(((await other.json()) as any).error.code, 'MSS_SIM_API_ROUTE_NOT_FOUND');
  } finally {
    await server.close();
  }
});

test('in-process: a client keeping the real base URL gets the same answer without a socket', async () => {
  const intercepted = interceptDirectory(service);
  try {
    const inProcess = await fetch(`${REAL_DIRECTORY_BASE_URL}/Practitioner?family=martin`, { headers });
    assert.equal(inProcess.status, 200);
    const body = (await inProcess.json()) as any;
    assert.deepEqual(matchIds(body), ['899900100035']);
    assert.equal(body.entry[0].fullUrl, `${REAL_DIRECTORY_BASE_URL}/Practitioner/899900100035`);
    const direct = await service.fallback(new Request(`${REAL_DIRECTORY_BASE_URL}/Practitioner?family=martin`, { headers }));
    assert.deepEqual(body, await direct?.json());
  } finally {
    intercepted.close();
  }
});
