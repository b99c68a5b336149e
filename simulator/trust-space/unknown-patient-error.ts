// A control-API action named a matricule INS that no patient of the fixtures has.
export class UnknownPatientError extends Error {
  readonly code = 'MSS_SIM_TRUST_SPACE_UNKNOWN_PATIENT';
  constructor(readonly ins: string) {
    super(`no patient with INS ${ins} in the fixtures`);
    this.name = 'UnknownPatientError';
  }
}
