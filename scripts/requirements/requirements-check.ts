// The requirement check as a function (the CLI is a thin shell over
// it): reads the register and the feature files, enforces the coverage rules, and
// with a run computes the verdict per requirement and writes the coverage CSV. Exit code 1
// when the register or the tags are wrong; a failed scenario is cucumber's verdict, not ours.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { checkCoverage } from './coverage-check.ts';
import { formatCoverageCsv, summariseCoverage } from './coverage-report.ts';
import { readFeatureFiles } from './feature-files.ts';
import { formatProblem } from './requirement-problem.ts';
import { parseRegister } from './requirement-register.ts';
import type { Requirement } from './requirement-register.ts';
import { computeVerdicts } from './requirement-verdicts.ts';
import { coverageLine, registerCoverage } from './register-coverage.ts';
import { RequirementsInputError } from './requirements-input-error.ts';
import { readRunOutcomes } from './run-outcomes.ts';
import { collectRequirementTags } from './scenario-tags.ts';
import type { TaggedScenario } from './scenario-tags.ts';

export interface RequirementsCheckOptions {
  /** Project root: feature URIs and the default paths are relative to it. */
  readonly root: string;
  readonly register?: string;
  readonly features?: string;
  /** Cucumber message file (NDJSON) of a run. */
  readonly run?: string;
  /** Where to write the coverage CSV; defaults to reports/couverture-exigences.csv with a run. */
  readonly out?: string;
}

export interface RequirementsCheckReport {
  readonly exitCode: 0 | 1;
  /** French lines for the terminal, problems included. */
  readonly lines: readonly string[];
}

export function runRequirementsCheck(options: RequirementsCheckOptions): RequirementsCheckReport {
  const at = (path: string) => resolve(options.root, path);
  const registerPath = at(options.register ?? 'features/exigences.csv');
  const registerName = relative(options.root, registerPath);
  const { requirements, problems: registerProblems } = parseRegister(readInput(registerPath), registerName);
  const collected = collectRequirementTags(readFeatureFiles(options.root, mustExist(at(options.features ?? 'features'))));
  const coverage = checkCoverage(requirements, registerName, collected.tags, collected.scenarios);
  const problems = [...registerProblems, ...collected.problems, ...coverage.problems];
  const files = new Set(collected.scenarios.map((scenario) => scenario.uri)).size;
  const lines = [`Registre ${registerName} : ${requirements.length} exigences, ${collected.scenarios.length} scénarios dans ${files} fichier(s).`];
  lines.push(...coverage.warnings.map((warning) => `Avertissement : ${formatProblem(warning)}`));
  const figure = registerCoverage(requirements, collected.scenarios);
  lines.push(coverageLine(figure));
  if (figure.mandatoryToCover.length > 0) lines.push(`Exigences DOIT du périmètre encore sans scénario : ${figure.mandatoryToCover.join(', ')}.`);
  lines.push(...(options.run === undefined ? staticSummary(requirements, collected.scenarios) : runSummary(options, requirements, collected.scenarios)));
  lines.push(...problems.map((problem) => `Erreur : ${formatProblem(problem)}`));
  lines.push(problems.length === 0 ? 'Registre des exigences conforme.' : `${problems.length} problème(s) dans le registre ou les étiquettes @req: : corrigez-les (voir features/exigences.md).`);
  return { exitCode: problems.length === 0 ? 0 : 1, lines };
}

function staticSummary(requirements: readonly Requirement[], scenarios: readonly TaggedScenario[]): string[] {
  const covered = new Set(scenarios.flatMap((scenario) => scenario.requirementIds));
  const coveredCount = requirements.filter((requirement) => covered.has(requirement.id)).length;
  const withReason = requirements.filter((requirement) => !covered.has(requirement.id) && requirement.reasonNotTested !== '').length;
  return [`Exigences couvertes par au moins un scénario : ${coveredCount} ; non testées avec motif : ${withReason}.`];
}

function runSummary(options: RequirementsCheckOptions, requirements: readonly Requirement[], scenarios: readonly TaggedScenario[]): string[] {
  const runPath = resolve(options.root, options.run ?? '');
  const rows = computeVerdicts(requirements, scenarios, readRunOutcomes(readInput(runPath), relative(options.root, runPath)));
  const outPath = resolve(options.root, options.out ?? 'reports/couverture-exigences.csv');
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, formatCoverageCsv(rows), 'utf8');
  return [...summariseCoverage(rows), `Couverture écrite dans ${relative(options.root, outPath)}.`];
}

function mustExist(path: string): string {
  if (!existsSync(path)) throw new RequirementsInputError('FILE_MISSING', `${path} introuvable : vérifiez le chemin donné.`);
  return path;
}

function readInput(path: string): string {
  return readFileSync(mustExist(path), 'utf8');
}
