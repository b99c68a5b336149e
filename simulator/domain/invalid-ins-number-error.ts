// Raised when a patient address is built from a matricule INS that is not valid
// (REG-ADR-02: 15 characters, Corsica `2A`/`2B`, key 97 − (N mod 97)).
import type { InsProblem } from './ins-number.ts';

export class InvalidInsNumberError extends Error {
  readonly code = 'MSS_SIM_DOMAIN_INVALID_INS';
  readonly problem: InsProblem;
  readonly ins: string;

  constructor(ins: string, problem: InsProblem) {
    super(`invalid matricule INS (${problem}): ${JSON.stringify(ins)}; expected 13 characters (positions 6–7 may be 2A/2B) and the 2-digit key 97 − (N mod 97)`);
    this.name = 'InvalidInsNumberError';
    this.problem = problem;
    this.ins = ins;
  }
}
