// The harness built a driver request its own protocol refuses: a bug in the harness (a step or
// a scenario), never the vendor's fault nor a setup error.
import type { DriverProblem } from '../protocol/validate-driver-message.ts';

export class DriverRequestError extends Error {
  readonly code = 'MSS_SIM_DRIVER_REQUEST_INVALID';
  readonly operation: string;
  readonly problems: readonly DriverProblem[];

  constructor(operation: string, problems: readonly DriverProblem[]) {
    const list = problems.map((problem) => `${problem.path || '(racine)'}: ${problem.message}`).join('; ');
    super(`harness bug: the ${operation} request breaks the driver protocol schema: ${list}`);
    this.name = 'DriverRequestError';
    this.operation = operation;
    this.problems = problems;
  }
}
