// `npm start` stopped the way a supervisor or a CI job stops it: SIGTERM (or SIGINT) to the npm
// wrapper itself, not to the simulator. Before: GET /api/health says live and ready. After: every
// process under the wrapper has ended, no port of the simulator accepts a connection (or, given
// again by the system to another test's server meanwhile, is that server's), and the endpoints
// file is gone.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { descendants, isAlive } from './process-tree.ts';
import { awaitOutput } from './testing/await-output.ts';
import { portListeners } from './testing/port-listeners.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** For the processes to end once signalled. */
const LIMIT_MS = 60_000;
/** For `npm start` to be ready: under tsx, in a fresh clone, beside a full test run on 2 cores (once over 60 s). */
const START_LIMIT_MS = 120_000;
const work = mkdtempSync(join(tmpdir(), 'mss-npm-signal-'));
after(() => rmSync(work, { recursive: true, force: true }));

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

async function allEnded(pids: readonly number[]): Promise<boolean> {
  const deadline = Date.now() + LIMIT_MS;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  return !pids.some(isAlive);
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} to the npm wrapper stops the simulator and every child, and removes the endpoints file`, { skip: process.platform !== 'linux', timeout: START_LIMIT_MS + 2 * LIMIT_MS }, async () => {
    const endpointsFile = join(work, `${signal}.json`);
    const ports = ['--submission-port', '0', '--peer-port', '0', '--imap-port', '0', '--imaps-port', '0', '--http-port', '0'];
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_TEST_CONTEXT' && key !== 'NODE_OPTIONS'));
    const wrapper = spawn('npm', ['start', '--', ...ports, '--data-dir', join(work, signal), '--endpoints-file', endpointsFile], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    wrapper.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    wrapper.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    assert.ok(await awaitOutput(wrapper, () => out.includes('Ctrl+C'), START_LIMIT_MS), `npm start not ready (no « Ctrl+C ») within ${START_LIMIT_MS / 1000} s, or ended:\n${out}`);
    const endpoints = JSON.parse(readFileSync(endpointsFile, 'utf8')) as Record<string, { port?: number }> & { controlApi: { baseUrl: string } };
    const health = await fetch(`${endpoints.controlApi.baseUrl}/health`);
    assert.deepEqual(await health.json(), { status: 'ok', live: true, ready: true });
    const listening = ['submission', 'peer', 'imap', 'imaps'].map((name) => endpoints[name]?.port ?? 0);
    // `npm start` execs node (package.json): the simulator is npm's child, through a shell or not.
    const tree = descendants(wrapper.pid ?? 0);
    assert.ok(tree.length >= 1, `processes under npm: ${tree.join(', ')}`);
    wrapper.kill(signal);
    await once(wrapper, 'exit');
    const ended = await allEnded(tree);
    const left = tree.filter(isAlive);
    // A failing run must not leave its own processes behind, nor keep this test's pipes open.
    for (const pid of left) process.kill(pid, 'SIGKILL');
    wrapper.stdout.destroy();
    wrapper.stderr.destroy();
    assert.ok(ended, `still running: ${left.join(', ')}\n${out}`);
    // A port may have been given again to another test's server since: then it must not be ours.
    for (const port of listening) {
      if (await refused(port)) continue;
      const owners = portListeners(port);
      assert.ok(owners.length > 0 && owners.every((pid) => !tree.includes(pid) && pid !== wrapper.pid), `port ${port} still accepts connections (listening: ${owners.join(', ') || 'unknown'})`);
    }
    assert.equal(existsSync(endpointsFile), false, 'the endpoints file is removed on exit');
  });
}
