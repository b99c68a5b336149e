// The requirement coverage report of a run: a CSV (`;`, UTF-8, same habits as the register)
// and a short French summary for the terminal and the CI log.
import { formatCsvLine } from './csv-fields.ts';
import { LEVELS } from './requirement-register.ts';
import { VERDICTS } from './requirement-verdicts.ts';
import type { CoverageRow } from './requirement-verdicts.ts';

export const COVERAGE_HEADER = ['id', 'niveau', 'scenarios', 'reussis', 'echoues', 'verdict', 'motif'] as const;

export function formatCoverageCsv(rows: readonly CoverageRow[]): string {
  const lines = rows.map((row) => formatCsvLine([row.id, row.level, String(row.scenarios), String(row.passed), String(row.failed), row.verdict, row.reason]));
  return [COVERAGE_HEADER.join(';'), ...lines].join('\n') + '\n';
}

/** A few lines: counts per verdict and level, then the requirements that need attention. */
export function summariseCoverage(rows: readonly CoverageRow[]): string[] {
  const count = (verdict: string, level?: string) => rows.filter((row) => row.verdict === verdict && (level === undefined || row.level === level)).length;
  const lines = [`Exigences : ${rows.length} au registre.`];
  for (const verdict of VERDICTS) {
    const perLevel = LEVELS.map((level) => `${count(verdict, level)} ${level}`).join(', ');
    lines.push(`  ${verdict} : ${count(verdict)} (${perLevel})`);
  }
  const failed = rows.filter((row) => row.verdict === 'échoué').map((row) => row.id);
  if (failed.length > 0) lines.push(`Exigences en échec : ${failed.join(', ')}.`);
  const mandatoryNotRun = rows.filter((row) => row.verdict === 'non exécuté' && row.level === 'DOIT').map((row) => row.id);
  if (mandatoryNotRun.length > 0) lines.push(`Exigences obligatoires couvertes mais non exécutées : ${mandatoryNotRun.join(', ')}.`);
  return lines;
}
