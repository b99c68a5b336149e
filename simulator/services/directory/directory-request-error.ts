// A request the simulated Annuaire Santé refuses: HTTP status, FHIR issue code, a stable code
// (`MSS_SIM_DIRECTORY_<REASON>`, never renamed once released) and French diagnostics. Every
// instance comes from the catalogue in directory-errors.ts; operation-outcome.ts turns it
// into the OperationOutcome the real API answers with (REG-ANN-01).

/** FHIR R4 IssueType codes used here (valueset-issue-type). */
export type IssueCode = 'invalid' | 'not-found' | 'not-supported' | 'security' | 'login' | 'transient' | 'too-costly' | 'exception';

export class DirectoryRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issue: IssueCode;

  constructor(status: number, code: string, issue: IssueCode, message: string) {
    super(message);
    this.name = 'DirectoryRequestError';
    this.status = status;
    this.code = code;
    this.issue = issue;
  }
}
