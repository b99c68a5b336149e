// The servers `npm run bench` compares, each in its own process so that its CPU time and peak RSS
// are its own (/proc): Postfix smtp-sink, the bare smtp-server (bare-smtp-server.ts) and the
// simulator's peer endpoint, once with a recipient that bounces and once with one that is
// delivered. A target says when everything the generator sent has been processed (`processed`).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTracked, stopProcess } from './child-processes.ts';
import { freeLoopbackPort, startSmtpSink } from './postfix-tools.ts';

export interface BenchTarget {
  readonly name: string;
  readonly label: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Envelope recipient the generator sends to. */
  readonly recipient: string;
  /** Items done so far (stored bounces, stored copies); undefined: done when the 250 is sent. */
  processed(): Promise<number | undefined>;
}

export const BENCH_SENDER = 'emetteur@hopital-a.mssante.fr';
/** 13 characters: an invalid INS, so every message is stored then bounced with 5.1.3. */
const BOUNCING_RECIPIENT = '1234567890123@patient.mssante.fr';
/** A mailbox of the default fixtures (fixtures/mailboxes.json). */
const DELIVERED_RECIPIENT = 'paul.martin@ch-valbrume.mssante.fr';

// Generous: on a shared, loaded machine the simulator may take more than 30 s to start.
const START_TIMEOUT_MS = 120_000;

export async function startSinkTarget(path: string): Promise<BenchTarget> {
  const port = await freeLoopbackPort();
  const child = startSmtpSink(path, port);
  await waitFor(() => canConnect(port), `smtp-sink n'écoute pas sur le port ${port}`);
  return { name: 'smtp-sink', label: 'Postfix smtp-sink (référence, ne stocke rien)', port, child, recipient: BOUNCING_RECIPIENT, processed: async () => undefined };
}

export async function startBareTarget(): Promise<BenchTarget> {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', 'bench/bare-smtp-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bare smtp-server did not print its port within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    child.stdout!.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(Number(chunk.toString().trim()));
    });
    child.once('exit', () => reject(new Error('bare smtp-server exited before listening')));
  });
  return { name: 'smtp-server', label: 'smtp-server seul (plafond de cette conception)', port, child, recipient: BOUNCING_RECIPIENT, processed: async () => undefined };
}

export interface SimulatorTargetOptions {
  readonly bounces: boolean;
  readonly journal: boolean;
  /** Durable mode (--conserver): every 250 after the group's fsync, in the target's temporary directory. */
  readonly durable?: boolean;
  /** Directory for `node --cpu-prof` profiles, written when the simulator stops. */
  readonly cpuProfDir?: string;
  /** Another checkout of the project (an earlier commit) whose simulator is measured instead, named `avant-…`. */
  readonly checkout?: string;
}

export async function startSimulatorTarget(options: SimulatorTargetOptions): Promise<BenchTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'mss-bench-'));
  const endpointsFile = join(dir, 'endpoints.json');
  const node = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const args = [...node, '--import', 'tsx', 'simulator/cli/main.ts', 'start', '--submission-port', '0', '--peer-port', '0', '--imap-port', '0', '--imaps-port', '0', '--http-port', '0', '--data-dir', dir, '--endpoints-file', endpointsFile];
  if (!options.journal) args.push('--no-journal');
  if (options.durable) args.push('--conserver');
  const child = spawnTracked(process.execPath, args, options.checkout ? { cwd: options.checkout } : {});
  const endpoints = await waitFor(() => readEndpoints(endpointsFile), 'le simulateur n’a pas écrit son fichier de points d’accès');
  const field = options.bounces ? 'bounces' : 'messages';
  const processed = async () => ((await (await fetch(`${endpoints.controlApi.baseUrl}/stats`)).json()) as Record<string, number>)[field];
  const suffix = options.durable ? { name: '-durable', label: ', mode durable --conserver (fsync avant 250)' } : { name: '', label: '' };
  const target = options.bounces
    ? { name: `simulateur-avis${suffix.name}`, label: `Ce simulateur, avis de non-remise (stockage + avis)${suffix.label}`, port: endpoints.peer.port, child, recipient: BOUNCING_RECIPIENT, processed }
    : { name: `simulateur-remise${suffix.name}`, label: `Ce simulateur, remise dans une boîte (stockage)${suffix.label}`, port: endpoints.peer.port, child, recipient: DELIVERED_RECIPIENT, processed };
  return options.checkout ? { ...target, name: target.name.replace('simulateur', 'avant'), label: `${target.label}, version de ${options.checkout}` } : target;
}

export async function stopTarget(target: BenchTarget): Promise<void> {
  await stopProcess(target.child);
}

interface Endpoints {
  readonly peer: { readonly port: number };
  readonly controlApi: { readonly baseUrl: string };
}

function readEndpoints(path: string): Endpoints | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Endpoints;
  } catch {
    return undefined;
  }
}

async function canConnect(port: number): Promise<true | undefined> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(undefined));
  });
}

/** Polls `probe` (bounded: START_TIMEOUT_MS) until it gives a value. */
async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, failure: string): Promise<T> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(failure);
}
