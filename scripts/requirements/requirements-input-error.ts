// An input of the requirement check cannot be read: the register, the features folder or the
// cucumber message file (NDJSON). Stable codes (REG-DEC-05); French message, fact then fix.

export type RequirementsInputReason = 'FILE_MISSING' | 'RUN_UNREADABLE';

export class RequirementsInputError extends Error {
  readonly code: `MSS_SIM_REQ_${RequirementsInputReason}`;

  constructor(reason: RequirementsInputReason, message: string) {
    super(message);
    this.name = 'RequirementsInputError';
    this.code = `MSS_SIM_REQ_${reason}`;
  }
}
