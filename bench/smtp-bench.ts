// `npm run bench`: sends N 10 KB messages over the peer endpoint to a patient address that
// bounces (invalid INS), so every message costs storage + an asynchronous DSN, and prints
// msg/s, server CPU ms per message and peak RSS (performance). The simulator runs
// in its own process (its CPU is read from /proc), the load generator in this one.
// Usage: npm run bench -- [--messages N] [--sessions S] [--mode reuse|perconn|both] [--no-journal]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runLoad, type LoadMode } from './smtp-load.ts';
import { tenKilobyteMessage } from './sample-message.ts';
import { processCpuMs, processPeakRssMb } from './proc-stats.ts';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '5000' },
    sessions: { type: 'string', default: '8' },
    mode: { type: 'string', default: 'both' },
    'no-journal': { type: 'boolean', default: false },
  },
});
const messages = Number(values.messages);
const sessions = Number(values.sessions);
const modes: LoadMode[] = values.mode === 'both' ? ['reuse', 'perconn'] : [values.mode as LoadMode];

const SENDER = 'emetteur@hopital-a.mssante.fr';
const RECIPIENT = '1234567890123@patient.mssante.fr'; // 13 characters: invalid INS → bounce 5.1.3

async function startSimulator(): Promise<{ child: ChildProcess; peerPort: number; api: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mss-bench-'));
  const endpointsFile = join(dir, 'endpoints.json');
  const args = ['--import', 'tsx', 'simulator/cli/main.ts', 'start', '--submission-port', '0', '--peer-port', '0', '--http-port', '0', '--data-dir', dir, '--endpoints-file', endpointsFile];
  if (values['no-journal']) args.push('--no-journal');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const endpoints = JSON.parse(readFileSync(endpointsFile, 'utf8')) as { peer: { port: number }; controlApi: { baseUrl: string } };
      return { child, peerPort: endpoints.peer.port, api: endpoints.controlApi.baseUrl };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  throw new Error('simulator did not write its endpoints file within 30 s');
}

async function bounces(api: string): Promise<number> {
  const stats = (await (await fetch(`${api}/stats`)).json()) as { bounces: number };
  return stats.bounces;
}

async function waitForBounces(api: string, target: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let count = await bounces(api);
  while (count < target && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    count = await bounces(api);
  }
  return count;
}

const { child, peerPort, api } = await startSimulator();
const pid = child.pid!;
const payload = tenKilobyteMessage(SENDER, RECIPIENT);
console.log(`Banc SMTP : ${messages} messages de ${payload.length} octets, ${sessions} sessions, journal ${values['no-journal'] ? 'désactivé' : 'activé'}`);
try {
  for (const mode of modes) {
    const before = await bounces(api);
    const cpu0 = processCpuMs(pid);
    const t0 = performance.now();
    const load = await runLoad({ host: '127.0.0.1', port: peerPort, mode, messages, sessions, from: SENDER, to: RECIPIENT, payload });
    const got = (await waitForBounces(api, before + load.accepted, 60_000)) - before;
    const seconds = (performance.now() - t0) / 1000;
    const cpuMs = processCpuMs(pid) - cpu0;
    console.log(
      [
        `mode ${mode.padEnd(7)}`,
        `${(load.accepted / seconds).toFixed(0).padStart(6)} msg/s`,
        `${(cpuMs / load.accepted).toFixed(3)} ms CPU serveur/msg`,
        `acceptés ${load.accepted}/${messages}`,
        `avis de non-remise ${got}`,
        `refus ${load.refused}`,
        `RSS max ${processPeakRssMb(pid).toFixed(0)} Mo`,
      ].join(' · '),
    );
  }
} finally {
  child.kill('SIGTERM');
}
