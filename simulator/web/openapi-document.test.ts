import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appRoutes, liveApiRoutes } from '../trust-space/http-routes.ts';
import { controlApiRoutes } from './control-api.ts';
import { DEFAULT_OPENAPI_PATH, documentedOperations, loadOpenApiDocument } from './openapi-document.ts';
import { RequestValidator } from './request-validator.ts';
import { withApi } from './testing/api-test-kit.ts';
import { fakeTrustSpace } from './testing/fake-trust-space.ts';

test('every route is documented in openapi.json, and every documented operation is routed', () => {
  const space = fakeTrustSpace();
  const routed = [...controlApiRoutes(space), ...liveApiRoutes(space), ...appRoutes(space)].map((route) => `${route.method} ${route.path}`).sort();
  const validator = new RequestValidator();
  const documented = documentedOperations(loadOpenApiDocument(validator.schemas())).sort();
  assert.deepEqual(documented, routed);
  assert.equal(routed.length, 61);
});

test('on disk, request bodies reference the schema files; served, the document is self-contained', async () => {
  const onDisk = readFileSync(DEFAULT_OPENAPI_PATH, 'utf8');
  assert.equal(onDisk.match(/"\$ref": "\.\/schemas\/[a-z-]+\.schema\.json"/g)?.length, 13);
  await withApi(async ({ api, check }) => {
    const served = await api.call('GET', '/api/openapi.json');
    check('GET', '/api/openapi.json', served);
    assert.equal(served.body.openapi, '3.1.0');
    assert.doesNotMatch(served.text, /\.\/schemas\//);
    const reply = served.body.paths['/api/patients/{ins}/replies'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(reply, { $ref: '#/components/schemas/patient-reply' });
    assert.equal(served.body.components.schemas['patient-reply'].$id, 'https://mssante-simulateur.example/schemas/api/patient-reply.schema.json');
    for (const match of served.text.matchAll(/"\$ref":"#\/components\/(schemas|responses)\/([^"]+)"/g)) {
      assert.ok(served.body.components[match[1] ?? ''][match[2] ?? ''], `${match[0]} resolves`);
    }
  });
});

test('GET /api/schemas/{name} serves a request schema as published', async () => {
  await withApi(async ({ api, check }) => {
    const schema = await api.call('GET', '/api/schemas/token-request.schema.json');
    check('GET', '/api/schemas/{name}', schema);
    assert.equal(schema.headers.get('content-type'), 'application/schema+json; charset=utf-8');
    assert.equal(JSON.parse(schema.text).title, "Demande de jeton d'accès (Pro Santé Connect simulé)");
    assert.equal(JSON.parse((await api.call('GET', '/api/schemas/token-request')).text).$id, 'https://mssante-simulateur.example/schemas/api/token-request.schema.json');
    const missing = await api.call('GET', '/api/schemas/nothing');
    check('GET', '/api/schemas/{name}', missing);
    assert.equal(missing.body.error.code, 'MSS_SIM_API_UNKNOWN_SCHEMA');
  });
});
