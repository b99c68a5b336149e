// The final verdict of a campaign as the manual driver's web console shows it (French): the
// verdict, its reason, the counts, the scenarios in failure or in setup error, and the report.
// Pure: summary in, FinalVerdict out (manual-verdict-display.ts publishes it).
import type { FinalVerdict } from '../../../simulator/public-api.ts';
import type { ConformanceSummary } from './conformance-summary.ts';
import type { ReportFiles } from './run-plan.ts';
import { countLine } from './summary-markdown.ts';

const MAX_LISTED = 10;

export function consoleVerdict(summary: ConformanceSummary, files: Pick<ReportFiles, 'report' | 'bundle'>): FinalVerdict {
  const listed = summary.scenarios.filter((s) => s.verdict === 'échoué' || s.verdict === 'erreur de mise en place');
  return {
    text: `Verdict : ${summary.verdict}`,
    details: [
      summary.reason,
      `Produit testé : ${summary.product.label}`,
      `Scénarios : ${countLine(summary.counts.scenarios)}.`,
      `Exigences : ${countLine(summary.counts.requirements)}.`,
      ...listed.slice(0, MAX_LISTED).map((s) => `${s.verdict} : ${s.name} (${s.requirementIds.join(', ')})`),
      ...(listed.length > MAX_LISTED ? [`… et ${listed.length - MAX_LISTED} autre(s) : voyez le rapport.`] : []),
      `Dossier de preuve : ${files.bundle}`,
    ],
    reportFile: files.report,
  };
}
