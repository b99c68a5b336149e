// Runs `openssl s_client` for wire tests, with stdin closed and a bounded lifetime: it is killed
// after `timeoutMs` (default 5 s) if it has not ended by itself, so no test waits on it forever.
import { spawn } from 'node:child_process';

export interface OpensslRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const OPENSSL = '/usr/bin/openssl';

/** `openssl s_client -connect 127.0.0.1:<port> <args>`; resolves when the process ends. */
export function opensslClient(port: number, args: readonly string[], timeoutMs = 5000): Promise<OpensslRun> {
  const child = spawn(OPENSSL, ['s_client', '-connect', `127.0.0.1:${port}`, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('latin1')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('latin1')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
