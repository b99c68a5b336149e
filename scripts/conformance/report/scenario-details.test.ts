import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failingStep, readableMessage, readScenarioDetails } from './scenario-details.ts';

const envelopes = [
  { stepDefinition: { id: 'def-then', pattern: { source: 'le dernier message transmis par le logiciel a pour objet exactement « {texte} »', type: 'CUCUMBER_EXPRESSION' } } },
  { pickle: { id: 'p1', uri: 'features/conformite/cloture.feature', location: { line: 14 }, name: 'clôture', tags: [], steps: [{ id: 'ps1', text: 'Camille clôt', type: 'Action' }, { id: 'ps2', text: 'le dernier message transmis par le logiciel a pour objet exactement « [FIN] »', type: 'Outcome' }] } },
  { testCase: { id: 'tc1', pickleId: 'p1', testSteps: [{ id: 'hook', hookId: 'h' }, { id: 'ts1', pickleStepId: 'ps1', stepDefinitionIds: ['def-when'] }, { id: 'ts2', pickleStepId: 'ps2', stepDefinitionIds: ['def-then'] }] } },
  // A first attempt, retried: only the last counts.
  { testCaseStarted: { id: 'a0', testCaseId: 'tc1' } },
  { attachment: { testCaseStartedId: 'a0', mediaType: 'text/plain', body: 'ancienne tentative', fileName: 'transcription-old.txt' } },
  { testCaseStarted: { id: 'a1', testCaseId: 'tc1' } },
  { testStepFinished: { testCaseStartedId: 'a1', testStepId: 'hook', testStepResult: { status: 'PASSED' } } },
  { testStepFinished: { testCaseStartedId: 'a1', testStepId: 'ts1', testStepResult: { status: 'PASSED' } } },
  { testStepFinished: { testCaseStartedId: 'a1', testStepId: 'ts2', testStepResult: { status: 'FAILED', message: 'long', exception: { type: 'AssertionError', message: "Objet attendu « [FIN] » ; reçu « RE: [FIN] ».\n+ actual - expected\n\n+ 'RE: [FIN]'" } } } },
  { attachment: { testCaseStartedId: 'a1', mediaType: 'message/rfc822', contentEncoding: 'BASE64', body: Buffer.from('Subject: RE: [FIN]\r\n\r\nx').toString('base64'), fileName: 'message-transmis-t-1.eml' } },
  { attachment: { testCaseStartedId: 'a1', mediaType: 'application/vnd.mssante.verdict+json', body: '{}', fileName: 'verdict.json' } },
];
const ndjson = envelopes.map((e) => JSON.stringify(e)).join('\n');

test('the last attempt of each scenario gives its steps, with the check pattern, and its evidence without the verdict', () => {
  const detail = readScenarioDetails(ndjson, 'conformite.ndjson').get('features/conformite/cloture.feature:14');
  assert.ok(detail);
  assert.deepEqual(detail.steps.map((s) => [s.kind, s.status]), [['Action', 'PASSED'], ['Outcome', 'FAILED']]);
  const failing = failingStep(detail);
  assert.equal(failing?.pattern, 'le dernier message transmis par le logiciel a pour objet exactement « {texte} »');
  assert.equal(readableMessage(failing?.message ?? ''), 'Objet attendu « [FIN] » ; reçu « RE: [FIN] ».');
  assert.deepEqual(detail.attachments.map((a) => [a.fileName, a.bytes.toString('utf8')]), [['message-transmis-t-1.eml', 'Subject: RE: [FIN]\r\n\r\nx']]);
});
