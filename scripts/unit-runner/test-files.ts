// Finds test files under the given folders by suffix (`.test.ts`, `.e2e.ts`), skipping
// node_modules and hidden folders; paths relative to root, sorted.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function findTests(root: string, dir: string, suffix: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(root, path, suffix));
    else if (entry.endsWith(suffix)) found.push(relative(root, path));
  }
  return found.sort();
}

/** The unit and protocol test files that `npm test` runs. */
export function unitTestFiles(root: string): string[] {
  return ['simulator', 'steps', 'scripts', 'fixtures', 'bench'].flatMap((dir) => findTests(root, join(root, dir), '.test.ts'));
}
