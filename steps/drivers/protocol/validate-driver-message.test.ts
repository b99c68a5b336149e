import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DRIVER_OPERATIONS, type DriverResponseBodies, type RequestOperation, type DriverRequestBodies } from './driver-operations.ts';
import { DRIVER_SCHEMA_DIR, driverSchemaNames, validateDriverRequest, validateDriverResponse } from './validate-driver-message.ts';
import * as s from './testing/driver-samples.ts';

const REQUESTS: { [O in RequestOperation]: DriverRequestBodies[O][] } = {
  configure: [s.CONFIGURATION_PASSWORD, s.CONFIGURATION_OAUTH2, s.CONFIGURATION_PSC, s.CONFIGURATION_APP_AUTOCONFIG],
  send: [s.SEND_FULL, s.SEND_MINIMAL],
  'write-to-patient': [s.WRITE_TO_PATIENT, { patient: s.LOUISE, subject: 'x', body: 'y' }],
  'find-recipient': [s.FIND_RECIPIENT, { query: 'Martin' }],
  'end-conversation': [s.END_BY_SUBJECT, s.END_BY_HEADER],
  synchronise: [{}],
  'list-messages': [{}],
  reset: [{}],
  'send-document': [s.SEND_DOCUMENT, s.SEND_DOCUMENT_TO_PATIENT],
  'register-patient': [s.LOUISE],
};

const RESPONSES: { [O in keyof DriverResponseBodies]: DriverResponseBodies[O][] } = {
  capabilities: [s.CAPABILITIES_RESPONSE, { protocolVersion: '1', client: { name: 'x', version: '1' }, capabilities: [], parallel: false }],
  configure: [{}],
  send: [s.RESULT_SENT, s.RESULT_SENT_MINIMAL, s.RESULT_REFUSED, s.RESULT_FAILED, s.RESULT_FAILED_MINIMAL],
  'write-to-patient': [s.RESULT_SENT, s.RESULT_REFUSED],
  'find-recipient': [{ recipients: [s.PHARMACY, s.DOCTOR] }, { recipients: [] }, { status: 'failed', shownToUser: 'Annuaire Santé injoignable.' }],
  'end-conversation': [s.RESULT_SENT, s.RESULT_FAILED],
  synchronise: [{}, s.SYNCHRONISE_FAILED],
  'list-messages': [{ messages: [s.SENT_MESSAGE, s.BOUNCE, s.PATIENT_MESSAGE, s.RECEIPT, s.DOCUMENT_MESSAGE] }, { messages: [] }],
  reset: [{}],
  'send-document': [s.RESULT_SENT, s.RESULT_REFUSED],
  'register-patient': [{}],
};

test('one schema per request and per response, capabilities having no request', () => {
  const expected = DRIVER_OPERATIONS.flatMap((operation) => (operation === 'capabilities' ? ['capabilities-response'] : [`${operation}-request`, `${operation}-response`]));
  assert.deepEqual(driverSchemaNames(), expected.sort());
});

test('every typed request sample is accepted', () => {
  for (const [operation, samples] of Object.entries(REQUESTS) as [RequestOperation, unknown[]][]) {
    for (const sample of samples) assert.deepEqual(validateDriverRequest(operation, sample), { ok: true, value: sample }, operation);
  }
});

test('every typed response sample is accepted', () => {
  for (const [operation, samples] of Object.entries(RESPONSES) as [keyof DriverResponseBodies, unknown[]][]) {
    for (const sample of samples) assert.deepEqual(validateDriverResponse(operation, sample), { ok: true, value: sample }, operation);
  }
});

test('the capability enum of the schema is exactly the Capability type', () => {
  const definitions = JSON.parse(readFileSync(`${DRIVER_SCHEMA_DIR}/definitions.schema.json`, 'utf8')) as { $defs: { Capability: { enum: string[] } } };
  assert.deepEqual([...definitions.$defs.Capability.enum].sort(), [...s.ALL_CAPABILITIES].sort());
});

test('configure names its servers or the autoconfig document; synchronise fails only with what the user was shown', () => {
  const { smtp: _smtp, ...withoutSmtp } = s.CONFIGURATION_PASSWORD;
  const noServers = validateDriverRequest('configure', withoutSmtp);
  assert.equal(noServers.ok, false);
  assert.equal(validateDriverResponse('synchronise', { status: 'failed' }).ok, false);
  assert.equal(validateDriverResponse('synchronise', { status: 'done' }).ok, false);
});

test('a wrong list-messages response lists ALL its problems, with paths', () => {
  const result = validateDriverResponse('list-messages', {
    messages: [{ ...s.BOUNCE, folder: 'spam', receivedAt: 'hier', report: { status: 'undelivered' }, colour: 'red' }, { ...s.SENT_MESSAGE, to: 'x@y.fr' }],
  });
  assert.equal(result.ok, false);
  assert.deepEqual(result.ok ? [] : result.problems.map((problem) => [problem.path, problem.message]), [
    ['/messages/0/colour', 'propriété « colour » inconnue'],
    ['/messages/0/folder', 'valeur « spam » non admise'],
    ['/messages/0/receivedAt', 'valeur « hier » au format incorrect'],
    ['/messages/0/report/reasonShown', 'propriété obligatoire « reasonShown » absente'],
    ['/messages/1/to', 'type incorrect pour la valeur « x@y.fr »'],
  ]);
});

test('an action result is checked against the branch of its status only', () => {
  const wrongBranch = validateDriverResponse('send', { status: 'refused', clientMessageId: 'c1' });
  assert.deepEqual(wrongBranch.ok ? [] : wrongBranch.problems.map((problem) => [problem.path, problem.message]), [
    ['/reason', 'propriété obligatoire « reason » absente'],
    ['/clientMessageId', 'propriété « clientMessageId » inconnue'],
  ]);
  const unknown = validateDriverResponse('send', { status: 'ok' });
  assert.deepEqual(unknown.ok ? [] : unknown.problems, [
    { path: '', message: 'valeur « ok » de « status » non admise', fix: 'donnez à « status » l\'une des valeurs « sent », « refused », « failed »' },
  ]);
});

test('capabilities require protocol version "1" and known, unique capabilities', () => {
  const result = validateDriverResponse('capabilities', { protocolVersion: '2', client: { name: '' }, capabilities: ['reply', 'reply', 'teleportation'], parallel: 'yes' });
  assert.deepEqual(result.ok ? [] : result.problems.map((problem) => [problem.path, problem.message]), [
    ['/protocolVersion', 'valeur « 2 » non admise'],
    ['/client/version', 'propriété obligatoire « version » absente'],
    ['/client/name', 'valeur vide'],
    ['/capabilities/2', 'valeur « teleportation » non admise'],
    ['/capabilities', 'éléments en double (positions 0 et 1)'],
    ['/parallel', 'type incorrect pour la valeur « yes »'],
  ]);
});

test('a wrong request is refused with all problems (harness side)', () => {
  const result = validateDriverRequest('write-to-patient', { patient: { ...s.LOUISE, birthDate: '12/07/1984', sex: 'X' }, subject: 'a\r\nb' });
  assert.deepEqual(result.ok ? [] : result.problems.map((problem) => problem.path), ['/body', '/patient/birthDate', '/patient/sex', '/subject']);
  assert.deepEqual(validateDriverRequest('reset', { now: true }).ok, false);
});

test('void responses must be exactly {}', () => {
  const result = validateDriverResponse('reset', { ok: true });
  assert.deepEqual(result.ok ? [] : result.problems.map((problem) => problem.message), ['propriété « ok » inconnue']);
  assert.equal(validateDriverResponse('configure', null).ok, false);
});

test('synchronise answers {} or the failure shown to the user, nothing in between', () => {
  for (const wrong of [{ status: 'failed' }, { status: 'failed', shownToUser: '' }, { status: 'sent', shownToUser: 'x' }, { shownToUser: 'x' }]) {
    assert.equal(validateDriverResponse('synchronise', wrong).ok, false, JSON.stringify(wrong));
  }
});

test('a send request names its recipients, unless it is a reply the client addresses itself', () => {
  assert.equal(validateDriverRequest('send', { inReplyTo: 'recu-3', subject: 'RE: Bilan', body: 'Merci.' }).ok, true);
  const result = validateDriverRequest('send', { subject: 'Bilan', body: 'Bonjour.' });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.problems.length > 0, 'a send request without `to` nor `inReplyTo` must be refused');
});

test('a send-document request names professional recipients or the patient', () => {
  const { to: _to, ...withoutTo } = s.SEND_DOCUMENT;
  assert.equal(validateDriverRequest('send-document', { ...withoutTo, toPatient: false }).ok, false);
  assert.equal(validateDriverRequest('send-document', { patient: s.LOUISE, document: 'ordonnance', to: [] }).ok, false);
  assert.equal(validateDriverRequest('send-document', { patient: s.LOUISE, document: 'livret-medical', to: ['x@y.mssante.fr'] }).ok, true);
});
