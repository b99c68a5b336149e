// Loads a fixture folder into TrustSpaceData: reads the six JSON files, validates each against its
// JSON Schema, then runs the cross-file rules. Reports every problem at once (REG-DEC-06):
// all read and schema problems together; cross-file rules only when those pass.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrustSpaceData } from '../../domain/model.ts';
import { crossCheckFixtures } from './cross-checks.ts';
import { dataFileName, FIXTURE_COLLECTIONS, type FixtureCollection } from './fixture-files.ts';
import { fixtureProblem, quoted, type FixtureProblem } from './fixture-problem.ts';
import { readJsonFile } from './read-json-file.ts';
import { loadFixtureSchemas } from './schema-validator.ts';

export { DEFAULT_FIXTURES_DIR } from './fixture-files.ts';
export type { FixtureProblem } from './fixture-problem.ts';

export type FixtureLoadResult =
  | { readonly ok: true; readonly data: TrustSpaceData }
  | { readonly ok: false; readonly problems: readonly FixtureProblem[] };

export async function loadFixtures(dir: string): Promise<FixtureLoadResult> {
  if (!(await isDirectory(dir))) {
    const fix = "indiquez le chemin d'un dossier contenant operators.json, mailboxes.json, etc.";
    return { ok: false, problems: [fixtureProblem(dir, '', `dossier de données ${quoted(dir)} introuvable`, fix)] };
  }
  const schemas = await loadFixtureSchemas(dir);
  const problems: FixtureProblem[] = schemas.ok ? [] : [...schemas.problems];
  const values: Partial<Record<FixtureCollection, unknown>> = {};
  for (const collection of FIXTURE_COLLECTIONS) {
    const file = dataFileName(collection);
    const read = await readJsonFile(join(dir, file), file);
    if (!read.ok) problems.push(read.problem);
    else if (schemas.ok) problems.push(...schemas.validators[collection](file, read.value));
    if (read.ok) values[collection] = read.value;
  }
  if (problems.length > 0) return { ok: false, problems };
  const data = assemble(values as Record<FixtureCollection, unknown>);
  const crossProblems = crossCheckFixtures(data);
  if (crossProblems.length > 0) return { ok: false, problems: crossProblems };
  return { ok: true, data: deepFreeze(data) };
}

/** Schema-valid files are `{ "$schema"?, "<collection>": [ … ] }` whose items map 1:1 onto model.ts. */
function assemble(values: Record<FixtureCollection, unknown>): TrustSpaceData {
  const items = (collection: FixtureCollection) => (values[collection] as Record<string, unknown>)[collection];
  return {
    operators: items('operators') as TrustSpaceData['operators'],
    practitioners: items('practitioners') as TrustSpaceData['practitioners'],
    organisations: items('organisations') as TrustSpaceData['organisations'],
    mailboxes: items('mailboxes') as TrustSpaceData['mailboxes'],
    patients: items('patients') as TrustSpaceData['patients'],
    personas: items('personas') as TrustSpaceData['personas'],
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
