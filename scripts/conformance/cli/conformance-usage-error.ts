// A `conformite` command line that cannot run: exit code 64 (EX_USAGE, REG-DEC-05). The message is French, fact then fix.
export class ConformanceUsageError extends Error {
  readonly code = 'MSS_SIM_CONFORMANCE_USAGE';
  readonly exitCode = 64;

  constructor(message: string) {
    super(message);
    this.name = 'ConformanceUsageError';
  }
}
