// A vendor can write an adapter in another language: the Python adapter (standard
// library only: smtplib, imaplib, urllib, email) runs the whole @conformite suite through the
// `conformite` command and is « Conforme », with no failed, inapplicable or setup-error scenario.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ConformanceSummary } from '../../../../scripts/conformance/cli/conformance-summary.ts';
import { runConformite } from '../../../../scripts/conformance/cli/testing/run-conformite.ts';
import { withoutPerson } from '../../../conformance/support/attestation.ts';
import { pythonAdapterForTests } from '../testing/python-adapter-process.ts';

const ADAPTER = fileURLToPath(new URL('./adapter.py', import.meta.url));
/** A bound against a hung campaign, not a speed target: about 30 s on an idle machine, far more under load. */
const SUITE_LIMIT_MS = 180_000;
/**
 * Seconds per adapter call, also a bound against a hang: the 20 Mo message (MES-NDR-06) takes
 * about 5 s through smtplib on an idle machine, and went past the default 30 s once in a full
 * test run with both cores busy.
 */
const CALL_LIMIT_SECONDS = '120';

const reports = mkdtempSync(join(tmpdir(), 'conformite-python-'));
const adapter = pythonAdapterForTests(ADAPTER);
after(() => {
  rmSync(reports, { recursive: true, force: true });
});

test('the Python adapter passes the whole conformance suite: « Conforme », exit 0', { timeout: SUITE_LIMIT_MS + 5_000 }, async () => {
  const url = adapter.url();
  const run = await runConformite(['--client', url, '--delai-adaptateur', CALL_LIMIT_SECONDS, '--rapports', reports], SUITE_LIMIT_MS);
  assert.equal(run.code, 0, run.output);
  const summary = JSON.parse(readFileSync(join(reports, 'conformite-synthese.json'), 'utf8')) as ConformanceSummary;
  assert.equal(summary.verdict, 'Conforme', run.output);
  assert.equal(summary.client.driverKind, 'http');
  assert.equal(summary.client.client.name, 'Adaptateur Python (bibliothèque standard)');
  // Attestations ask a person (manual driver only): inapplicable for any adapter, never passed.
  const attestation = (s: { motif: string }) => s.motif === withoutPerson().motif;
  const notPassed = summary.scenarios.filter((s) => s.verdict !== 'réussi' && !(attestation(s) && s.verdict === 'inapplicable')).map((s) => `${s.location} ${s.verdict} : ${s.motif}`);
  assert.deepEqual(notPassed, [], 'every scenario must pass (none failed, inapplicable or in setup error), attestations apart');
  const judged = summary.scenarios.filter((s) => !attestation(s)).length;
  assert.ok(judged >= 20, `the whole suite was expected, only ${judged} scenarios ran`);
  assert.deepEqual(summary.counts.scenarios, { réussi: judged, échoué: 0, inapplicable: summary.scenarios.length - judged, 'erreur de mise en place': 0 });
});
