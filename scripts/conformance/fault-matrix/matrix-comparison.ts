// The proof that each check can fail (faulty variants): each faulty variant of the
// reference client must make exactly its expected conformance scenarios fail, no more, no fewer.
// Pure comparison of a run's failed scenarios with the expectation.

export interface VariantResult {
  readonly variant: string;
  /** Names of the scenarios that failed (verdict échoué), as in the run. */
  readonly failed: readonly string[];
  /** Scenarios in another state than passed or failed (setup error, inapplicable, not run). */
  readonly other: readonly string[];
}

export interface VariantComparison {
  readonly variant: string;
  readonly ok: boolean;
  /** Expected to fail but passed: the check did not catch the fault. */
  readonly missed: readonly string[];
  /** Failed although not expected: the fault leaks into another check, or the table is out of date. */
  readonly unexpected: readonly string[];
  readonly other: readonly string[];
}

export function compareVariant(result: VariantResult, expected: readonly string[]): VariantComparison {
  const failed = new Set(result.failed);
  const wanted = new Set(expected);
  const missed = expected.filter((name) => !failed.has(name));
  const unexpected = result.failed.filter((name) => !wanted.has(name));
  return { variant: result.variant, ok: missed.length === 0 && unexpected.length === 0 && result.other.length === 0 && expected.length > 0, missed, unexpected, other: result.other };
}

/** French lines for the terminal and the report. */
export function describeComparison(comparison: VariantComparison, expectedCount: number): string[] {
  if (comparison.ok) return [`✔ ${comparison.variant} : ${expectedCount} scénario(s) en échec, comme attendu`];
  const lines = [`✘ ${comparison.variant}`];
  if (expectedCount === 0) lines.push('    aucun scénario attendu en échec : chaque variante doit être détectée par au moins un scénario');
  for (const name of comparison.missed) lines.push(`    non détectée par : ${name}`);
  for (const name of comparison.unexpected) lines.push(`    échec inattendu : ${name}`);
  for (const name of comparison.other) lines.push(`    ni réussi ni échoué : ${name}`);
  return lines;
}
