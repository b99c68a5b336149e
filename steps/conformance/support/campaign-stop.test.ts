// The campaign stops after a setup error that makes the rest meaningless (adapter unreachable,
// capabilities or configure answered wrongly), and only after such an error.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { createReferenceDriver } from '../../../simulator/public-api.ts';
import { DriverSetupError } from '../../drivers/driver-setup-error.ts';
import { createHttpDriver } from '../../drivers/http/http-driver.ts';
import { CampaignStop, CampaignStoppedError, isFatalSetupError } from './campaign-stop.ts';
import { SETUP_ERROR_NAMES } from './scenario-verdict.ts';

const setupError = (reason: 'unreachable' | 'invalid-response' | 'timeout', operation: string) => new DriverSetupError({ reason, operation, target: 'POST http://127.0.0.1:1/x', fact: 'fait', fix: 'correction' });

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('unreachable, or capabilities and configure answered wrongly, are fatal; a wrong send is not', () => {
  assert.equal(isFatalSetupError(setupError('unreachable', 'send')), true);
  assert.equal(isFatalSetupError(setupError('invalid-response', 'configure')), true);
  assert.equal(isFatalSetupError(setupError('timeout', 'capabilities')), true);
  assert.equal(isFatalSetupError(setupError('invalid-response', 'list-messages')), false);
  assert.equal(isFatalSetupError(setupError('timeout', 'send')), false);
  assert.equal(isFatalSetupError(new Error('autre')), false);
});

test('an unreachable adapter stops the campaign, with the first error named, as a setup error', async () => {
  const stop = new CampaignStop();
  const driver = stop.watch(createHttpDriver({ baseUrl: `http://127.0.0.1:${await closedPort()}/`, timeoutMs: 2000 }));
  const before: CampaignStoppedError | undefined = stop.stopped;
  assert.equal(before, undefined);
  await assert.rejects(() => driver.reset(), DriverSetupError);
  const stopped: CampaignStoppedError | undefined = stop.stopped;
  assert.ok(stopped instanceof CampaignStoppedError);
  assert.match(stopped.message, /^Campagne arrêtée après une erreur de mise en place qui rend les autres scénarios sans objet : Erreur de mise en place : opération « reset »/);
  assert.ok(SETUP_ERROR_NAMES.has(stopped.name));
});

test('a client error that is not a setup error does not stop the campaign; the watched driver still answers', async () => {
  const stop = new CampaignStop();
  const driver = stop.watch(createReferenceDriver());
  assert.equal((await driver.capabilities()).client.name.length > 0, true);
  await assert.rejects(() => driver.listMessages());
  assert.equal(stop.stopped, undefined);
});
