// The simulator's fingerprint in a conformance report: one SHA-256 over the files that decide a
// verdict (the simulator, the steps, the scenarios and the default data set), each as its path
// and its bytes, in path order. Two reports with the same fingerprint were judged by the same
// code and rules, whatever the Git state. Tests and browser end-to-end files are left out.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const FINGERPRINTED_FOLDERS: readonly string[] = ['simulator', 'steps', 'features', 'fixtures'];

export function simulatorFingerprint(root: string, folders: readonly string[] = FINGERPRINTED_FOLDERS): string {
  const hash = createHash('sha256');
  for (const path of folders.flatMap((folder) => filesUnder(root, join(root, folder))).sort()) {
    hash.update(`${path}\0`);
    hash.update(readFileSync(join(root, path)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(root: string, dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry === 'node_modules' || entry.startsWith('.') || /\.(test|e2e)\.ts$/.test(entry)) return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return filesUnder(root, path);
    return [relative(root, path).split(sep).join('/')];
  });
}
