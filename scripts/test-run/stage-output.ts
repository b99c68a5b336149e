// Where the output of one `npm test` stage goes: straight to the terminal, or, for a stage that
// runs beside another, kept and printed in one piece once it is over, so that the two never mix.
// runCommand() runs a child process into such an output and returns its exit code and output.
import { spawn } from 'node:child_process';

export class StageOutput {
  private kept = '';

  constructor(
    readonly live: boolean,
    private readonly print: (text: string) => void = (text) => process.stdout.write(text),
  ) {}

  write(text: string): void {
    if (this.live) this.print(text);
    else this.kept += text;
  }

  /** Prints what was kept (nothing for a live output). */
  flush(): void {
    if (this.kept !== '') this.print(this.kept);
    this.kept = '';
  }
}

export interface CommandRun {
  readonly code: number;
  /** stdout and stderr, in the order they came. */
  readonly output: string;
}

export function runCommand(out: StageOutput, cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CommandRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    const take = (chunk: string) => {
      output += chunk;
      out.write(chunk);
    };
    child.stdout.setEncoding('utf8').on('data', take);
    child.stderr.setEncoding('utf8').on('data', take);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}
