// Everything a campaign writes once its cucumber messages (conformite.ndjson) are on disk: the
// summary (.json and .md), the register coverage, the certification report, the JUnit file and
// the evidence bundle. Shared by a run (`conformite`) and a merge of tranches (`fusionner`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readFeatureFiles } from '../../requirements/feature-files.ts';
import { registerCoverage } from '../../requirements/register-coverage.ts';
import { parseRegister } from '../../requirements/requirement-register.ts';
import { collectRequirementTags } from '../../requirements/scenario-tags.ts';
import { runRequirementsCheck } from '../../requirements/requirements-check.ts';
import { RequirementsInputError } from '../../requirements/requirements-input-error.ts';
import { writeBundle } from '../bundle/write-bundle.ts';
import { certificationReport } from '../report/certification-report.ts';
import { junitReport } from '../report/junit-report.ts';
import { readScenarioDetails } from '../report/scenario-details.ts';
import type { ClientProfile } from './client-profile.ts';
import { buildSummary, type ConformanceSummary, type RunFacts } from './conformance-summary.ts';
import { judgeRun } from './conformance-verdict.ts';
import type { ReportFiles } from './run-plan.ts';
import { readScenarioVerdicts } from './scenario-verdicts.ts';
import { summaryMarkdown } from './summary-markdown.ts';
import { suiteVersion } from './suite-version.ts';

const REGISTER = 'features/exigences.csv';

export function writeCampaignOutputs(root: string, files: ReportFiles, profile: ClientProfile, facts: RunFacts, signingKeyPem?: string): ConformanceSummary {
  const ndjson = readFileSync(files.ndjson, 'utf8');
  const source = relative(root, files.ndjson);
  const scenarios = readScenarioVerdicts(ndjson, source);
  const register = parseRegister(readFileSync(join(root, REGISTER), 'utf8'), REGISTER).requirements;
  const onDisk = collectRequirementTags(readFeatureFiles(root, join(root, 'features'))).scenarios;
  const summary = buildSummary(judgeRun(scenarios, register), scenarios, profile, suiteVersion(root), { ...facts, registerCoverage: registerCoverage(register, onDisk) });
  writeFileSync(files.summaryMarkdown, summaryMarkdown(summary), 'utf8');
  writeFileSync(files.summaryJson, JSON.stringify(summary, null, 2) + '\n', 'utf8');
  writeCoverage(root, files);
  const details = readScenarioDetails(ndjson, source);
  writeFileSync(files.report, certificationReport(summary, details), 'utf8');
  writeFileSync(files.junit, junitReport(summary, details), 'utf8');
  writeBundle({ root, summary, reports: files, details, ...(signingKeyPem === undefined ? {} : { signingKeyPem }) }, files.bundle);
  return summary;
}

/** The register coverage of this run (scripts/requirements); register problems are reported, not fatal here. */
function writeCoverage(root: string, files: ReportFiles): void {
  try {
    const report = runRequirementsCheck({ root, run: files.ndjson, out: files.coverageCsv });
    for (const line of report.lines.filter((l) => l.startsWith('Erreur'))) console.warn(line);
  } catch (error) {
    if (!(error instanceof RequirementsInputError)) throw error;
    console.warn(`Couverture des exigences non écrite : ${error.message}`);
  }
}
