// Two tranches of a campaign (--tranche 1/2 and 2/2, as two CI jobs would run them), merged with
// `fusionner`, give the same verdict per requirement as the whole campaign run in one job; the
// merged bundle verifies; a tampered part is refused.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { runBundleCommand } from './bundle-commands.ts';
import type { ConformanceSummary } from './conformance-summary.ts';
import { runMerge } from './merge-command.ts';
import { runConformite } from './testing/run-conformite.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'conformite-tranches-'));
after(() => rmSync(work, { recursive: true, force: true }));
const TAGS = '@req:MES-FIN-01 or @req:SC.MSS/CONF.21 or @req:MES-ADR-01 or @req:MSS/va1.08';

async function campaign(name: string, ...more: string[]): Promise<number | null> {
  return (await runConformite(['--variante', 're-fin-subject', '--tags', TAGS, '--parallele', '1', '--rapports', join(work, name), ...more], 120_000)).code;
}

const summaryOf = (name: string) => JSON.parse(readFileSync(join(work, name, 'conformite-synthese.json'), 'utf8')) as ConformanceSummary;
const verdicts = (s: ConformanceSummary) => s.requirements.map((r) => [r.id, r.verdictCode]);
const bundle = (name: string) => join(work, name, 'conformite-preuves.zip');

test('fusionner of two tranches gives the whole run\'s verdicts, one report and one valid bundle', { timeout: 300_000 }, async () => {
  const codes = await Promise.all([campaign('entier'), campaign('t1', '--tranche', '1/2'), campaign('t2', '--tranche', '2/2')]);
  assert.deepEqual(codes.slice(0, 1), [1]);
  const [t1, t2] = [summaryOf('t1'), summaryOf('t2')];
  assert.ok(t1.scenarios.length > 0 && t2.scenarios.length > 0, 'each tranche plays some scenarios');
  assert.equal(t1.scenarios.length + t2.scenarios.length, summaryOf('entier').scenarios.length);
  const out: string[] = [];
  const code = runMerge(ROOT, [bundle('t1'), bundle('t2'), '--rapports', join(work, 'fusion')], ROOT, (l) => out.push(l), (l) => out.push(l));
  assert.equal(code, 1, out.join('\n'));
  const merged = summaryOf('fusion');
  assert.deepEqual(verdicts(merged), verdicts(summaryOf('entier')));
  assert.equal(merged.verdictCode, 'non-conforme');
  assert.match(merged.run.tags, /; 2 tranches fusionnées$/);
  assert.match(readFileSync(join(work, 'fusion', 'conformite-rapport.html'), 'utf8'), /<p class="libelle">Non conforme<\/p>/);
  assert.equal(runBundleCommand(['verifier', bundle('fusion')], () => undefined, () => undefined), 0);
});

test('a tampered tranche is refused, naming the file', async () => {
  const entries = unzipSync(readFileSync(bundle('t1')));
  entries['rapports/conformite.ndjson'] = new TextEncoder().encode('{}\n');
  const tampered = join(work, 'alteree.zip');
  writeFileSync(tampered, zipSync(entries));
  const errors: string[] = [];
  assert.equal(runMerge(ROOT, [tampered, bundle('t2'), '--rapports', join(work, 'refus')], ROOT, () => undefined, (l) => errors.push(l)), 1);
  assert.match(errors.join('\n'), /Fichier modifié : rapports\/conformite\.ndjson/);
});
