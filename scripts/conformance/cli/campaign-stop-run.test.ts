// End to end: an adapter that answers `configure` out of schema stops the campaign at the first
// scenario: exit 78, that scenario in setup error with the schema problem, every later one in
// setup error « Campagne arrêtée… » without any further call to the adapter.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ConformanceSummary } from './conformance-summary.ts';
import { runConformite } from './testing/run-conformite.ts';

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

test('configure out of schema: exit 78, the first scenario names the problem, the others stop at once', { timeout: TIME_LIMIT_MS + 5_000 }, async () => {
  const { port } = adapter.address() as { port: number };
  const run = await runConformite(['--client', `http://127.0.0.1:${port}/`, '--tags', '@req:MSS/va1.19 or @req:SC.MSS/UX.32', '--rapports', reports], TIME_LIMIT_MS);
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
