// CLI: the faulty-variant matrix: runs the conformance scenarios once per faulty
// variant of the reference client, in two worker processes (variant-worker.ts), and checks that
// each variant makes exactly its expected scenarios fail (expected-detections.ts). Prints one line
// per variant and writes reports/variantes-fautives/synthese.md; exit 0 when every variant is
// caught as expected, 1 otherwise.
//   node --import tsx scripts/conformance/fault-matrix/fault-matrix.ts [--variante f1,f2] [--actuel]
// `--actuel` prints the failed scenarios of each variant as a table to paste, for review.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { REFERENCE_FAULTS, type ReferenceFault } from '../../../simulator/public-api.ts';
import { EXPECTED_DETECTIONS } from './expected-detections.ts';
import { compareVariant, describeComparison, type VariantComparison, type VariantResult } from './matrix-comparison.ts';
import { runVariants } from './variant-run.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const outDir = join(root, 'reports', 'variantes-fautives');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { variante: { type: 'string' }, actuel: { type: 'boolean' } }, allowPositionals: false });
  const wanted = values.variante ? values.variante.split(',').map((v) => v.trim()) : [...REFERENCE_FAULTS];
  const unknown = wanted.filter((v) => !(REFERENCE_FAULTS as readonly string[]).includes(v));
  if (unknown.length > 0) {
    console.error(`Variante inconnue : ${unknown.join(', ')} ; variantes connues : ${REFERENCE_FAULTS.join(', ')}.`);
    return 64;
  }
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();
  const comparisons: VariantComparison[] = [];
  const actual: Record<string, readonly string[]> = {};
  const record = (result: VariantResult) => {
    actual[result.variant] = result.failed;
    const expected = EXPECTED_DETECTIONS[result.variant as ReferenceFault];
    const comparison = compareVariant(result, expected);
    comparisons.push(comparison);
    for (const line of describeComparison(comparison, expected.length)) console.log(line);
  };
  // Two workers (2 cores here), the variants dealt between them.
  const workers = Math.max(1, Math.min(2, availableParallelism(), wanted.length));
  const batches = Array.from({ length: workers }, (_, w) => wanted.filter((_, i) => i % workers === w));
  const runs = await Promise.all(batches.map((faults) => runVariants({ root, faults, outDir, onResult: record })));
  for (const fault of wanted.filter((f) => !(f in actual))) {
    record({ variant: fault, failed: [], other: ['la variante ne s\'est pas exécutée'] });
  }
  for (const run of runs.filter((r) => r.exitCode !== 0)) console.log(run.output.split('\n').slice(-20).join('\n'));
  const seconds = (performance.now() - started) / 1000;
  const caught = comparisons.filter((c) => c.ok).length;
  console.log(`Variantes fautives : ${caught}/${comparisons.length} détectées exactement comme attendu, en ${seconds.toFixed(1)} s.`);
  if (values.actuel) console.log(JSON.stringify(actual, null, 2));
  writeFileSync(join(outDir, 'synthese.md'), report(comparisons, seconds));
  return caught === comparisons.length ? 0 : 1;
}

function report(comparisons: readonly VariantComparison[], seconds: number): string {
  const order = (a: VariantComparison, b: VariantComparison) => REFERENCE_FAULTS.indexOf(a.variant as ReferenceFault) - REFERENCE_FAULTS.indexOf(b.variant as ReferenceFault);
  const lines = ['# Variantes fautives du client de référence', '', `Durée : ${seconds.toFixed(1)} s.`, '', '| Variante | Résultat | Scénarios attendus en échec |', '|---|---|---|'];
  for (const c of [...comparisons].sort(order)) {
    lines.push(`| ${c.variant} | ${c.ok ? 'détectée comme attendu' : 'ÉCART'} | ${EXPECTED_DETECTIONS[c.variant as ReferenceFault].join(' ; ')} |`);
  }
  return lines.join('\n') + '\n';
}

process.exitCode = await main();
