// `npm run bench`: the SMTP comparison bench. In one run, the same generator (Postfix
// smtp-source when installed, else smtp-load.ts) sends N 10 KB MIME messages on loopback to:
// Postfix smtp-sink (the reference; skipped with a French notice when Postfix is absent), a bare
// smtp-server with the simulator's options (the ceiling of this design), and the simulator's
// peer endpoint, to a recipient that bounces (stored + avis de non-remise) and to one that is
// delivered. Each server runs in its own process; prints msg/s, server CPU ms per message and
// peak RSS, then the ratios simulator / smtp-sink and simulator / smtp-server per repeat.
// With --conserver (or the targets avis-durable, remise-durable), the simulator is measured in
// durable mode too, in the same series, and the cost of durability is printed as a ratio.
// Usage: npm run bench -- [--messages N] [--sessions S] [--mode reuse|perconn|both] [--repeats R]
//   [--targets sink,bare,avis,remise,avis-durable,remise-durable] [--conserver]
//   [--generator auto|smtp-source|node] [--no-journal]
//   [--cpu-prof DIR] (profiles of the simulator processes, written when they stop)
//   [--avant DIR] (also the simulator of another checkout, e.g. an earlier commit extracted with
//   `git archive`, as targets avant-avis and avant-remise in the same series: before/after, same load)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stopAll, stopChildrenOnExit } from './child-processes.ts';
import { BENCH_SENDER, startBareTarget, startSimulatorTarget, startSinkTarget, type BenchTarget } from './bench-targets.ts';
import { printSummary, type Measure } from './bench-summary.ts';
import { findTool, runSmtpSource } from './postfix-tools.ts';
import { processCpuMs, processPeakRssMb } from './proc-stats.ts';
import { runLoad, type LoadMode } from './smtp-load.ts';
import { tenKilobyteMessage } from './sample-message.ts';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '5000' },
    sessions: { type: 'string', default: '8' },
    mode: { type: 'string', default: 'both' },
    repeats: { type: 'string', default: '3' },
    targets: { type: 'string', default: 'sink,bare,avis,remise' },
    generator: { type: 'string', default: 'auto' },
    'no-journal': { type: 'boolean', default: false },
    conserver: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    avant: { type: 'string' },
  },
});
const messages = Number(values.messages);
const sessions = Number(values.sessions);
const repeats = Number(values.repeats);
const modes: LoadMode[] = values.mode === 'both' ? ['reuse', 'perconn'] : [values.mode as LoadMode];
const wanted = new Set([...values.targets.split(','), ...(values.conserver ? ['avis-durable', 'remise-durable'] : [])]);
const WARM_UP_MESSAGES = 300;
const RUN_TIMEOUT_MS = 180_000;

stopChildrenOnExit();
const sinkPath = findTool('smtp-sink');
const sourceFound = findTool('smtp-source');
const sourcePath = values.generator === 'node' ? undefined : sourceFound;
if (values.generator === 'smtp-source' && !sourceFound) throw new Error('smtp-source introuvable : installez Postfix (apt-get install postfix)');
if (!sinkPath) console.log('smtp-sink introuvable (Postfix absent) : la référence smtp-sink est sautée.');
if (!sourceFound && values.generator !== 'node') console.log('smtp-source introuvable (Postfix absent) : le générateur est bench/smtp-load.ts.');
if (!sinkPath || !sourceFound) console.log('Pour la comparaison complète : apt-get install postfix (smtp-sink et smtp-source sont dans /usr/sbin).');

const payload = tenKilobyteMessage(BENCH_SENDER, 'destinataire@exemple.test');
const messageFile = join(mkdtempSync(join(tmpdir(), 'mss-bench-msg-')), 'message-10k.eml');
writeFileSync(messageFile, payload.toString('latin1').replaceAll('\r\n', '\n'), 'latin1');

async function send(target: BenchTarget, mode: LoadMode, count: number): Promise<number> {
  if (sourcePath) {
    await runSmtpSource({ path: sourcePath, port: target.port, mode, messages: count, sessions, from: BENCH_SENDER, to: target.recipient, messageFile, timeoutMs: RUN_TIMEOUT_MS });
    return count;
  }
  const load = await runLoad({ host: '127.0.0.1', port: target.port, mode, messages: count, sessions, from: BENCH_SENDER, to: target.recipient, payload });
  return load.accepted;
}

/** Sends `count` messages and waits (bounded) until the target has processed all it accepted. */
async function measure(target: BenchTarget, mode: LoadMode, count: number, repeat: number): Promise<Measure> {
  const pid = target.child.pid!;
  const before = (await target.processed()) ?? 0;
  const cpu0 = processCpuMs(pid);
  const t0 = performance.now();
  const accepted = await send(target, mode, count);
  let processed = accepted;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const now = await target.processed();
    if (now === undefined) break;
    processed = now - before;
    if (processed >= accepted || Date.now() > deadline) break;
    await new Promise((resolveWait) => setTimeout(resolveWait, 10));
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpuMs = processCpuMs(pid) - cpu0;
  return { target: target.name, label: target.label, mode, repeat, accepted, processed, msgPerSecond: accepted / seconds, cpuMsPerMessage: cpuMs / accepted, peakRssMb: processPeakRssMb(pid) };
}

async function startTargets(): Promise<BenchTarget[]> {
  const journal = !values['no-journal'];
  const cpuProfDir = values['cpu-prof'] ? resolve(values['cpu-prof']) : undefined;
  const simulator = { journal, ...(cpuProfDir ? { cpuProfDir } : {}) };
  const targets: BenchTarget[] = [];
  if (wanted.has('sink') && sinkPath) targets.push(await startSinkTarget(sinkPath));
  if (wanted.has('bare')) targets.push(await startBareTarget());
  if (wanted.has('avis')) targets.push(await startSimulatorTarget({ ...simulator, bounces: true }));
  if (wanted.has('remise')) targets.push(await startSimulatorTarget({ ...simulator, bounces: false }));
  const checkout = values.avant ? resolve(values.avant) : undefined;
  if (checkout && wanted.has('avis')) targets.push(await startSimulatorTarget({ ...simulator, bounces: true, checkout }));
  if (checkout && wanted.has('remise')) targets.push(await startSimulatorTarget({ ...simulator, bounces: false, checkout }));
  if (wanted.has('avis-durable')) targets.push(await startSimulatorTarget({ ...simulator, bounces: true, durable: true }));
  if (wanted.has('remise-durable')) targets.push(await startSimulatorTarget({ ...simulator, bounces: false, durable: true }));
  return targets;
}

try {
  const targets = await startTargets();
  console.log(
    `Banc SMTP : ${messages} messages de ${payload.length} octets, ${sessions} sessions, ${repeats} série(s), générateur ${sourcePath ? 'smtp-source (Postfix)' : 'bench/smtp-load.ts'}, journal ${values['no-journal'] ? 'désactivé' : 'activé'}`,
  );
  for (const target of targets) await send(target, 'reuse', WARM_UP_MESSAGES); // JIT, first allocations
  const results: Measure[] = [];
  // Targets interleaved in every series: a burst of load from other processes hits them all alike.
  for (let repeat = 1; repeat <= repeats; repeat += 1) {
    for (const mode of modes) {
      for (const target of targets) {
        const result = await measure(target, mode, messages, repeat);
        results.push(result);
        console.log(
          `série ${repeat} · ${mode.padEnd(7)} · ${target.name.padEnd(17)} · ${result.msgPerSecond.toFixed(0).padStart(6)} msg/s · ${result.cpuMsPerMessage.toFixed(3)} ms CPU/msg · RSS max ${result.peakRssMb.toFixed(0)} Mo` +
            (result.processed < result.accepted ? ` · INCOMPLET : ${result.processed}/${result.accepted} traités` : ''),
        );
      }
    }
  }
  printSummary(results, modes);
} finally {
  await stopAll();
}
