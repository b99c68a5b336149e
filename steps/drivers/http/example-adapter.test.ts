// Proves the protocol documentation: the Python example adapter of the README (stdlib only)
// passes the HTTP driver's validation for every operation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createHttpDriver } from './http-driver.ts';
import * as s from '../protocol/testing/driver-samples.ts';
import { pythonAdapterForTests } from '../protocol/testing/python-adapter-process.ts';

const SCRIPT = fileURLToPath(new URL('../protocol/example-adapter.py', import.meta.url));
const adapter = pythonAdapterForTests(SCRIPT);

test('the Python example adapter answers every operation as the protocol says', async () => {
  const driver = createHttpDriver({ baseUrl: adapter.url(), timeoutMs: 5000 });
  assert.deepEqual(await driver.capabilities(), {
    client: { name: 'Exemple', version: '0.1.0', vendor: 'Éditeur exemple' },
    capabilities: ['patient-messaging', 'end-conversation-subject'],
    parallel: false,
  });
  await driver.configure(s.CONFIGURATION_PASSWORD);
  await driver.reset();
  const sent = await driver.writeToPatient(s.WRITE_TO_PATIENT);
  assert.equal(sent.status, 'sent');
  assert.deepEqual(await driver.writeToPatient({ ...s.WRITE_TO_PATIENT, patient: { ...s.LOUISE, qualified: false } }), {
    status: 'refused',
    reason: "Identité non qualifiée : impossible d'écrire au patient.",
  });
  assert.equal((await driver.send(s.SEND_MINIMAL)).status, 'sent');
  assert.equal((await driver.endConversation(s.END_BY_SUBJECT)).status, 'sent');
  assert.deepEqual(await driver.findRecipient(s.FIND_RECIPIENT), []);
  await driver.synchronise();
  const listed = await driver.listMessages();
  assert.deepEqual(listed.map((message) => [message.from, message.to, message.subject]), [
    ['pharmacie.duparc@pharmacien.mssante.fr', [s.LOUISE_ADDRESS], 'Rappel de vaccination'],
    ['pharmacie.duparc@pharmacien.mssante.fr', s.SEND_MINIMAL.to, ''],
    ['pharmacie.duparc@pharmacien.mssante.fr', [s.LOUISE_ADDRESS], '[FIN]'],
  ]);
  await driver.reset();
  assert.deepEqual(await driver.listMessages(), []);
});
