// CLI: the faulty-variant matrix: proves that each check of the suite can fail. The correct
// reference client runs the conformance scenarios first, with the fault probe on (which scenario
// asks which fault, fault-reach.ts), and must pass them all; then each faulty variant runs the
// scenarios that ask its fault, plus the campaign reviews, in a pool of worker processes
// (variant-run.ts), and must make exactly its expected scenarios fail (expected-detections.ts).
// Prints one line per variant and writes reports/variantes-fautives/synthese.md; exit 0 when every
// variant is caught as expected, 1 otherwise.
//   node --import tsx scripts/conformance/fault-matrix/fault-matrix.ts [--variante f1,f2] [--complet] [--processus N] [--actuel]
// `--complet` runs every scenario for every variant (no probe; slower, same verdicts expected).
// `--actuel` prints the failed scenarios of each variant as a table to paste, for review.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { REFERENCE_FAULTS, type ReferenceFault } from '../../../simulator/tooling-api.ts';
import { EXPECTED_DETECTIONS } from './expected-detections.ts';
import { scenariosForFault, type RecordedReach } from './fault-reach.ts';
import { compareVariant, describeComparison, type VariantComparison, type VariantResult } from './matrix-comparison.ts';
import { REFERENCE_JOB, reachFile, type VariantJob } from './variant-job.ts';
import { scenariosTagged, VariantWorkerPool } from './variant-run.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const outDir = join(root, 'reports', 'variantes-fautives');
/** The scenarios that read the whole campaign run in every variant's subset. */
const REVIEW_TAG = '@bilan-de-campagne';
/** Worker processes: the runs mostly wait (sockets, the reviews' observation window) on 2 cores. */
const DEFAULT_PROCESSES = 4;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { variante: { type: 'string' }, actuel: { type: 'boolean' }, complet: { type: 'boolean' }, processus: { type: 'string' } }, allowPositionals: false });
  const wanted = values.variante ? values.variante.split(',').map((v) => v.trim()) : [...REFERENCE_FAULTS];
  const unknown = wanted.filter((v) => !(REFERENCE_FAULTS as readonly string[]).includes(v));
  if (unknown.length > 0) {
    console.error(`Variante inconnue : ${unknown.join(', ')} ; variantes connues : ${REFERENCE_FAULTS.join(', ')}.`);
    return 64;
  }
  const processes = Number(values.processus ?? DEFAULT_PROCESSES);
  if (!Number.isInteger(processes) || processes < 1 || processes > 16) {
    console.error(`--processus attend un nombre entier entre 1 et 16, reçu « ${values.processus} ».`);
    return 64;
  }
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();
  const pool = new VariantWorkerPool({ root, outDir, processes: Math.min(processes, wanted.length + 1) });
  const comparisons: VariantComparison[] = [];
  const actual: Record<string, readonly string[]> = {};
  const record = (result: VariantResult, ran: number | undefined) => {
    actual[result.variant] = result.failed;
    const expected = EXPECTED_DETECTIONS[result.variant as ReferenceFault];
    const comparison = compareVariant(result, expected);
    comparisons.push(comparison);
    const lines = describeComparison(comparison, expected.length);
    if (comparison.ok && ran !== undefined) lines[0] += ` (${ran} scénario(s) joués, ceux où la variante agit)`;
    for (const line of lines) console.log(line);
  };

  let jobs: VariantJob[];
  if (values.complet) jobs = wanted.map((variant) => ({ variant }));
  else {
    // The correct client first: it must pass every scenario, and tells where each fault can act.
    const reference = await pool.run({ variant: REFERENCE_JOB });
    const problems = [...reference.failed.map((name) => `échec : ${name}`), ...reference.other];
    if (problems.length > 0) {
      console.log(`✘ client de référence correct : ${problems.length} scénario(s) non réussis\n${problems.map((p) => `    ${p}`).join('\n')}`);
      await pool.close();
      console.log(pool.output.split('\n').slice(-20).join('\n'));
      return 1;
    }
    console.log('✔ client de référence correct : tous les scénarios réussis (portée de chaque variante relevée)');
    const reach = JSON.parse(readFileSync(reachFile(outDir), 'utf8')) as RecordedReach;
    const reviews = scenariosTagged(join(outDir, `${REFERENCE_JOB}.ndjson`), REVIEW_TAG);
    jobs = wanted.map((variant) => {
      const scenarios = scenariosForFault(variant as ReferenceFault, reach, reviews);
      return scenarios ? { variant, scenarios } : { variant };
    });
  }
  // Longest first (the pool hands jobs out in this order): a long job started last would leave
  // the other workers idle at the end.
  const length = (job: VariantJob) => job.scenarios?.length ?? Number.MAX_SAFE_INTEGER;
  jobs.sort((a, b) => length(b) - length(a));
  await Promise.all(jobs.map(async (job) => record(await pool.run(job), job.scenarios?.length)));
  const exitCode = await pool.close();
  if (exitCode !== 0 || comparisons.some((c) => !c.ok)) console.log(pool.output.split('\n').slice(-20).join('\n'));
  const seconds = (performance.now() - started) / 1000;
  const caught = comparisons.filter((c) => c.ok).length;
  const scope = values.complet ? 'sur tous les scénarios' : 'sur les scénarios où chacune agit';
  console.log(`Variantes fautives : ${caught}/${comparisons.length} détectées exactement comme attendu (${scope}), en ${seconds.toFixed(1)} s.`);
  if (values.actuel) console.log(JSON.stringify(actual, null, 2));
  writeFileSync(join(outDir, 'synthese.md'), report(comparisons, seconds, scope));
  return caught === comparisons.length && exitCode === 0 ? 0 : 1;
}

function report(comparisons: readonly VariantComparison[], seconds: number, scope: string): string {
  const order = (a: VariantComparison, b: VariantComparison) => REFERENCE_FAULTS.indexOf(a.variant as ReferenceFault) - REFERENCE_FAULTS.indexOf(b.variant as ReferenceFault);
  const lines = ['# Variantes fautives du client de référence', '', `Durée : ${seconds.toFixed(1)} s, ${scope}.`, '', '| Variante | Résultat | Scénarios attendus en échec |', '|---|---|---|'];
  for (const c of [...comparisons].sort(order)) {
    lines.push(`| ${c.variant} | ${c.ok ? 'détectée comme attendu' : 'ÉCART'} | ${EXPECTED_DETECTIONS[c.variant as ReferenceFault].join(' ; ')} |`);
  }
  return lines.join('\n') + '\n';
}

process.exitCode = await main();
