// CLI: the faulty-variant matrix (issue 5): runs the conformance scenarios once per faulty
// variant of the reference client, two at a time, and checks that each variant makes exactly its
// expected scenarios fail (expected-detections.ts). Prints one line per variant and writes
// reports/variantes-fautives.md; exit 0 when every variant is caught as expected, 1 otherwise.
//   node --import tsx scripts/conformance/fault-matrix/fault-matrix.ts [--variante f1,f2] [--actuel]
// `--actuel` prints the failed scenarios of each variant as a table to paste, for review.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { REFERENCE_FAULTS, type ReferenceFault } from '../../../steps/drivers/reference/reference-fault.ts';
import { EXPECTED_DETECTIONS } from './expected-detections.ts';
import { compareVariant, describeComparison, type VariantComparison } from './matrix-comparison.ts';
import { runVariant } from './variant-run.ts';

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
  const queue = [...wanted] as ReferenceFault[];
  const comparisons: VariantComparison[] = [];
  const actual: Record<string, readonly string[]> = {};
  const worker = async () => {
    for (let fault = queue.shift(); fault !== undefined; fault = queue.shift()) {
      const result = await runVariant({ root, variant: fault, faults: [fault], ndjsonPath: join(outDir, `${fault}.ndjson`) });
      actual[fault] = result.failed;
      const comparison = compareVariant(result, EXPECTED_DETECTIONS[fault]);
      comparisons.push(comparison);
      for (const line of describeComparison(comparison, EXPECTED_DETECTIONS[fault].length)) console.log(line);
      if (!comparison.ok && result.failed.length === 0 && result.exitCode !== 0) console.log(result.output.split('\n').slice(-15).join('\n'));
    }
  };
  await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, worker));
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
