// The files of a fixture folder: one data file and one JSON Schema per collection of TrustSpaceData.
import { fileURLToPath } from 'node:url';
import type { TrustSpaceData } from '../../domain/model.ts';

export const FIXTURE_COLLECTIONS = ['operators', 'practitioners', 'organisations', 'mailboxes', 'patients', 'personas'] as const;

export type FixtureCollection = (typeof FIXTURE_COLLECTIONS)[number] & keyof TrustSpaceData;

/** The default trust space shipped with the simulator: `<repo>/fixtures`. */
export const DEFAULT_FIXTURES_DIR = fileURLToPath(new URL('../../../fixtures', import.meta.url));

/** `mailboxes.json`: an object `{ "$schema": …, "mailboxes": [ … ] }`. */
export function dataFileName(collection: FixtureCollection): string {
  return `${collection}.json`;
}

/** `schemas/mailboxes.schema.json`, relative to a fixture folder. */
export function schemaFileName(collection: FixtureCollection): string {
  return `schemas/${collection}.schema.json`;
}
