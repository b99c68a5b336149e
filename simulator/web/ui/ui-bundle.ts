// The browser bundles of the web UI: src/main.ts (trainer UI) or another page's entry point
// (src/<entry>.ts) and its imports, bundled in memory by esbuild at first request and kept (no
// build step, no file written). A bundling failure is a bug of ours: it rejects with esbuild's
// message and the HTTP server answers 500.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const bundles = new Map<string, Promise<string>>();

/** `entry`: a file name of src/ without `.ts` (a fixed name of ours, never user input). */
export function uiBundle(entry = 'main'): Promise<string> {
  let bundle = bundles.get(entry);
  if (!bundle) {
    bundle = bundleOnce(entry).catch((error: unknown) => {
      bundles.delete(entry); // try again on the next request (e.g. a source being edited)
      throw error;
    });
    bundles.set(entry, bundle);
  }
  return bundle;
}

async function bundleOnce(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`./src/${entry}.ts`, import.meta.url))],
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
