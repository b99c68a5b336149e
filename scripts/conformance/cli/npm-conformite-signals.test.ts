// `npm run conformite` stopped mid-campaign by SIGTERM to the npm wrapper, as a CI job is
// cancelled: cucumber, its two workers and their simulators all end, none is left listening,
// and the command says in French that no verdict was given.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { awaitOutput, descendants, isAlive } from '../../../simulator/tooling-api.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** A bound against a hang, not a speed target: the campaign starts under tsx, with two workers, beside the rest of the test run (once slower than 60 s there). */
const LIMIT_MS = 120_000;
const work = mkdtempSync(join(tmpdir(), 'conformite-signal-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('SIGTERM to the npm wrapper of a running campaign stops cucumber, its workers and their simulators', { skip: process.platform !== 'linux', timeout: 2 * LIMIT_MS }, async () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('MSS_') && key !== 'NODE_TEST_CONTEXT' && key !== 'NODE_OPTIONS'));
  const wrapper = spawn('npm', ['run', 'conformite', '--', '--parallele', '2', '--rapports', work], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  wrapper.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  wrapper.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  // Scenarios are running once cucumber has printed its first progress mark after our announcement.
  // Past the limit the whole tree goes, not the wrapper alone: an orphaned campaign would run on beside the other tests.
  assert.ok(await awaitOutput(wrapper, () => /Scénarios : [^\n]*\n[\s\S]*[.F]/.test(out), LIMIT_MS), `no scenario running within ${LIMIT_MS / 1000} s, or the command ended:\n${out}`);
  const tree = descendants(wrapper.pid ?? 0);
  assert.ok(tree.length >= 4, `npm, conformite, cucumber and its workers: ${tree.join(', ')}\n${out}`);
  wrapper.kill('SIGTERM');
  await once(wrapper, 'exit');
  const deadline = Date.now() + LIMIT_MS;
  while (tree.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  const left = tree.filter(isAlive);
  for (const pid of left) process.kill(pid, 'SIGKILL');
  wrapper.stdout.destroy();
  wrapper.stderr.destroy();
  assert.deepEqual(left, [], out);
  assert.match(out, /Campagne interrompue \(SIGTERM\) : le banc et ses simulateurs sont arrêtés/);
});
