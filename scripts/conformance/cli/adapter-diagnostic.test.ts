// The diagnostic against the Python example adapter of the protocol (it passes) and against a
// port where nothing listens (capabilities fails, nothing else is tried), each under 10 s.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { diagnoseAdapter, diagnosticLines } from './adapter-diagnostic.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DATA = join(ROOT, '.data');
const adapter = spawn('python3', [join(ROOT, 'steps/drivers/protocol/example-adapter.py'), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
after(() => adapter.kill());

async function adapterUrl(): Promise<string> {
  const timer = setTimeout(() => adapter.kill(), 10_000);
  const [chunk] = (await once(adapter.stdout, 'data')) as [Buffer];
  clearTimeout(timer);
  const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(chunk.toString('utf8'))?.[1];
  assert.ok(url, chunk.toString('utf8'));
  return url;
}

test('a working adapter passes capabilities, reset and configure in under 10 s', async () => {
  const url = await adapterUrl();
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
