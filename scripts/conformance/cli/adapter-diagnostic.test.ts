// The diagnostic against the Python example adapter of the protocol (it passes) and against a
// port where nothing listens (capabilities fails, nothing else is tried), each under 10 s.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pythonAdapterForTests } from '../../../steps/drivers/protocol/testing/python-adapter-process.ts';
import { diagnoseAdapter, diagnosticLines } from './adapter-diagnostic.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DATA = join(ROOT, '.data');
const adapter = pythonAdapterForTests(join(ROOT, 'steps/drivers/protocol/example-adapter.py'));

test('a working adapter passes capabilities, reset and configure in under 10 s', async () => {
  const url = adapter.url();
  const started = performance.now();
  const steps = await diagnoseAdapter(url, DATA);
  assert.ok(performance.now() - started < 10_000);
  assert.deepEqual(steps.map((s) => [s.operation, s.ok]), [['capabilities', true], ['reset', true], ['configure', true]]);
  assert.match(steps[0]?.detail ?? '', /^Exemple 0\.1\.0 \(Éditeur exemple\) ; capacités : patient-messaging, end-conversation-subject/);
  assert.match(diagnosticLines(url, steps).at(-1) ?? '', /^Adaptateur prêt/);
});

test('an unreachable adapter fails at capabilities, in French, and nothing else is called', async () => {
  const steps = await diagnoseAdapter('http://127.0.0.1:9/', DATA);
  assert.deepEqual(steps.map((s) => [s.operation, s.ok]), [['capabilities', false]]);
  assert.match(steps[0]?.detail ?? '', /adaptateur injoignable/);
  assert.match(diagnosticLines('http://127.0.0.1:9/', steps).join('\n'), /✘ capabilities .*adaptateur injoignable\.\n {4}À corriger : .*\n1 opération\(s\) en échec/);
});
