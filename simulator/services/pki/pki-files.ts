// Reading and writing the PEM files of the test PKI: a missing file reads as `undefined`; a key
// is written owner-only, and every file goes to a temporary name first, then is renamed, so a
// crash never leaves half a file.
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { KeyAndCertificate } from './x509-tools.ts';

export async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Key first (owner-only), then certificate. */
export async function writePair(certPath: string, keyPath: string, pair: KeyAndCertificate): Promise<void> {
  await writeAtomically(keyPath, pair.keyPem, 0o600);
  await writeAtomically(certPath, pair.certPem, 0o644);
}

async function writeAtomically(path: string, text: string, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode });
  await rename(temporary, path);
}
