// Postfix's smtp-sink (the reference server: answers, stores nothing) and smtp-source (the
// generator of the published comparisons) for `npm run bench`, when Postfix is installed
// (`apt-get install postfix`). Found on PATH or in /usr/sbin; absent tools make the bench say so.
import { accessSync, constants } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { spawnTracked } from './child-processes.ts';
import type { LoadShape } from './smtp-load.ts';

export function findTool(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not there
    }
  }
  return undefined;
}

/** A port free on loopback now (smtp-sink cannot listen on port 0 and tell which port it got). */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** smtp-sink on loopback, backlog 1024; as root it must drop to an unprivileged user. */
export function startSmtpSink(path: string, port: number): ChildProcess {
  const asRoot = process.getuid?.() === 0 ? ['-u', 'nobody'] : [];
  return spawnTracked(path, [...asRoot, `127.0.0.1:${port}`, '1024']);
}

export interface SourceRun extends LoadShape {
  readonly path: string;
  /** The message with LF line ends: smtp-source appends CRLF to each line and dot-stuffs. */
  readonly messageFile: string;
  readonly timeoutMs: number;
}

/** Runs smtp-source to completion; rejects on a non-zero exit or after `timeoutMs` (then killed). */
export async function runSmtpSource(run: SourceRun): Promise<void> {
  const args = ['-M', 'bench.local', '-f', run.from, '-t', run.to, '-m', String(run.messages), '-s', String(run.sessions), '-F', run.messageFile];
  if (run.mode === 'reuse') args.push('-d');
  const child = spawnTracked(run.path, [...args, `127.0.0.1:${run.port}`]);
  const timer = setTimeout(() => child.kill('SIGKILL'), run.timeoutMs);
  try {
    const [code, signal] = (await new Promise((resolve) => child.once('exit', (c, s) => resolve([c, s])))) as [number | null, string | null];
    if (code !== 0) throw new Error(`smtp-source ended with ${signal ?? `code ${code}`}`);
  } finally {
    clearTimeout(timer);
  }
}
