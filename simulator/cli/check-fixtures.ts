// `simulateur check-fixtures [DOSSIER]`: validates a fixture folder and prints every problem in
// French, one per line, then a summary. Exit codes (REG-DEC-05): 0 valid, 78 fixtures invalid.
import type { TrustSpaceData } from '../domain/model.ts';
import type { FixtureProblem } from '../services/fixture-loading/fixture-problem.ts';
import { loadFixtures } from '../services/fixture-loading/load-fixtures.ts';

export const EXIT_OK = 0;
export const EXIT_FIXTURES_INVALID = 78;

export async function checkFixtures(dir: string, out: { log(line: string): void }): Promise<number> {
  const result = await loadFixtures(dir);
  if (!result.ok) {
    for (const problem of result.problems) out.log(formatProblem(problem));
    out.log(problemSummary(result.problems));
    return EXIT_FIXTURES_INVALID;
  }
  out.log(validSummary(result.data));
  return EXIT_OK;
}

/** `fichier:chemin — message (correctif : …)`; the whole file is shown as `/`. */
export function formatProblem(problem: FixtureProblem): string {
  return `${problem.file}:${problem.path || '/'} — ${problem.message} (correctif : ${problem.fix})`;
}

/** « 12 problèmes dans 3 fichiers ». */
export function problemSummary(problems: readonly FixtureProblem[]): string {
  const files = new Set(problems.map((problem) => problem.file)).size;
  return `${count(problems.length, 'problème', 'problèmes')} dans ${count(files, 'fichier', 'fichiers')}`;
}

export function validSummary(data: TrustSpaceData): string {
  const domains = data.operators.reduce((total, operator) => total + operator.domains.length, 0);
  return (
    'Jeu de données valide : ' +
    [
      count(data.operators.length, 'opérateur', 'opérateurs'),
      count(domains, 'domaine', 'domaines'),
      count(data.organisations.length, 'organisation', 'organisations'),
      count(data.practitioners.length, 'professionnel', 'professionnels'),
      count(data.mailboxes.length, 'boîte aux lettres', 'boîtes aux lettres'),
      count(data.patients.length, 'patient', 'patients'),
      count(data.personas.length, 'persona', 'personas'),
    ].join(', ')
  );
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n > 1 ? plural : singular}`;
}
