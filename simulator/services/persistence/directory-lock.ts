// One simulator per data directory: `simulateur.lock` holds the pid of the owner, created
// exclusively. A lock whose pid is no longer running (a crash, kill -9) is stale and taken over;
// a live one refuses the start (PersistenceError DIR_LOCKED, French, with the pid and the path).
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PersistenceError } from './persistence-error.ts';

export const LOCK_FILE = 'simulateur.lock';

/** Locks this process holds: its own pid in a lock file means "in use here", not "stale". */
const heldHere = new Set<string>();

export interface DirectoryLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. */
  release(): void;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export function lockDirectory(dir: string): DirectoryLock {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (!heldHere.has(path) && tryCreate(path)) {
      heldHere.add(path);
      return {
        path,
        release() {
          if (!heldHere.delete(path)) return;
          if (ownerOf(path) === process.pid) rmSync(path, { force: true });
        },
      };
    }
    const owner = ownerOf(path);
    const inUse = owner === process.pid ? heldHere.has(path) : owner !== undefined && running(owner);
    if (inUse) {
      throw new PersistenceError('DIR_LOCKED', dir, `${dir} est déjà utilisé par un autre simulateur (pid ${owner}, verrou ${path}). Arrêtez-le, ou choisissez un autre dossier avec --data-dir.`);
    }
    // Stale (its owner is gone) or unreadable: taken over.
    rmSync(path, { force: true });
  }
  throw new PersistenceError('DIR_LOCKED', dir, `Impossible de prendre le verrou ${path} : un autre programme le recrée sans cesse. Vérifiez qu'aucun autre simulateur n'utilise ${dir}.`);
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
