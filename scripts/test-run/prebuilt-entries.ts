// Builds, once per test run, the commands the tests start as child processes and the cucumber
// support code into JavaScript (esbuild: a file per command and shared chunks; packages stay in
// node_modules), read by simulator/cli/node-entry.ts through MSS_PREBUILT_DIR. The tests start
// many such processes: each then loads in about a second instead of two to four under tsx. Same sources,
// same behaviour: each module's `import.meta.url` keeps the address of its source file, so that
// the paths computed from it (fixtures, schemas, reports) are unchanged.
import { loadConfiguration } from '@cucumber/cucumber/api';
import { build, type Plugin } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CUCUMBER_SUPPORT_BUILD, prebuiltFileName } from '../../simulator/tooling-api.ts';
import { CUCUMBER_PROFILE } from '../conformance/cli/run-plan.ts';

/** The commands tests start many times: the simulator's, the conformance command, the register check, the faulty-variant matrix's workers. */
export const PREBUILT_ENTRY_POINTS: readonly string[] = ['simulator/cli/main.ts', 'scripts/conformance/cli/main.ts', 'scripts/requirements/check-requirements.ts', 'scripts/conformance/fault-matrix/variant-worker.ts'];

/** Replaces `import.meta.url` in each TypeScript module by its source file's URL. */
const sourceAddresses: Plugin = {
  name: 'source-addresses',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/** The support files cucumber would import for the campaigns' profile, in its order (its own glob). */
export async function cucumberSupportFiles(root: string): Promise<string[]> {
  const { runConfiguration } = await loadConfiguration({ profiles: [CUCUMBER_PROFILE] }, { cwd: root });
  const { glob } = createRequire(createRequire(join(root, 'package.json')).resolve('@cucumber/cucumber'))('glob') as { glob: (pattern: string, options: object) => Promise<string[]> };
  const files: string[] = [];
  for (const pattern of runConfiguration.support.importPaths ?? []) {
    const matches = await glob(pattern, { absolute: true, cwd: root, windowsPathsNoEscape: true });
    files.push(...matches.sort());
  }
  return [...new Set(files)];
}

export async function buildPrebuiltEntries(root: string, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const supportEntry = join(outDir, 'cucumber-support-entry.ts');
  const support = await cucumberSupportFiles(root);
  writeFileSync(supportEntry, support.map((file) => `import ${JSON.stringify(file)};`).join('\n') + '\n');
  // One build with shared chunks: the simulator's code is loaded once per process whatever the
  // entry, and a module imported lazily (import()) is only read when asked.
  const entryPoints = Object.fromEntries([...PREBUILT_ENTRY_POINTS.map((entry) => [prebuiltFileName(entry).replace(/\.mjs$/, ''), join(root, entry)]), [CUCUMBER_SUPPORT_BUILD.replace(/\.mjs$/, ''), supportEntry]]);
  await build({ entryPoints, outdir: outDir, outExtension: { '.js': '.mjs' }, splitting: true, chunkNames: 'partage/[name]-[hash]', absWorkingDir: root, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, plugins: [sourceAddresses], logLevel: 'error' });
}
