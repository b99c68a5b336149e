// CLI: checks the requirement register against the feature files, and with a run writes the
// coverage per requirement.
//   node --import tsx scripts/requirements/check-requirements.ts [--run reports/cucumber.ndjson] [--out reports/couverture-exigences.csv]
// Exit codes (REG-DEC-05): 0 conforming, 1 problems in the register or the
// @req: tags, 64 usage, 78 an input missing or unreadable.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runRequirementsCheck } from './requirements-check.ts';
import { RequirementsInputError } from './requirements-input-error.ts';

/** Feature URIs and default paths are relative to the project root; given paths to the current folder. */
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USAGE = 'Usage : check-requirements.ts [--register features/exigences.csv] [--features features] [--run reports/cucumber.ndjson] [--out reports/couverture-exigences.csv]';

function main(argv: readonly string[]): number {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { register: { type: 'string' }, features: { type: 'string' }, run: { type: 'string' }, out: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 64;
  }
  const cwd = process.cwd();
  const path = (value: string | undefined) => (value === undefined ? undefined : resolve(cwd, value));
  try {
    const report = runRequirementsCheck({ root: PROJECT_ROOT, ...definedOnly({ register: path(values.register), features: path(values.features), run: path(values.run), out: path(values.out) }) });
    for (const line of report.lines) (line.startsWith('Erreur') ? console.error : console.log)(line);
    return report.exitCode;
  } catch (error) {
    if (!(error instanceof RequirementsInputError)) throw error;
    console.error(`${error.message} (${error.code})`);
    return 78;
  }
}

function definedOnly<T extends Record<string, string | undefined>>(record: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: string };
}

process.exitCode = main(process.argv.slice(2));
