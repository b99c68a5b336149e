import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { ApiError } from './api-error.ts';
import { DEFAULT_SCHEMA_DIR, RequestValidator } from './request-validator.ts';
import type { RequestContext } from './route.ts';

const validator = new RequestValidator();

function context(body: string | Buffer, contentType: string | undefined = 'application/json'): RequestContext {
  return {
    method: 'POST',
    path: '/api/test',
    params: {},
    query: new URLSearchParams(),
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  };
}

function rejection(body: string | Buffer, schema: string, contentType?: string): ApiError {
  try {
    validator.parseBody(context(body, contentType), schema);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  assert.fail('the body was accepted');
}

test('a valid body comes back parsed; charset and +json media types are accepted, a missing Content-Type too', () => {
  assert.deepEqual(validator.parseBody(context('{"messageId":"m-000001","text":"Merci"}', 'application/json; charset=utf-8'), 'patient-reply'), { messageId: 'm-000001', text: 'Merci' });
  assert.deepEqual(validator.parseBody(context('{"state":"closed"}', 'application/merge-patch+json'), 'patient-profile'), { state: 'closed' });
  assert.deepEqual(validator.parseBody(context('{}', undefined), 'settings-update'), {});
});

test('every schema problem is reported at once, with JSON pointer, French message and fix', () => {
  const error = rejection('{"to":"pas-une-adresse","text":3,"cc":"x"}', 'patient-message');
  assert.equal(error.status, 400);
  assert.equal(error.code, 'MSS_SIM_API_INVALID_BODY');
  assert.equal(error.message, 'Corps de requête invalide : 4 problèmes');
  assert.deepEqual(error.body().error['problems'], [
    { path: '/subject', message: 'propriété obligatoire « subject » absente', fix: 'ajoutez « subject » : Objet du message, sur une seule ligne' },
    { path: '/cc', message: 'propriété inconnue « cc »', fix: "retirez-la (vérifiez l'orthographe) ; propriétés acceptées : to, subject, text" },
    { path: '/to', message: 'valeur « pas-une-adresse » au format incorrect', fix: 'attendu : Adresse MSSanté du destinataire, nue (sans nom ni chevrons), ex. pharmacie.duparc@pharmacien.mssante.fr' },
    { path: '/text', message: 'type incorrect : reçu 3, il faut une chaîne de caractères', fix: 'donnez une chaîne de caractères (Texte du message, en texte brut UTF-8)' },
  ]);
});

test('enum, bounds and one-line subjects are explained', () => {
  assert.deepEqual(rejection('{"state":"ouvert"}', 'patient-profile').body().error['problems'], [
    { path: '/state', message: 'valeur « ouvert » non admise', fix: 'valeurs admises : « active », « opposed », « closed », « none »' },
  ]);
  const token = rejection('{"mailbox":"a@pharmacien.mssante.fr","ttlSeconds":90000}', 'token-request').body().error['problems'] as { path: string; fix: string }[];
  assert.equal(token[0]?.path, '/ttlSeconds');
  assert.match(token[0]?.fix ?? '', /^donnez une valeur ≤ 86400/);
  const subject = rejection('{"messageId":"m-1","text":"t","subject":"a\\r\\nBcc: x@y.fr"}', 'patient-reply').body().error['problems'] as { path: string }[];
  assert.deepEqual(subject.map((p) => p.path), ['/subject']);
  const root = rejection('[]', 'settings-update');
  assert.equal(root.message, 'Corps de requête invalide : 1 problème');
  assert.equal((root.body().error['problems'] as { message: string }[])[0]?.message, 'type incorrect : reçu un tableau, il faut un objet');
});

test('malformed JSON gives the position, line and column of the error', () => {
  const error = rejection('{\n  "state": "active",\n}', 'patient-profile');
  assert.equal(error.status, 400);
  assert.equal(error.code, 'MSS_SIM_API_MALFORMED_JSON');
  assert.equal(error.message, 'JSON mal formé à la ligne 3, colonne 1 (position 23) : caractère « } » inattendu : un nom de propriété entre guillemets doubles est attendu.');
  assert.deepEqual({ ...error.details, detail: undefined }, { position: 23, line: 3, column: 1, detail: undefined });
});

test('a body nested deeper than 64 levels is refused before parsing, saying where', () => {
  const error = rejection('{"state":' + '['.repeat(100_000), 'patient-profile');
  assert.equal(error.status, 400);
  assert.equal(error.code, 'MSS_SIM_API_JSON_TOO_DEEP');
  assert.deepEqual(error.details, { limit: 64, pointer: '/state' + '/0'.repeat(63), position: 72, line: 1, column: 73 });
  assert.match(error.message, /^JSON trop imbriqué : plus de 64 niveaux d'objets et de tableaux en \/state\/0/);
});

test('empty, non-UTF-8 and non-JSON bodies are refused with their own codes', () => {
  assert.equal(rejection('', 'patient-profile').code, 'MSS_SIM_API_EMPTY_BODY');
  const latin1 = rejection(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]), 'patient-profile');
  assert.equal(latin1.code, 'MSS_SIM_API_BODY_NOT_UTF8');
  assert.deepEqual(latin1.details, { byteOffset: 2 });
  const form = rejection('state=active', 'patient-profile', 'application/x-www-form-urlencoded');
  assert.equal(form.status, 415);
  assert.equal(form.code, 'MSS_SIM_API_UNSUPPORTED_MEDIA_TYPE');
});

test('every schema file is a documented draft 2020-12 schema with its own $id and closed objects', () => {
  const files = readdirSync(DEFAULT_SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort();
  assert.deepEqual(files, ['console-answer.schema.json', 'directory-faults.schema.json', 'domain-whitelisted.schema.json', 'patient-app-message.schema.json', 'patient-app-reply.schema.json', 'patient-message.schema.json', 'patient-profile.schema.json', 'patient-reply.schema.json', 'server-tls.schema.json', 'settings-update.schema.json', 'token-request.schema.json', 'trust-space-mailbox.schema.json', 'webmail-message.schema.json']);
  for (const file of files) {
    const schema = JSON.parse(readFileSync(`${DEFAULT_SCHEMA_DIR}/${file}`, 'utf8'));
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', file);
    assert.equal(schema.$id, `https://mssante-simulateur.example/schemas/api/${file}`, file);
    assert.equal(schema.additionalProperties, false, file);
    assert.ok(typeof schema.description === 'string' && schema.description.length > 20, `${file} has a description`);
    for (const [name, property] of Object.entries(schema.properties as Record<string, { description?: string }>)) {
      assert.ok((property.description ?? '').length > 10, `${file}: ${name} has a French description`);
    }
  }
});

test('every schema compiles in strict mode (they are compiled on first use, so a broken one shows here)', () => {
  assert.doesNotThrow(() => new RequestValidator().compileAll());
});
