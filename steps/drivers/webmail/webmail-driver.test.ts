// The simulated webmail is the project's second correct client: driven through its own JSON
// routes (webmail-driver.ts), it passes every conformance scenario for the capabilities it
// declares, and those it does not declare are inapplicable, never passed.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ConformanceSummary } from '../../../scripts/conformance/cli/conformance-summary.ts';
import { runConformite } from '../../../scripts/conformance/cli/testing/run-conformite.ts';

const SUITE_LIMIT_MS = 120_000;
const reports = mkdtempSync(join(tmpdir(), 'mss-webmail-client-'));
after(() => rmSync(reports, { recursive: true, force: true }));

test('the webmail passes every scenario of its declared capabilities: « Conforme », exit 0', { timeout: SUITE_LIMIT_MS + 5_000 }, async () => {
  const run = await runConformite(['--client', 'webmail', '--rapports', reports], SUITE_LIMIT_MS);
  assert.equal(run.code, 0, run.output);
  const summary = JSON.parse(readFileSync(join(reports, 'conformite-synthese.json'), 'utf8')) as ConformanceSummary;
  assert.equal(summary.verdict, 'Conforme', run.output);
  assert.equal(summary.client.driverKind, 'webmail');
  assert.deepEqual([...summary.client.declaredCapabilities].sort(), ['directory-search', 'mailbox-sync', 'reply']);
  const failed = summary.scenarios.filter((s) => s.verdict === 'échoué' || s.verdict === 'erreur de mise en place').map((s) => `${s.location} ${s.verdict} : ${s.motif}`);
  assert.deepEqual(failed, []);
  assert.ok(summary.counts.scenarios.réussi >= 20, `the scenarios of its capabilities were expected to run: ${JSON.stringify(summary.counts.scenarios)}`);
});
