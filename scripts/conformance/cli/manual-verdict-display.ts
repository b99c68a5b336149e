// After a campaign with the manual driver: the campaign's simulator stopped with its cucumber
// worker, so that the web console would vanish before the verdict. `conformite` starts one again
// on the same ports (the page the person has open reconnects by itself) and publishes the final
// verdict there with the link to the report, until the person presses Entrée, the input ends, a
// signal comes, or `keepMs` passes. A simulator that cannot start (port taken) is only a warning.
import { DEFAULT_FIXTURES_DIR, START_DEFAULTS, startTrustSpace, type FinalVerdict, type TrustSpace } from '../../../simulator/public-api.ts';
import type { ManualPorts } from '../../../steps/support/manual-ports.ts';

export interface VerdictDisplayOptions {
  readonly ports: ManualPorts;
  readonly fixturesDir?: string;
  readonly dataDir?: string;
  readonly input: NodeJS.ReadableStream;
  readonly print: (line: string) => void;
  /** Default 10 minutes. */
  readonly keepMs?: number;
}

export async function showVerdictOnConsole(verdict: FinalVerdict, options: VerdictDisplayOptions): Promise<void> {
  let space: TrustSpace;
  try {
    space = await startTrustSpace({ fixturesDir: options.fixturesDir ?? DEFAULT_FIXTURES_DIR, host: START_DEFAULTS.host, ...options.ports, dataDir: options.dataDir ?? START_DEFAULTS.dataDir });
  } catch (error) {
    options.print(`Attention : le verdict n'a pas pu être affiché dans la console web (${error instanceof Error ? error.message : String(error)}).`);
    return;
  }
  try {
    space.console.verdict(verdict);
    const minutes = Math.round((options.keepMs ?? 600_000) / 60_000);
    options.print(`Verdict affiché dans la console web : ${space.endpoints.http.baseUrl}/#console ; appuyez sur Entrée pour arrêter le simulateur (arrêt automatique dans ${minutes} min).`);
    await untilDismissed(options.input, options.keepMs ?? 600_000);
  } finally {
    await space.stop();
  }
}

/** Resolves on a line typed, the end of the input, SIGINT or SIGTERM, or after keepMs. */
function untilDismissed(input: NodeJS.ReadableStream, keepMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      input.off('data', onData);
      input.off('end', done);
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      input.pause();
      // A paused pipe or terminal still holds the event loop: release it so that the command ends.
      (input as Partial<{ destroy(): void }>).destroy?.();
      resolve();
    };
    const onData = (chunk: Buffer | string) => {
      if (String(chunk).includes('\n')) done();
    };
    const timer = setTimeout(done, keepMs);
    input.on('data', onData);
    input.on('end', done);
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
    input.resume();
  });
}
