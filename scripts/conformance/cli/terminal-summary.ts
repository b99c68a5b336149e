// The few French lines `conformite` prints after the run: verdict, client, counts, the
// requirements in failure or in setup error with the first motif, the duration of the suite
// (performance) and where the reports are. Pure.
import { clientLabel, concurrency, countLine, driverLabel } from './summary-markdown.ts';
import { formatDuration, type ConformanceSummary } from './conformance-summary.ts';
import type { ReportFiles } from './run-plan.ts';

const MAX_LISTED = 10;

export function terminalSummary(summary: ConformanceSummary, files: ReportFiles): string[] {
  const lines = [
    '',
    `Verdict : ${summary.verdict} — ${summary.reason}`,
    `Client : ${clientLabel(summary.client)} ; ${driverLabel(summary.client)}.`,
    `Scénarios : ${countLine(summary.counts.scenarios)}.`,
    `Exigences : ${countLine(summary.counts.requirements)}.`,
    ...(summary.coverage ? [summary.coverage.line] : []),
  ];
  const listed = summary.scenarios.filter((s) => s.verdict === 'échoué' || s.verdict === 'erreur de mise en place');
  for (const s of listed.slice(0, MAX_LISTED)) lines.push(`  ${s.verdict} : ${s.name} (${s.requirementIds.join(', ')}) : ${s.motif.split('\n')[0] ?? ''}`);
  if (listed.length > MAX_LISTED) lines.push(`  … et ${listed.length - MAX_LISTED} autre(s) : voyez ${files.summaryMarkdown}.`);
  lines.push(`Durée de la suite : ${formatDuration(summary.run.durationMs)} (${concurrency(summary.run.parallel)}).`);
  lines.push(`Rapport de conformité : ${files.report}`);
  lines.push(`Dossier de preuve : ${files.bundle} (vérifiable par « npm run conformite -- verifier ${files.bundle} »).`);
  lines.push(`Autres rapports : ${files.summaryMarkdown}, ${files.summaryJson}, ${files.junit}, ${files.coverageCsv} ; vue de développement cucumber : ${files.html}.`);
  return lines;
}
