// A throw-away folder for the life of the process: made on first use under the system's temporary
// folder, the same one on later calls with the same prefix, removed when the process exits. A
// process that starts many trust spaces (test files, the faulty-variant matrix's workers) then
// keeps its test CA from one to the next (a new CA and server key cost about 0.3 s of CPU), and
// leaves nothing behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folders = new Map<string, string>();

export function processTempDir(prefix: string): string {
  const known = folders.get(prefix);
  if (known !== undefined) return known;
  const folder = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  folders.set(prefix, folder);
  return folder;
}

/** A new folder inside this process's throw-away folder of that prefix (one per test), removed with it. */
export function freshProcessTempDir(prefix: string): string {
  return mkdtempSync(join(processTempDir(prefix), 'essai-'));
}
