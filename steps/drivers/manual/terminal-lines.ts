// Lines typed in the terminal while the harness listens (a question, or a wait that « r » can end).
// One readline interface per listening phase, closed afterwards: the input is paused between
// phases, so that the process can exit and nothing is read while nobody listens.
import { createInterface } from 'node:readline';

export interface TerminalInput {
  /** Calls `onLine` for each line typed until the returned function is called. */
  listen(onLine: (line: string) => void): () => void;
  /** The input stream ended (no terminal: answers come from the web UI only). */
  readonly ended: boolean;
}

export function terminalInput(input: NodeJS.ReadableStream | null): TerminalInput {
  let ended = input === null;
  input?.once('end', () => (ended = true));
  return {
    get ended() {
      return ended;
    },
    listen(onLine) {
      if (input === null || ended) return () => undefined;
      const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
      lines.on('line', onLine);
      return () => lines.close();
    },
  };
}
