// Reads every `.feature` file under a folder, named by its path relative to the project root
// with `/` separators, as cucumber names them in its messages (so the static view and a run match).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FeatureSource } from './scenario-tags.ts';

export function readFeatureFiles(root: string, folder: string): FeatureSource[] {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.feature'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({ uri: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
}
