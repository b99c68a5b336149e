// A cross-process lock on a folder, so that parallel simulators sharing a data folder (parallel
// cucumber workers, REG-DEC-03) never interleave their writes of the CA and of the server
// certificate. `open(…, 'wx')` is atomic; a lock older than `staleMs` (a crashed process) is
// broken; waiting is bounded.
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export class PkiLockTimeoutError extends Error {
  readonly code = 'MSS_SIM_PKI_LOCK_TIMEOUT';
  constructor(lockPath: string, waitedMs: number) {
    super(`PKI lock ${lockPath} still held after ${waitedMs} ms: another simulator is generating certificates, or remove the file if none is running`);
    this.name = 'PkiLockTimeoutError';
  }
}

export interface FileLockOptions {
  readonly timeoutMs?: number;
  readonly staleMs?: number;
  readonly pollMs?: number;
}

export async function withFileLock<T>(dir: string, run: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const lockPath = join(dir, '.pki.lock');
  await acquire(lockPath, options);
  try {
    return await run();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function acquire(lockPath: string, options: FileLockOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const staleMs = options.staleMs ?? 60_000;
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lockPath, staleMs)) await rm(lockPath, { force: true });
    else if (Date.now() - started > timeoutMs) throw new PkiLockTimeoutError(lockPath, Date.now() - started);
    else await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 50));
  }
}

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(lockPath)).mtimeMs > staleMs;
  } catch {
    return false; // released meanwhile: the next attempt will tell
  }
}
