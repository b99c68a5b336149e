// The fixture folder given to the simulator does not hold a valid trust space (exit 78).
import type { FixtureProblem } from '../services/fixture-loading/fixture-problem.ts';

export class FixturesInvalidError extends Error {
  readonly code = 'MSS_SIM_FIXTURES_INVALID';
  constructor(
    readonly dir: string,
    readonly problems: readonly FixtureProblem[],
  ) {
    super(`fixtures in ${dir} are invalid: ${problems.length} problem(s)`);
    this.name = 'FixturesInvalidError';
  }

  /** French report for the terminal, one line per problem. */
  report(): string {
    const lines = this.problems.map((p) => `  ${p.file}:${p.path || '/'} — ${p.message} (correctif : ${p.fix})`);
    return [`Le jeu de données « ${this.dir} » est invalide (${this.problems.length} problème${this.problems.length > 1 ? 's' : ''}) :`, ...lines].join('\n');
  }
}
