import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RequirementsInputError } from '../../requirements/requirements-input-error.ts';
import { conformanceMessages, failed, inapplicable, PASSED, setupError } from './conformance-messages.fixture.ts';
import { readScenarioVerdicts } from './scenario-verdicts.ts';

const read = (ndjson: string) => readScenarioVerdicts(ndjson, 'reports/conformite.ndjson');

test('each selected scenario gets the verdict its hooks attached, with file, line and requirements', () => {
  const results = read(conformanceMessages([
    { id: 'a', name: 'clôture', uri: 'features/conformite/cloture.feature', line: 14, tags: ['@conformite', '@req:MES-FIN-01', '@capacite:patient-messaging'], attempts: [{ steps: ['PASSED', 'PASSED'], verdict: PASSED }] },
    { id: 'b', tags: ['@conformite', '@req:SC.MSS/CONF.21'], attempts: [{ steps: ['FAILED', 'SKIPPED'], verdict: failed('Pas d\'en-tête X-MSS-MES.') }] },
    { id: 'c', tags: ['@conformite', '@req:MES-REPLYTO-01'], attempts: [{ steps: ['SKIPPED'], verdict: inapplicable('reply') }] },
    { id: 'd', tags: ['@conformite', '@req:OFF-HPV-01'], attempts: [{ steps: ['FAILED'], verdict: setupError('Adaptateur injoignable.') }] },
  ]));
  assert.deepEqual(results.map((r) => [r.name === 'clôture' ? r.name : r.verdict, r.verdict, r.motif]), [
    ['clôture', 'réussi', 'Toutes les vérifications sont passées.'],
    ['échoué', 'échoué', "Pas d'en-tête X-MSS-MES."],
    ['inapplicable', 'inapplicable', 'Capacité non déclarée par le client : reply.'],
    ['erreur de mise en place', 'erreur de mise en place', 'Adaptateur injoignable.'],
  ]);
  assert.deepEqual({ ...results[0] }, { uri: 'features/conformite/cloture.feature', line: 14, name: 'clôture', requirementIds: ['MES-FIN-01'], verdict: 'réussi', motif: 'Toutes les vérifications sont passées.', missingCapabilities: [] });
  assert.deepEqual(results[2]?.missingCapabilities, ['reply']);
});

test('scenarios left out by the tag expression are not in the result', () => {
  const results = read(conformanceMessages([
    { id: 'a', tags: ['@conformite', '@req:A'], attempts: [{ steps: ['PASSED'], verdict: PASSED }] },
    { id: 'b', tags: ['@simulateur', '@req:B'] },
  ]));
  assert.deepEqual(results.map((r) => r.requirementIds), [['A']]);
});

test('the last attempt counts when a scenario was retried', () => {
  const [retried] = read(conformanceMessages([
    { id: 'a', tags: ['@req:A'], attempts: [{ steps: ['FAILED'], verdict: failed('délai') }, { steps: ['PASSED'], verdict: PASSED }] },
  ]));
  assert.equal(retried?.verdict, 'réussi');
});

test('a verdict attached as base64 is read', () => {
  const [scenario] = read(conformanceMessages([{ id: 'a', tags: ['@req:A'], attempts: [{ steps: ['FAILED'], verdict: failed('Objet « RE: [FIN] ».'), base64: true }] }]));
  assert.equal(scenario?.motif, 'Objet « RE: [FIN] ».');
});

test('a scenario whose steps all passed but without a verdict is never counted as passed', () => {
  const [scenario] = read(conformanceMessages([{ id: 'a', tags: ['@req:A'], attempts: [{ steps: ['PASSED', 'PASSED'] }] }]));
  assert.equal(scenario?.verdict, 'erreur de mise en place');
  assert.match(scenario?.motif ?? '', /Aucun verdict joint/);
});

test('without a verdict, a failed step gives échoué with its message and a driver setup error gives erreur de mise en place', () => {
  const results = read(conformanceMessages([
    { id: 'a', tags: ['@req:A'], attempts: [{ steps: ['PASSED', { status: 'FAILED', message: 'Error: attendu [FIN]\n    at x', exception: { type: 'AssertionError', message: 'attendu [FIN]' } }] }] },
    { id: 'b', tags: ['@req:B'], attempts: [{ steps: [{ status: 'FAILED', exception: { type: 'DriverSetupError', message: 'adaptateur injoignable\nÀ corriger : …' } }] }] },
    { id: 'c', tags: ['@req:C'], attempts: [{ steps: ['UNDEFINED'] }] },
  ]));
  assert.deepEqual(results.map((r) => [r.verdict, r.motif.split(' (')[0]]), [
    ['échoué', 'attendu [FIN]'],
    ['erreur de mise en place', 'adaptateur injoignable'],
    ['erreur de mise en place', 'Étape du banc undefined :'],
  ]);
});

test('a scenario started but never finished (interrupted run) is a setup error', () => {
  const [scenario] = read(conformanceMessages([{ id: 'a', tags: ['@req:A'], attempts: [{ steps: ['PASSED'], unfinished: true }] }]));
  assert.equal(scenario?.verdict, 'erreur de mise en place');
  assert.match(scenario?.motif ?? '', /interrompue/);
});

test('a line that is not JSON is reported with the file and line', () => {
  assert.throws(() => read('{"meta":{}}\nnot json\n'), (error: unknown) => error instanceof RequirementsInputError && error.message.startsWith('reports/conformite.ndjson:2 '));
});
