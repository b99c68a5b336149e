// For tests of adapters written in Python (the protocol's examples): starts `python3 SCRIPT 0`
// (port 0: the adapter picks a free port and prints its URL) and waits for that URL. A bound, not
// a speed target: Python starts in well under a second on an idle machine, far slower beside a
// full test run; an adapter that ends or prints nothing in time fails with what it printed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { awaitOutput } from '../../../../simulator/tooling-api.ts';

const BANNER_LIMIT_MS = 60_000;
const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+\/)/;

export interface PythonAdapter {
  readonly url: string;
  stop(): void;
}

export async function startPythonAdapter(script: string): Promise<PythonAdapter> {
  const child = spawn('python3', [script, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const started = await awaitOutput(child, () => URL_PATTERN.test(out), BANNER_LIMIT_MS);
  const url = URL_PATTERN.exec(out)?.[1];
  if (!started || url === undefined) child.kill('SIGKILL');
  assert.ok(started && url, `${script} printed no URL within ${BANNER_LIMIT_MS / 1000} s, or ended:\n${out}`);
  // Its later output (requests it logs) is not kept: nothing reads it, and it would only grow.
  child.stdout.removeAllListeners('data').resume();
  child.stderr.removeAllListeners('data').pipe(process.stderr);
  return { url, stop: () => child.kill() };
}

/** For a test file: the adapter started in a `before` hook, stopped in `after`; `url()` once started. */
export function pythonAdapterForTests(script: string): { url(): string } {
  let adapter: PythonAdapter | undefined;
  before(async () => {
    adapter = await startPythonAdapter(script);
  });
  after(() => adapter?.stop());
  return {
    url: () => {
      assert.ok(adapter, `${script} not started (its before hook failed)`);
      return adapter.url;
    },
  };
}
