import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpDriver } from './http-driver.ts';
import { DriverSetupError } from '../driver-setup-error.ts';
import { DriverRequestError } from './driver-request-error.ts';
import * as s from '../protocol/testing/driver-samples.ts';
import { ShownFailureError } from './shown-failure-error.ts';
import { SETUP_ERROR_NAMES } from '../../conformance/support/scenario-verdict.ts';

type Handler = (response: ServerResponse) => void;
const json = (status: number, body: unknown, type = 'application/json; charset=utf-8'): Handler => (response) => {
  response.writeHead(status, { 'content-type': type }).end(typeof body === 'string' ? body : JSON.stringify(body));
};

const CORRECT: Record<string, Handler> = {
  'GET /capabilities': json(200, s.CAPABILITIES_RESPONSE),
  'POST /configure': json(200, {}),
  'POST /send': json(200, s.RESULT_SENT),
  'POST /write-to-patient': json(200, s.RESULT_REFUSED),
  'POST /find-recipient': json(200, { recipients: [s.PHARMACY] }),
  'POST /end-conversation': json(200, s.RESULT_FAILED),
  'POST /synchronise': json(200, {}),
  'POST /list-messages': json(200, { messages: [s.SENT_MESSAGE, s.BOUNCE] }),
  'POST /reset': json(200, {}),
};
const overrides = new Map<string, Handler>();
const received: { route: string; contentType: string | undefined; body: string }[] = [];

const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const route = `${request.method} ${request.url?.replace(/^\/adapter/, '')}`;
    received.push({ route, contentType: request.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
    (overrides.get(route) ?? CORRECT[route] ?? json(404, { error: { message: 'inconnu' } }))(response);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/adapter`;
after(() => {
  server.closeAllConnections();
  server.close();
});

const driver = createHttpDriver({ baseUrl: base, timeoutMs: 2000 });

async function setupErrorOf(action: () => Promise<unknown>): Promise<DriverSetupError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof DriverSetupError) return error;
    throw error;
  }
  assert.fail('expected a DriverSetupError');
}

test('every operation round-trips through a correct adapter', async () => {
  received.length = 0;
  assert.deepEqual(await driver.capabilities(), { client: s.CAPABILITIES_RESPONSE.client, capabilities: s.ALL_CAPABILITIES, parallel: true });
  assert.equal(await driver.configure(s.CONFIGURATION_OAUTH2), undefined);
  assert.deepEqual(await driver.send(s.SEND_FULL), s.RESULT_SENT);
  assert.deepEqual(await driver.writeToPatient(s.WRITE_TO_PATIENT), s.RESULT_REFUSED);
  assert.deepEqual(await driver.findRecipient(s.FIND_RECIPIENT), [s.PHARMACY]);
  assert.deepEqual(await driver.endConversation(s.END_BY_HEADER), s.RESULT_FAILED);
  assert.equal(await driver.synchronise(), undefined);
  assert.deepEqual(await driver.listMessages(), [s.SENT_MESSAGE, s.BOUNCE]);
  assert.equal(await driver.reset(), undefined);
  assert.deepEqual(received.map((call) => call.route), Object.keys(CORRECT));
  assert.deepEqual(received[0], { route: 'GET /capabilities', contentType: undefined, body: '' });
  assert.deepEqual(received[2], { route: 'POST /send', contentType: 'application/json; charset=utf-8', body: JSON.stringify(s.SEND_FULL) });
  assert.equal(received[6]?.body, '{}');
});

test('a synchronise or find-recipient the software tried and failed is its answer, not a setup error', async () => {
  overrides.set('POST /synchronise', json(200, s.SYNCHRONISE_FAILED));
  assert.deepEqual(await driver.synchronise(), s.SYNCHRONISE_FAILED);
  overrides.delete('POST /synchronise');
  overrides.set('POST /find-recipient', json(200, { status: 'failed', shownToUser: 'Annuaire Santé injoignable.' }));
  const error = await driver.findRecipient(s.FIND_RECIPIENT).then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof ShownFailureError);
  assert.equal(error.message, "Le logiciel a tenté l'opération « find-recipient » et montre une erreur à l'utilisateur : « Annuaire Santé injoignable. ».");
  assert.ok(!SETUP_ERROR_NAMES.has(error.name));
  overrides.delete('POST /find-recipient');
});

test('a response missing a field, of a wrong type, or with an extra field is a setup error listing every problem', async () => {
  overrides.set('POST /list-messages', json(200, { messages: [{ ...s.BOUNCE, kind: undefined, to: 'x', extra: 1 }] }));
  const error = await setupErrorOf(() => driver.listMessages());
  overrides.clear();
  assert.equal(error.code, 'MSS_SIM_DRIVER_SETUP');
  assert.equal(error.reason, 'invalid-response');
  assert.equal(error.operation, 'list-messages');
  assert.equal(error.target, `POST ${base}/list-messages`);
  assert.deepEqual(error.problems.map((problem) => [problem.path, problem.message]), [
    ['/messages/0/kind', 'propriété obligatoire « kind » absente'],
    ['/messages/0/extra', 'propriété « extra » inconnue'],
    ['/messages/0/to', 'type incorrect pour la valeur « x »'],
  ]);
  assert.match(error.message, /^Erreur de mise en place : opération « list-messages » \(POST http:\/\/127\.0\.0\.1:\d+\/adapter\/list-messages\) : la réponse ne respecte pas le schéma list-messages-response\.schema\.json \(3 problèmes\)\./);
  assert.match(error.message, /\n {2}- \/messages\/0\/extra : propriété « extra » inconnue ; supprimez-la/);
  assert.match(error.message, /\nÀ corriger : corrigez l'adaptateur pour que sa réponse suive le schéma/);
});

test('an adapter error (500 with an error body) is a setup error quoting the adapter', async () => {
  overrides.set('POST /send', json(500, { error: { message: 'logiciel non démarré' } }));
  const error = await setupErrorOf(() => driver.send(s.SEND_MINIMAL));
  overrides.clear();
  assert.equal(error.reason, 'adapter-error');
  assert.match(error.message, /opération « send » .* : l'adaptateur a signalé une erreur \(HTTP 500\) : « logiciel non démarré »\./);
});

test('another status is a setup error with the start of the body', async () => {
  overrides.set('POST /reset', json(404, 'Not Found', 'text/plain'));
  const error = await setupErrorOf(() => driver.reset());
  overrides.clear();
  assert.equal(error.reason, 'http-status');
  assert.match(error.message, /statut HTTP 404 au lieu de 200 \(début du corps : « Not Found »\)/);
});

test('an HTML body, or broken JSON, is a setup error', async () => {
  overrides.set('GET /capabilities', json(200, '<html><body>Bienvenue</body></html>', 'text/html'));
  const html = await setupErrorOf(() => driver.capabilities());
  overrides.set('GET /capabilities', json(200, '{"client": '));
  const broken = await setupErrorOf(() => driver.capabilities());
  overrides.clear();
  assert.equal(html.reason, 'not-json');
  assert.match(html.message, /la réponse n'est pas du JSON \(Content-Type « text\/html », début : « <html><body>Bienvenue<\/body><\/html> »\)/);
  assert.match(html.message, /À corriger : répondez avec l'en-tête Content-Type: application\/json; charset=utf-8/);
  assert.equal(broken.reason, 'not-json');
  assert.match(broken.message, /le corps de la réponse n'est pas du JSON valide/);
});

test('an answer nested 100,000 levels, or not UTF-8, or over 8 MiB is a setup error, not a stack overflow', async () => {
  overrides.set('POST /list-messages', json(200, '{"messages":' + '['.repeat(100_000)));
  const deep = await setupErrorOf(() => driver.listMessages());
  overrides.set('POST /list-messages', (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(Buffer.from('{"messages":[],"note":"é"}', 'latin1')));
  const latin1 = await setupErrorOf(() => driver.listMessages());
  overrides.set('POST /list-messages', json(200, '[' + ' '.repeat(9 * 1024 * 1024) + ']'));
  const large = await setupErrorOf(() => driver.listMessages());
  overrides.clear();
  assert.equal(deep.reason, 'not-json');
  assert.match(deep.message, /JSON trop imbriqué : plus de 64 niveaux d'objets et de tableaux en \/messages\/0/);
  assert.equal(latin1.reason, 'not-json');
  assert.match(latin1.message, /séquence d'octets invalide à l'octet 23/);
  assert.equal(large.reason, 'too-large');
  assert.match(large.message, /réponse de plus de 8388608 octets/);
});

test('a response slower than timeoutMs is a setup error naming the limit', async () => {
  const pending: ServerResponse[] = [];
  overrides.set('POST /synchronise', (response) => pending.push(response));
  const slow = createHttpDriver({ baseUrl: base, timeoutMs: 100 });
  const error = await setupErrorOf(() => slow.synchronise());
  overrides.clear();
  for (const response of pending) response.destroy();
  assert.equal(error.reason, 'timeout');
  assert.match(error.message, /opération « synchronise » \(POST .*\/adapter\/synchronise\) : pas de réponse complète dans le délai de 100 ms\./);
});

test('a closed port is a setup error: connection refused', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const error = await setupErrorOf(() => createHttpDriver({ baseUrl: `http://127.0.0.1:${port}` }).capabilities());
  assert.equal(error.reason, 'unreachable');
  assert.equal(error.target, `GET http://127.0.0.1:${port}/capabilities`);
  assert.match(error.message, /: connexion refusée \(ECONNREFUSED\)\.\nÀ corriger : démarrez l'adaptateur et vérifiez l'URL passée à --client /, 'the option the README and --help name');
});

test('a base URL that is not http(s) is refused at creation', () => {
  assert.throws(() => createHttpDriver({ baseUrl: 'ftp://x' }), (error: unknown) => error instanceof DriverSetupError && error.reason === 'invalid-base-url');
});

test('a request breaking the protocol is a harness bug, not sent', async () => {
  received.length = 0;
  await assert.rejects(driver.send({ ...s.SEND_MINIMAL, to: [] }), (error: unknown) => error instanceof DriverRequestError && error.code === 'MSS_SIM_DRIVER_REQUEST_INVALID' && error.problems[0]?.path === '/to');
  assert.equal(received.length, 0);
});
