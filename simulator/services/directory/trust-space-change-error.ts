// A change of the trust space (trust-space-change.ts) that cannot be applied: stable code
// (`MSS_SIM_CHANGE_<REASON>`), French message (the fact, then the fix) and, for an invalid
// mailbox, every problem at once with its JSON Pointer into the mailbox.

export type TrustSpaceChangeErrorCode =
  | 'MSS_SIM_CHANGE_INVALID_MAILBOX'
  | 'MSS_SIM_CHANGE_DUPLICATE_ADDRESS'
  | 'MSS_SIM_CHANGE_UNKNOWN_MAILBOX'
  | 'MSS_SIM_CHANGE_UNKNOWN_DOMAIN';

export interface ChangeProblem {
  /** JSON Pointer (RFC 6901) into the mailbox; `''` for the mailbox itself. */
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

export class TrustSpaceChangeError extends Error {
  readonly code: TrustSpaceChangeErrorCode;
  readonly problems: readonly ChangeProblem[];

  constructor(code: TrustSpaceChangeErrorCode, message: string, problems: readonly ChangeProblem[] = []) {
    super(message);
    this.name = 'TrustSpaceChangeError';
    this.code = code;
    this.problems = problems;
  }
}
