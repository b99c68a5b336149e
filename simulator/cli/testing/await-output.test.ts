import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { awaitOutput } from './await-output.ts';

function started(script: string) {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { child, out: () => out };
}

test('true once the text is printed, on stdout or stderr', async () => {
  for (const stream of ['stdout', 'stderr']) {
    const { child, out } = started(`process.${stream}.write('prêt\\n'); setTimeout(() => {}, 5000)`);
    assert.equal(await awaitOutput(child, () => out().includes('prêt'), 20_000), true, stream);
    child.kill();
  }
});

test('false as soon as the command ends without printing it, without waiting for the limit', async () => {
  const { child, out } = started(`process.stderr.write('dossier déjà utilisé\\n'); process.exit(78)`);
  const began = Date.now();
  assert.equal(await awaitOutput(child, () => out().includes('prêt'), 60_000), false);
  assert.ok(Date.now() - began < 30_000);
  assert.match(out(), /dossier déjà utilisé/);
});

test('false past the limit, the command killed', async () => {
  const { child, out } = started('setTimeout(() => {}, 60000)');
  const exit = once(child, 'exit');
  assert.equal(await awaitOutput(child, () => out().includes('prêt'), 300), false);
  const [, signal] = await exit;
  assert.equal(signal, 'SIGKILL');
});
