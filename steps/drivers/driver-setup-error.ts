// A setup error (« erreur de mise en place »): the driver or its environment is wrong,
// not the client under test. The harness reports it apart from conformance failures (exit 78).
import type { DriverProblem } from './protocol/validate-driver-message.ts';

/** What went wrong, for the harness and the report: a stable, machine-readable kind. */
export type DriverSetupReason = 'invalid-base-url' | 'invalid-response' | 'http-status' | 'adapter-error' | 'not-json' | 'too-large' | 'timeout' | 'unreachable';

export interface DriverSetupDetails {
  readonly reason: DriverSetupReason;
  /** The protocol operation, e.g. `write-to-patient`. */
  readonly operation: string;
  /** Where the driver was talking to, e.g. `POST http://127.0.0.1:8700/send`. */
  readonly target: string;
  /** The fact, in French, e.g. « la réponse ne respecte pas le schéma ». */
  readonly fact: string;
  /** What to change, in French. */
  readonly fix: string;
  readonly problems?: readonly DriverProblem[];
  readonly cause?: unknown;
}

export class DriverSetupError extends Error {
  readonly code = 'MSS_SIM_DRIVER_SETUP';
  readonly reason: DriverSetupReason;
  readonly operation: string;
  readonly target: string;
  readonly problems: readonly DriverProblem[];

  constructor(details: DriverSetupDetails) {
    super(setupMessage(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'DriverSetupError';
    this.reason = details.reason;
    this.operation = details.operation;
    this.target = details.target;
    this.problems = details.problems ?? [];
  }
}

function setupMessage(details: DriverSetupDetails): string {
  const lines = [`Erreur de mise en place : opération « ${details.operation} » (${details.target}) : ${details.fact}.`];
  for (const problem of details.problems ?? []) lines.push(`  - ${problem.path || '(racine)'} : ${problem.message} ; ${problem.fix}`);
  lines.push(`À corriger : ${details.fix}.`);
  return lines.join('\n');
}
