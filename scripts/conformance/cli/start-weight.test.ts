// What a `conformite` start loads before it knows what to do: the tests and CI start the command
// dozens of times, and the simulator's code costs about a second of CPU at each start. The light
// entry simulator/tooling-api.ts reaches Node's own modules only; the command's static imports
// (the dynamic ones load a subcommand, a driver or the reports when asked) stay off
// simulator/public-api.ts and off every package but the tag-expression parser; so does the HTTP
// driver the command loads for a vendor's adapter.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The repository files and the packages an entry loads through static imports (esbuild's resolution). */
async function staticClosure(entry: string): Promise<{ files: string[]; packages: string[]; bytes: number }> {
  const { metafile } = await build({ entryPoints: [join(ROOT, entry)], absWorkingDir: ROOT, bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', outfile: 'closure.mjs', logLevel: 'silent' });
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      if (imported.kind === 'dynamic-import') continue;
      if (!imported.external) visit(imported.path);
      else if (!imported.path.startsWith('node:')) packages.add(imported.path);
    }
  };
  visit(entry);
  const bytes = [...files].reduce((sum, file) => sum + (metafile.inputs[file]?.bytes ?? 0), 0);
  return { files: [...files].sort(), packages: [...packages].sort(), bytes };
}

test('simulator/tooling-api.ts loads Node built-ins only', async () => {
  const { files, packages, bytes } = await staticClosure('simulator/tooling-api.ts');
  assert.deepEqual(packages, [], 'une entrée légère ne charge aucun paquet');
  assert.ok(bytes <= 64_000, `tooling-api.ts charge ${bytes} octets de source en ${files.length} modules : ${files.join(', ')}`);
});

test('the conformance command starts without the simulator', async () => {
  const { files, packages } = await staticClosure('scripts/conformance/cli/main.ts');
  assert.ok(!files.includes('simulator/public-api.ts'), 'main.ts charge simulator/public-api.ts au démarrage : importez-le avec import() là où il sert');
  assert.deepEqual(packages, ['@cucumber/tag-expressions']);
});

test('the HTTP driver, loaded for an adapter, does not bring the simulator either', async () => {
  const { files } = await staticClosure('steps/drivers/http/http-driver.ts');
  assert.ok(!files.includes('simulator/public-api.ts'), 'http-driver.ts charge simulator/public-api.ts : passez par simulator/tooling-api.ts');
});
