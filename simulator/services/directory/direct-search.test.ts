// The direct route answers plain searches with the very bytes of the msw handlers, keeps them per
// query until the trust space changes, and leaves everything else to the handlers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTrustSpaceView } from '../../domain/create-trust-space-view.ts';
import { startHttpServer } from '../../web/http-server.ts';
import { createDirectoryService, DEFAULT_DIRECTORY_API_KEY } from './create-directory-service.ts';
import { applyChange } from './trust-space-change.ts';
import { defaultData, FIXED_NOW } from './testing/directory-kit.ts';

const data = await defaultData();
let view = createTrustSpaceView(data);
const service = createDirectoryService({ view: () => view, endpoints: () => ({ smtp: { host: '127.0.0.1', port: 1587 } }), now: () => FIXED_NOW, log: () => {} });
const key = { 'esante-api-key': DEFAULT_DIRECTORY_API_KEY };
const ORIGIN = 'http://127.0.0.1:8080';

/** The text of bytes held as a one-byte string. */
function utf8(latin1: string | undefined): string {
  return Buffer.from(latin1 ?? '', 'latin1').toString('utf8');
}

async function viaHandlers(path: string): Promise<Buffer> {
  const response = await service.fallback(new Request(ORIGIN + path, { headers: { 'ESANTE-API-KEY': DEFAULT_DIRECTORY_API_KEY } }));
  return Buffer.from(await (response as Response).arrayBuffer());
}

test('a plain search: the bytes the msw handlers give, kept for the same query', async () => {
  const path = '/fhir/v2/Practitioner?family=martin&_count=1';
  const direct = service.direct('GET', new URL(ORIGIN + path), key);
  assert.equal(direct?.status, 200);
  assert.equal(direct?.contentType, 'application/fhir+json; charset=utf-8');
  assert.deepEqual(Buffer.from(direct?.latin1 ?? '', 'latin1'), await viaHandlers(path));
  assert.equal(service.direct('GET', new URL(ORIGIN + path), key)?.latin1, direct?.latin1, 'the same bytes again');
  assert.match(utf8(direct?.latin1), /"url":"http:\/\/127\.0\.0\.1:8080\/fhir\/v2\/Practitioner\?family=martin&_count=1"/);
});

test('a trust-space change drops the kept answers: a removed mailbox is no longer found', () => {
  const path = '/fhir/v2/PractitionerRole?mailbox-mss=paul.martin@ch-valbrume.mssante.fr';
  const before = utf8(service.direct('GET', new URL(ORIGIN + path), key)?.latin1);
  assert.match(before, /"total":1/);
  view = createTrustSpaceView(applyChange(data, { kind: 'remove-mailbox', address: 'paul.martin@ch-valbrume.mssante.fr' }));
  try {
    assert.match(utf8(service.direct('GET', new URL(ORIGIN + path), key)?.latin1), /"total":0/);
  } finally {
    view = createTrustSpaceView(data);
  }
});

test('errors, faults, reads, metadata, POST and _pretty are left to the handlers', () => {
  const url = (path: string) => new URL(ORIGIN + path);
  assert.equal(service.direct('GET', url('/fhir/v2/Practitioner?family=martin'), {}), undefined);
  assert.equal(service.direct('GET', url('/fhir/v2/Practitioner?family=martin'), { 'esante-api-key': 'mauvaise' }), undefined);
  assert.equal(service.direct('GET', url('/fhir/v2/Practitioner?inconnu=1'), key), undefined);
  assert.equal(service.direct('GET', url('/fhir/v2/Practitioner?family=martin&_pretty=true'), key), undefined);
  assert.equal(service.direct('GET', url('/fhir/v2/Practitioner/899900100035'), key), undefined);
  assert.equal(service.direct('GET', url('/fhir/v2/metadata'), key), undefined);
  assert.equal(service.direct('POST', url('/fhir/v2/Practitioner/_search'), key), undefined);
  assert.equal(service.direct('GET', url('/ailleurs/Practitioner'), key), undefined);
  service.faults.set('empty');
  try {
    assert.equal(service.direct('GET', url('/fhir/v2/Practitioner?family=martin'), key), undefined);
  } finally {
    service.faults.reset();
  }
});

test('on a real port, with the direct route, the answers are those of the handlers alone', async () => {
  const both = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [], fallback: service.fallback, direct: service.direct, log: () => {} });
  const handlersOnly = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [], fallback: service.fallback, log: () => {} });
  try {
    for (const path of ['/fhir/v2/Organization?type=SA33&_count=1', '/fhir/v2/Practitioner?given=h%C3%A9l', '/fhir/v2/Practitioner?inconnu=1', '/fhir/v2/Practitioner?family=martin&_pretty=true']) {
      const [a, b] = await Promise.all([both, handlersOnly].map((s) => fetch(s.baseUrl + path, { headers: { 'ESANTE-API-KEY': DEFAULT_DIRECTORY_API_KEY } })));
      assert.equal(a?.status, b?.status, path);
      assert.equal(a?.headers.get('content-type'), b?.headers.get('content-type'), path);
      const [textA, textB] = await Promise.all([a?.text(), b?.text()]);
      assert.equal(textA?.replaceAll(String(both.port), 'PORT'), textB?.replaceAll(String(handlersOnly.port), 'PORT'), path);
      assert.equal(a?.headers.get('content-length'), String(Buffer.byteLength(textA ?? '')), path);
      if (path.includes('given')) assert.match(textA ?? '', /"given":\["Hélène"\]/, 'accents through the one-byte string, byte for byte');
    }
  } finally {
    await Promise.all([both.close(), handlersOnly.close()]);
  }
});
