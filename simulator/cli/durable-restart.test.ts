// Durable mode end to end, with real processes: `start --conserver` as a child process, messages
// sent concurrently over SMTP (some to an opposed and a closed patient, which bounce), the process
// killed with SIGKILL while sending goes on, then started again on the same directory. Every
// message acknowledged with 250 is there, once, with its bounce; the stale lock of the killed
// process is taken over; the banner says how many messages were restored; a third simulator on
// the directory in use is refused (exit 78).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { nodeEntryArgs } from './node-entry.ts';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { encodeRecordLine } from '../services/persistence/record-line.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LIMIT_MS = 60_000;
const SENDER = 'emetteur@hopital-exterieur.mssante.fr';
const RECIPIENTS = ['paul.martin@ch-valbrume.mssante.fr', '152114908701235@patient.mssante.fr', '238067218103339@patient.mssante.fr'];
const BOUNCED = new Set(RECIPIENTS.slice(1));
const WORKERS = 6;
/** Acknowledged messages before the kill; each worker keeps sending until the process is gone. */
const KILL_AFTER = 30;
const PER_WORKER_MAX = 200;

const work = mkdtempSync(join(tmpdir(), 'mss-durable-kill-'));
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly peer: { host: string; port: number };
  readonly api: string;
}

const PORTS = ['--submission-port', '0', '--peer-port', '0', '--imap-port', '0', '--imaps-port', '0', '--http-port', '0'];

function spawnSimulator(dataDir: string, endpointsFile: string): ChildProcess {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_TEST_CONTEXT' && key !== 'NODE_OPTIONS'));
  const child = spawn(process.execPath, [...nodeEntryArgs('simulator/cli/main.ts'), 'start', ...PORTS, '--conserver', '--data-dir', dataDir, '--endpoints-file', endpointsFile], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

async function startSimulator(name: string): Promise<Started> {
  const endpointsFile = join(work, `${name}.json`);
  const child = spawnSimulator(join(work, 'data'), endpointsFile);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const deadline = Date.now() + LIMIT_MS;
  while (!out.includes('Conservation (--conserver)') && child.exitCode === null && Date.now() < deadline) await Promise.race([once(child.stdout!, 'data'), once(child, 'exit')]);
  assert.ok(out.includes('Conservation (--conserver)') && existsSync(endpointsFile), `simulator ${name} did not start:\n${out}`);
  const endpoints = JSON.parse(readFileSync(endpointsFile, 'utf8')) as { peer: { host: string; port: number }; controlApi: { baseUrl: string } };
  return { child, output: () => out, peer: endpoints.peer, api: endpoints.controlApi.baseUrl };
}

interface Acknowledged {
  readonly subject: string;
  readonly to: string;
  readonly transmissionId: string;
}

/** Sends until `stop()` says so or the server is gone; records every message acknowledged with 250. */
async function worker(peer: { host: string; port: number }, index: number, acknowledged: Acknowledged[], stop: () => boolean): Promise<void> {
  const transport = nodemailer.createTransport({ host: peer.host, port: peer.port, secure: false, ignoreTLS: true, connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 5000 });
  try {
    for (let i = 0; i < PER_WORKER_MAX && !stop(); i += 1) {
      const to = RECIPIENTS[(index + i) % RECIPIENTS.length]!;
      const subject = `Durable ${index}-${i}`;
      let response: string;
      try {
        ({ response } = await transport.sendMail({ envelope: { from: SENDER, to }, from: SENDER, to, subject, text: `Message ${subject}` }));
      } catch {
        return; // killed: what was not acknowledged may be lost
      }
      const id = /identifiant (t-\d+)/.exec(response)?.[1];
      if (response.startsWith('250 ') && id) acknowledged.push({ subject, to, transmissionId: id });
    }
  } finally {
    transport.close();
  }
}

test('kill -9 under load, restart on the same directory: every message acknowledged with 250 is there once, with its bounce', { skip: process.platform !== 'linux', timeout: 4 * LIMIT_MS }, async () => {
  const first = await startSimulator('premier');
  const acknowledged: Acknowledged[] = [];
  let killed = false;
  const exited = once(first.child, 'exit');
  const workers = Array.from({ length: WORKERS }, (_, i) =>
    worker(first.peer, i, acknowledged, () => {
      if (!killed && acknowledged.length >= KILL_AFTER) {
        killed = true;
        first.child.kill('SIGKILL');
      }
      return false;
    }),
  );
  await Promise.all(workers);
  assert.ok(killed, `the process was killed under load (${acknowledged.length} acknowledged)`);
  await exited;
  assert.equal(first.child.signalCode, 'SIGKILL');
  assert.ok(existsSync(join(work, 'data', 'simulateur.lock')), 'the killed process left its lock');

  const second = await startSimulator('second');
  const transmissions = (await (await fetch(`${second.api}/transmissions`)).json()) as { id: string; subject: string | null; outcomes: { recipient: string; outcome: string }[] }[];
  const bounces = (await (await fetch(`${second.api}/mailboxes/${encodeURIComponent(SENDER)}/messages`)).json()) as { kind: string; reportsOn: string | null }[];
  const bySubject = new Map<string, number>();
  for (const t of transmissions) bySubject.set(t.subject ?? '', (bySubject.get(t.subject ?? '') ?? 0) + 1);
  for (const [subject, count] of bySubject) assert.equal(count, 1, `« ${subject} » restored ${count} times`);
  for (const ack of acknowledged) {
    const found = transmissions.find((t) => t.id === ack.transmissionId);
    assert.equal(found?.subject, ack.subject, `${ack.transmissionId} (« ${ack.subject} », acknowledged with 250) is restored`);
    const reports = bounces.filter((b) => b.kind === 'bounce' && b.reportsOn === ack.transmissionId);
    assert.equal(reports.length, BOUNCED.has(ack.to) ? 1 : 0, `${ack.transmissionId} to ${ack.to}: its bounce is restored, once`);
    if (!BOUNCED.has(ack.to)) {
      const inbox = (await (await fetch(`${second.api}/mailboxes/${encodeURIComponent(ack.to)}/messages`)).json()) as { subject: string | null }[];
      assert.equal(inbox.filter((m) => m.subject === ack.subject).length, 1, `« ${ack.subject} » is in ${ack.to} once`);
    }
  }
  const restored = /Conservation \(--conserver\) : (\d+) message\(s\) restauré\(s\) depuis/.exec(second.output());
  assert.ok(restored && Number(restored[1]) >= acknowledged.length, second.output());
  const third = spawnSimulator(join(work, 'data'), join(work, 'troisieme.json'));
  let refusal = '';
  third.stderr?.on('data', (chunk: Buffer) => (refusal += chunk.toString()));
  const [code] = (await once(third, 'exit')) as [number | null];
  assert.equal(code, 78, refusal);
  assert.match(refusal, new RegExp(`déjà utilisé par un autre simulateur \\(pid ${second.child.pid}`));
  second.child.kill('SIGTERM');
  await once(second.child, 'exit');
  assert.equal(existsSync(join(work, 'data', 'simulateur.lock')), false, 'a clean stop releases the lock');
});

test('a damaged journal (a bad line followed by valid ones) stops the start with exit 78 and a French message naming it', { timeout: LIMIT_MS }, async () => {
  const dataDir = join(work, 'abime');
  mkdirSync(dataDir, { recursive: true });
  const valid = encodeRecordLine({ t: 'start', at: '2026-12-03T10:00:00.000Z', uidValidity: 1 });
  writeFileSync(join(dataDir, 'journal.ndjson'), `{"v":1,"crc":"00000000","r":{"t":"abime"}}\n${valid}`);
  const child = spawnSimulator(dataDir, join(work, 'abime.json'));
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 78, err);
  assert.match(err, new RegExp(`${join(dataDir, 'journal.ndjson').replaceAll('/', '\\/')}, ligne 1 : enregistrement endommagé`));
  assert.match(err, /Restaurez une copie du dossier/);
});
