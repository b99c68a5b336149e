// A problem the requirement check reports: where (file, line when known) and what, in French,
// fact then fix (REG-DEC-05). All problems are gathered before reporting.

export interface RequirementProblem {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

/** `features/exigences.csv:12 : niveau « DOIS » inconnu …` */
export function formatProblem(problem: RequirementProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where} : ${problem.message}`;
}
