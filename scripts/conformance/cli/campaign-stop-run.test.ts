// End to end: an adapter that answers `configure` out of schema stops the campaign at the first
// scenario: exit 78, that scenario in setup error with the schema problem, every later one in
// setup error « Campagne arrêtée… » without any further call to the adapter.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ConformanceSummary } from './conformance-summary.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const TIME_LIMIT_MS = 90_000;
const reports = mkdtempSync(join(tmpdir(), 'conformite-arret-'));
const calls: string[] = [];
const CAPABILITIES = { protocolVersion: '1', client: { name: 'Adaptateur défaillant', version: '1' }, capabilities: ['patient-messaging'], parallel: false };
const adapter = createServer((request, response) => {
  calls.push(`${request.method} ${request.url}`);
  request.resume();
  request.on('end', () => {
    const body = request.url === '/capabilities' ? CAPABILITIES : request.url === '/configure' ? { configured: true } : {};
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  });
});
await new Promise<void>((resolve) => adapter.listen(0, '127.0.0.1', resolve));
after(() => {
  adapter.close();
  rmSync(reports, { recursive: true, force: true });
});

function conformite(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('MSS_') && key !== 'NODE_TEST_CONTEXT'));
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`conformite still running after ${TIME_LIMIT_MS} ms\n${output}`));
    }, TIME_LIMIT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test('configure out of schema: exit 78, the first scenario names the problem, the others stop at once', { timeout: TIME_LIMIT_MS + 5_000 }, async () => {
  const { port } = adapter.address() as { port: number };
  const run = await conformite(['--client', `http://127.0.0.1:${port}/`, '--tags', '@req:MSS/va1.19 or @req:SC.MSS/UX.32', '--rapports', reports]);
  assert.equal(run.code, 78, run.output);
  const summary = JSON.parse(readFileSync(join(reports, 'conformite-synthese.json'), 'utf8')) as ConformanceSummary;
  const motifs = summary.scenarios.map((s) => [s.verdict, s.motif]);
  assert.ok(motifs.length >= 3, run.output);
  assert.deepEqual(motifs[0], ['erreur de mise en place', motifs[0]?.[1]]);
  assert.match(String(motifs[0]?.[1]), /opération « configure » .*ne respecte pas le schéma configure-response/);
  for (const [verdict, motif] of motifs.slice(1)) {
    assert.equal(verdict, 'erreur de mise en place');
    assert.match(String(motif), /^Campagne arrêtée après une erreur de mise en place qui rend les autres scénarios sans objet : Erreur de mise en place : opération « configure »/);
  }
  assert.equal(calls.filter((call) => call === 'POST /configure').length, 1, calls.join('\n'));
});
