// The operator console over HTTP: prompts as the UI lists them, yes/no answers validated by
// schema, first answer wins (404 unknown, 409 already answered or not a question); the final
// verdict and its report.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { liveApiRoutes } from '../../trust-space/http-routes.ts';
import { controlApiRoutes } from '../control-api.ts';
import { startHttpServer } from '../http-server.ts';
import { call } from '../testing/api-client.ts';
import { fakeTrustSpace } from '../testing/fake-trust-space.ts';
import { openApiResponseChecker } from '../testing/openapi-response-checker.ts';

test('GET prompts, then answer a question once; instructions and unknown ids are refused', async () => {
  const space = fakeTrustSpace();
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [...controlApiRoutes(space), ...liveApiRoutes(space)] });
  try {
    const check = openApiResponseChecker((await call(server.baseUrl, 'GET', '/api/openapi.json')).body);
    const instruction = space.console.instruct('Envoyez un message à Louise depuis votre logiciel.', [], 60_000);
    const done = space.console.instruct('Relevez la boîte.');
    space.console.close(done.id, 'done');
    const { prompt, answer } = space.console.ask('Le logiciel affiche-t-il le motif de non-remise ?', ['Motif attendu : adresse inexistante']);

    const listed = await call(server.baseUrl, 'GET', '/api/console/prompts');
    check('GET', '/api/console/prompts', listed);
    assert.deepEqual(listed.body.map((p: { id: string }) => p.id), [instruction.id, prompt.id, done.id], 'open first, then the closed ones');

    const path = `/api/console/prompts/${prompt.id}/answer`;
    const invalid = await call(server.baseUrl, 'POST', path, { answer: 'oui', extra: 1 });
    check('POST', '/api/console/prompts/{id}/answer', invalid);
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.problems.length, 2, 'every problem at once');

    const yes = await call(server.baseUrl, 'POST', path, { answer: true });
    check('POST', '/api/console/prompts/{id}/answer', yes);
    assert.equal(yes.status, 200);
    assert.deepEqual([yes.body.status, yes.body.answer], ['answered', true]);
    assert.equal(await answer, true, 'the waiting harness gets the answer');

    const again = await call(server.baseUrl, 'POST', path, { answer: false });
    check('POST', '/api/console/prompts/{id}/answer', again);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'MSS_SIM_API_PROMPT_NOT_OPEN');
    assert.equal((await call(server.baseUrl, 'POST', `/api/console/prompts/${instruction.id}/answer`, { answer: true })).status, 409);
    const unknown = await call(server.baseUrl, 'POST', '/api/console/prompts/p999/answer', { answer: true });
    check('POST', '/api/console/prompts/{id}/answer', unknown);
    assert.equal(unknown.status, 404);
  } finally {
    await server.close();
  }
});

test('the final verdict is listed and its report served as HTML; 404 before any verdict or once the file is gone', async () => {
  const space = fakeTrustSpace();
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [...controlApiRoutes(space), ...liveApiRoutes(space)] });
  const dir = mkdtempSync(join(tmpdir(), 'mss-console-report-'));
  try {
    const check = openApiResponseChecker((await call(server.baseUrl, 'GET', '/api/openapi.json')).body);
    const before = await call(server.baseUrl, 'GET', '/api/console/rapport');
    check('GET', '/api/console/rapport', before);
    assert.equal(before.status, 404);
    assert.equal(before.body.error.code, 'MSS_SIM_API_NO_REPORT');

    const file = join(dir, 'conformite-rapport.html');
    writeFileSync(file, '<!doctype html><title>Rapport</title><h1>Non conforme</h1>');
    const verdict = space.console.verdict({ text: 'Verdict : Non conforme', details: ['Exigences : 1 non conforme.'], reportFile: file });
    const listed = await call(server.baseUrl, 'GET', '/api/console/prompts');
    check('GET', '/api/console/prompts', listed);
    assert.deepEqual(listed.body.map((p: { id: string; kind: string; status: string }) => [p.id, p.kind, p.status]), [[verdict.id, 'verdict', 'done']]);
    assert.deepEqual(listed.body[0].report, { url: '/api/console/rapport', file });

    const served = await fetch(`${server.baseUrl}/api/console/rapport`);
    assert.equal(served.status, 200);
    assert.match(served.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await served.text(), /<h1>Non conforme<\/h1>/);

    rmSync(file);
    assert.equal((await call(server.baseUrl, 'GET', '/api/console/rapport')).status, 404);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
