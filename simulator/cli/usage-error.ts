// A command line the CLI cannot run: exit code 64 (EX_USAGE, REG-DEC-05).
export class UsageError extends Error {
  readonly code = 'MSS_SIM_CLI_USAGE';
  readonly exitCode = 64;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
