// `conformite fusionner A.zip B.zip … [--rapports DOSSIER] [--cle-signature cle.pem]`: merges the
// evidence bundles of the tranches of one campaign (--tranche i/n, one per CI job) into one set of
// outputs: one verdict, one report, one bundle, as if the campaign had run in one job. Each part
// is verified first; their cucumber messages are concatenated (message ids are unique per run, and
// each scenario was played by exactly one tranche) and judged again.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { frenchParseError } from '../../../simulator/tooling-api.ts';
import type { BundleManifest } from '../bundle/bundle-manifest.ts';
import { verifyBundle } from '../bundle/bundle-verification.ts';
import { writeCampaignOutputs } from './campaign-outputs.ts';
import type { ConformanceSummary, RunFacts } from './conformance-summary.ts';
import { reportFiles } from './run-plan.ts';
import { terminalSummary } from './terminal-summary.ts';

export const MERGE_USAGE = 'Usage : npm run conformite -- fusionner <tranche1.zip> <tranche2.zip> … [--rapports <dossier>] [--cle-signature <cle.pem>]';

type Print = (line: string) => void;

export function runMerge(root: string, argv: readonly string[], cwd: string, out: Print, err: Print): number {
  let parsed: { values: { rapports?: string; 'cle-signature'?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: { rapports: { type: 'string' }, 'cle-signature': { type: 'string' } }, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (error) {
    err(`${frenchParseError(error)}\n${MERGE_USAGE}`);
    return 64;
  }
  if (parsed.positionals.length < 2) {
    err(`fusionner attend au moins deux dossiers de preuve.\n${MERGE_USAGE}`);
    return 64;
  }
  const parts: { manifest: BundleManifest; ndjson: Uint8Array }[] = [];
  for (const path of parsed.positionals) {
    const archive = readFileSync(resolve(cwd, path));
    const findings = verifyBundle(archive);
    const ndjson = unzipSync(archive)['rapports/conformite.ndjson'];
    if (findings.problems.length > 0 || !findings.manifest || ndjson === undefined) {
      for (const problem of findings.problems) err(problem);
      err(`Fusion impossible : ${path} n'est pas un dossier de preuve valide avec ses messages cucumber.`);
      return 1;
    }
    parts.push({ manifest: findings.manifest, ndjson });
  }
  const files = reportFiles(resolve(cwd, parsed.values.rapports ?? 'reports'));
  mkdirSync(resolve(cwd, parsed.values.rapports ?? 'reports'), { recursive: true });
  for (const file of Object.values(files)) rmSync(file, { force: true });
  writeFileSync(files.ndjson, Buffer.concat(parts.map((p) => Buffer.from(p.ndjson))));
  const keyPath = parsed.values['cle-signature'];
  const summary = writeCampaignOutputs(root, files, parts[0]?.manifest.client ?? (undefined as never), mergedFacts(parts.map((p) => p.manifest)), keyPath === undefined ? undefined : readFileSync(resolve(cwd, keyPath), 'utf8'));
  out(`${parts.length} tranches fusionnées.`);
  for (const line of terminalSummary(summary, files)) out(line);
  return summary.exitCode;
}

/** The earliest start, the longest tranche (they run side by side), the selection without the tranche. */
export function mergedFacts(manifests: readonly BundleManifest[]): RunFacts {
  const first = manifests[0] as BundleManifest;
  const startedAt = new Date(Math.min(...manifests.map((m) => Date.parse(m.run.startedAt))));
  const durationMs = Math.max(...manifests.map((m) => m.run.durationMs));
  const tags = `${first.run.tags.replace(/ ; tranche \d+\/\d+$/, '')} ; ${manifests.length} tranches fusionnées`;
  const product: ConformanceSummary['product'] = first.product;
  return { startedAt, durationMs, tagExpression: tags, parallel: first.run.parallel, ...(product.source === '--produit' ? { product: product.label } : {}) };
}
