// The browser bundle of the web UI: src/main.ts and its imports, bundled in memory by esbuild at
// first request and kept (no build step, no file written). A bundling failure is a bug of ours:
// it rejects with esbuild's message and the HTTP server answers 500.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./src/main.ts', import.meta.url));

let bundle: Promise<string> | undefined;

export function uiBundle(): Promise<string> {
  bundle ??= bundleOnce().catch((error: unknown) => {
    bundle = undefined; // try again on the next request (e.g. a source being edited)
    throw error;
  });
  return bundle;
}

async function bundleOnce(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the web UI');
  return output.text;
}
