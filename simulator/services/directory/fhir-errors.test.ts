// Every refusal of the simulated Annuaire Santé is an OperationOutcome with the right status
// and stable code (REG-ANN-01), and hostile input never crashes it nor yields an
// unbounded answer (bad input). Faults switch per test (DirectoryFaults).
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { matchIds } from './testing/bundle-ids.ts';
import { defaultData, directoryKit } from './testing/directory-kit.ts';

const kit = directoryKit(await defaultData());
afterEach(() => kit.service.faults.reset());

async function refused(path: string, status: number, code: string, init?: RequestInit): Promise<string> {
  const answer = await kit.fhir(path, init);
  assert.equal(answer.status, status, `${path}: ${JSON.stringify(answer.body)}`);
  assert.equal(answer.body.resourceType, 'OperationOutcome');
  assert.equal(answer.body.issue[0].details.coding[0].code, code, path);
  assert.equal(answer.headers.get('content-type'), 'application/fhir+json; charset=utf-8');
  return answer.body.issue[0].diagnostics as string;
}

test('ESANTE-API-KEY: missing or wrong → 401 OperationOutcome', async () => {
  const missing = await kit.service.fallback(new Request('http://annuaire.test/fhir/v2/Practitioner'));
  assert.equal(missing?.status, 401);
  assert.equal(((await missing?.json()) as any).issue[0].details.coding[0].code, 'MSS_SIM_DIRECTORY_API_KEY_MISSING');
  await refused('/fhir/v2/Practitioner', 401, 'MSS_SIM_DIRECTORY_API_KEY_REFUSED', { headers: { 'ESANTE-API-KEY': 'mauvaise-cle' } });
  await refused('/fhir/v2/metadata', 401, 'MSS_SIM_DIRECTORY_API_KEY_REFUSED', { headers: { 'ESANTE-API-KEY': 'mauvaise-cle' } });
});

test('unknown resource type or id → 404; writes → 405', async () => {
  assert.match(await refused('/fhir/v2/Patient', 404, 'MSS_SIM_DIRECTORY_UNKNOWN_RESOURCE_TYPE'), /^HAPI-0302: Type de ressource inconnu : « Patient »/);
  assert.match(await refused('/fhir/v2/Practitioner/999', 404, 'MSS_SIM_DIRECTORY_UNKNOWN_RESOURCE'), /^HAPI-2001: La ressource Practitioner\/999 est introuvable/);
  await refused('/fhir/v2/Practitioner/899900100035/_history', 404, 'MSS_SIM_DIRECTORY_UNKNOWN_RESOURCE');
  await refused('/fhir/v2/Practitioner/899900100035', 405, 'MSS_SIM_DIRECTORY_METHOD_NOT_ALLOWED', { method: 'PUT', body: '{}' });
  await refused('/fhir/v2/Practitioner/899900100035', 405, 'MSS_SIM_DIRECTORY_METHOD_NOT_ALLOWED', { method: 'DELETE' });
  await refused('/fhir/v2/Practitioner', 405, 'MSS_SIM_DIRECTORY_METHOD_NOT_ALLOWED', { method: 'POST', body: '{}' });
});

test('unknown parameters, modifiers and includes → 400 naming the valid ones', async () => {
  assert.match(await refused('/fhir/v2/Practitioner?nom=martin', 400, 'MSS_SIM_DIRECTORY_UNKNOWN_PARAMETER'), /« nom » pour Practitioner\. Paramètres valides : _id, _lastUpdated, active, mailbox-mss/);
  await refused('/fhir/v2/Organization?organization.name=x', 400, 'MSS_SIM_DIRECTORY_UNKNOWN_PARAMETER');
  assert.match(await refused('/fhir/v2/Practitioner?name:missing=true', 400, 'MSS_SIM_DIRECTORY_UNSUPPORTED_MODIFIER'), /utilisez :contains, :exact ou aucun/);
  await refused('/fhir/v2/Practitioner?identifier:contains=8', 400, 'MSS_SIM_DIRECTORY_UNSUPPORTED_MODIFIER');
  await refused('/fhir/v2/Practitioner?_include=PractitionerRole:practitioner', 400, 'MSS_SIM_DIRECTORY_UNSUPPORTED_INCLUDE');
  await refused('/fhir/v2/PractitionerRole?_include:iterate=PractitionerRole:practitioner', 400, 'MSS_SIM_DIRECTORY_UNKNOWN_PARAMETER');
  await refused('/fhir/v2/Practitioner?_format=xml', 406, 'MSS_SIM_DIRECTORY_UNSUPPORTED_FORMAT');
});

test('bad values → 400 saying what is expected', async () => {
  const cases: [string, string][] = [
    ['/fhir/v2/Practitioner?active=peut-etre', 'true ou false'],
    ['/fhir/v2/Practitioner?mailbox-mss-type=XYZ', 'PER, ORG, APP, CAB'],
    ['/fhir/v2/Practitioner?_lastUpdated=hier', 'une date FHIR'],
    ['/fhir/v2/Practitioner?_lastUpdated=ne2025', 'une date FHIR'],
    ['/fhir/v2/Practitioner?_lastUpdated=2025-13-01', 'une date du calendrier'],
    ['/fhir/v2/PractitionerRole?practitioner=Organization/ch-valbrume', 'Practitioner/<id>'],
    ['/fhir/v2/Organization?type=', ''],
    ['/fhir/v2/Practitioner?_count=-1', 'un entier positif'],
    ['/fhir/v2/Practitioner?_count=abc', 'un entier positif'],
    ['/fhir/v2/Practitioner?_getpagesoffset=1e3', 'un entier positif'],
    ['/fhir/v2/Practitioner?_total=beaucoup', 'none, estimate ou accurate'],
  ];
  for (const [path, expected] of cases) {
    if (expected === '') {
      assert.equal((await kit.fhir(path)).status, 200, `${path}: an empty value is ignored`);
      continue;
    }
    assert.ok((await refused(path, 400, 'MSS_SIM_DIRECTORY_INVALID_VALUE')).includes(expected), path);
  }
});

test('huge _count, 10 KB values, too many parameters → 400, never a huge answer', async () => {
  assert.match(await refused('/fhir/v2/Practitioner?_count=100000000', 400, 'MSS_SIM_DIRECTORY_COUNT_TOO_LARGE'), /taille de page maximale \(1000\)/);
  assert.equal((await kit.fhir('/fhir/v2/Practitioner?_count=1000')).status, 200);
  const big = 'a'.repeat(10 * 1024);
  assert.match(await refused(`/fhir/v2/Practitioner?name=${big}`, 400, 'MSS_SIM_DIRECTORY_VALUE_TOO_LONG'), /10240 caractères : la limite est de 256/);
  assert.ok((await refused(`/fhir/v2/Practitioner?${big}=1`, 400, 'MSS_SIM_DIRECTORY_UNKNOWN_PARAMETER')).length < 1000);
  await refused(`/fhir/v2/Practitioner?${Array.from({ length: 60 }, () => 'name=a').join('&')}`, 400, 'MSS_SIM_DIRECTORY_TOO_MANY_PARAMETERS');
});

test('injection attempts are plain search strings: an empty result, no error', async () => {
  for (const value of ["' OR 1=1", "'; DROP TABLE praticiens; --", '<script>alert(1)</script>', '.*', '%', '*', '\\', '${7*7}', '\u0000']) {
    const answer = await kit.fhir(`/fhir/v2/Practitioner?name=${encodeURIComponent(value)}&mailbox-mss:contains=${encodeURIComponent(value)}`);
    assert.equal(answer.status, 200, value);
    assert.equal(answer.body.total, 0, value);
  }
});

test('malformed POST _search bodies → 415, 400 or 413', async () => {
  const post = (body: NonNullable<RequestInit['body']>, contentType?: string): RequestInit => ({ method: 'POST', body, ...(contentType && { headers: { 'Content-Type': contentType } }) });
  await refused('/fhir/v2/Practitioner/_search', 415, 'MSS_SIM_DIRECTORY_UNSUPPORTED_MEDIA_TYPE', post('{"name":"martin"}', 'application/json'));
  await refused('/fhir/v2/Practitioner/_search', 415, 'MSS_SIM_DIRECTORY_UNSUPPORTED_MEDIA_TYPE', post(new Uint8Array([110, 61, 1])));
  const form = 'application/x-www-form-urlencoded';
  await refused('/fhir/v2/Practitioner/_search', 400, 'MSS_SIM_DIRECTORY_MALFORMED_BODY', post(new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3d, 0xff, 0xfe]), form));
  await refused('/fhir/v2/Practitioner/_search', 400, 'MSS_SIM_DIRECTORY_MALFORMED_BODY', post('name=%zz', form));
  await refused('/fhir/v2/Practitioner/_search', 400, 'MSS_SIM_DIRECTORY_MALFORMED_BODY', post('name=%C3%28', form));
  await refused('/fhir/v2/Practitioner/_search', 413, 'MSS_SIM_DIRECTORY_BODY_TOO_LARGE', post(`name=${'a'.repeat(70 * 1024)}`, form));
  await refused('/fhir/v2/Practitioner/_search', 400, 'MSS_SIM_DIRECTORY_UNKNOWN_PARAMETER', post('nom=martin', form));
  assert.deepEqual(matchIds((await kit.fhir('/fhir/v2/Practitioner/_search', post('family=martin', `${form}; charset=UTF-8`))).body), ['899900100035']);
});

test('faults: unavailable (503, before the key), key refused (401), empty results, slow', async () => {
  kit.service.faults.set('unavailable');
  const down = await kit.service.fallback(new Request('http://annuaire.test/fhir/v2/Practitioner'));
  assert.equal(down?.status, 503);
  assert.equal(((await down?.json()) as any).issue[0].code, 'transient');
  kit.service.faults.set('key-refused');
  await refused('/fhir/v2/Practitioner', 401, 'MSS_SIM_DIRECTORY_API_KEY_REFUSED');
  kit.service.faults.set('empty');
  assert.equal((await kit.fhir('/fhir/v2/Practitioner?family=martin')).body.total, 0);
  assert.equal((await kit.fhir('/fhir/v2/Practitioner/899900100035')).status, 200, 'reads are not affected');
  kit.service.faults.set('slow', 120);
  const started = performance.now();
  assert.equal((await kit.fhir('/fhir/v2/Practitioner?family=martin')).body.total, 1);
  assert.ok(performance.now() - started >= 110);
  kit.service.faults.reset();
  assert.deepEqual(kit.service.faults.snapshot(), { mode: 'none', delayMs: 2000 });
  assert.throws(() => kit.service.faults.set('slow', 60_001), RangeError);
  assert.throws(() => kit.service.faults.set('panne' as 'none'), RangeError);
});
