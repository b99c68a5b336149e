// Durable mode (--conserver) in process: what a first trust space accepted, bounced, recorded in
// its journal and changed (a patient profile, a new mailbox) is there again in a second one
// started on the same directory, under the same ids; new ids follow; a second simulator on a
// directory in use is refused; a reset empties the directory too; the journal is compacted
// while running, and a compaction cut short by a crash leaves it whole.
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import nodemailer from 'nodemailer';
import { PersistenceError } from '../services/persistence/persistence-error.ts';
import { encodeRecordLine } from '../services/persistence/record-line.ts';
import { readRecordFile } from '../services/persistence/record-file.ts';
import { mailboxRegistryFor } from '../protocols/imap/mailbox/mailbox-registry.ts';
import { startTrustSpace } from './start-trust-space.ts';
import type { RunningTrustSpace } from './trust-space.ts';
import { freshProcessTempDir } from '../cli/process-temp-dir.ts';

const SENDER = 'emetteur@hopital-exterieur.mssante.fr';
const RECIPIENT = 'paul.martin@ch-valbrume.mssante.fr';
const OPPOSED = '152114908701235@patient.mssante.fr';
const CLOSED_INS = '238067218103339';

async function send(space: RunningTrustSpace, to: string, subject: string): Promise<string> {
  const { host, port } = space.endpoints.peer;
  const transport = nodemailer.createTransport({ host, port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({ envelope: { from: SENDER, to }, from: SENDER, to, subject, text: `Corps de ${subject}` });
    return info.response;
  } finally {
    transport.close();
  }
}

test('a second start on the same directory finds messages, bounces, transmissions, journal, profile and mailbox changes', async () => {
  const dataDir = freshProcessTempDir('mss-sim-durable-');
  const first = await startTrustSpace({ dataDir, durable: true });
  let ids: { stored: string[]; transmissions: string[]; connections: number; uidValidity?: number };
  try {
    assert.match(await send(first, RECIPIENT, 'Conservé 1'), /^250 /);
    assert.match(await send(first, OPPOSED, 'Conservé 2 (opposé)'), /^250 /);
    first.setPatientProfile(CLOSED_INS, 'active');
    first.change({ kind: 'add-mailbox', mailbox: { address: 'nouvelle.boite@pharmacien.mssante.fr', type: 'PER', owner: { kind: 'practitioner', idNat: '899900100019' }, displayName: 'Nouvelle boîte', redListed: false, password: 'test-nouvelle' } as never });
    await first.settled();
    assert.equal(first.store.list(SENDER, { kind: 'bounce' }).length, 1);
    ids = {
      stored: first.store.all().map((m) => m.id),
      transmissions: first.transmissions.all().map((t) => t.id),
      connections: first.journal.connections().length,
      uidValidity: mailboxRegistryFor(first.store, () => new Date()).uidValidity,
    };
    const file = readFileSync(join(dataDir, 'messages', `${first.store.list(RECIPIENT)[0]!.id}.eml`), 'utf8');
    assert.match(file, /^Return-Path: <emetteur@hopital-exterieur\.mssante\.fr>\r\n/);
    assert.match(file, /Subject: Conservé 1|Subject: =\?/);
  } finally {
    await first.stop();
  }

  const second = await startTrustSpace({ dataDir, durable: true });
  try {
    assert.equal(second.durable?.messages, ids.stored.length);
    assert.ok(mailboxRegistryFor(second.store, () => new Date()).uidValidity > (ids.uidValidity ?? 0), 'UIDs are numbered again: UIDVALIDITY grows (RFC 3501 §2.3.1.1)');
    assert.deepEqual(second.store.all().map((m) => m.id), ids.stored);
    assert.deepEqual(second.transmissions.all().map((t) => t.id), ids.transmissions);
    const bounce = second.store.list(SENDER, { kind: 'bounce' })[0];
    assert.ok(bounce, 'the bounce is back');
    assert.equal(bounce.reportsOn, ids.transmissions[1]);
    assert.match(bounce.raw.toString('latin1'), /Content-Type: multipart\/report/i);
    assert.equal(second.observations.list('report-issued').length, 1, 'its report-issued observation is back');
    assert.equal(second.store.list(RECIPIENT)[0]?.index.subject, 'Conservé 1');
    assert.equal(second.journal.connections().length, ids.connections, 'the SMTP transcripts are back');
    assert.equal(second.view().patient(CLOSED_INS)?.profile, 'active');
    assert.ok(second.view().mailbox('nouvelle.boite@pharmacien.mssante.fr'), 'the mailbox added through the control API is back');
    assert.match(await send(second, RECIPIENT, 'Après redémarrage'), /^250 /);
    await second.settled();
    const newest = second.store.list(RECIPIENT).at(-1);
    assert.ok(newest && !ids.stored.includes(newest.id), `a new id after the restored ones, got ${newest?.id}`);

    await assert.rejects(startTrustSpace({ dataDir, durable: true }), (error: unknown) => error instanceof PersistenceError && error.code === 'DIR_LOCKED' && error.message.includes(`pid ${process.pid}`));

    second.reset();
    await second.settled();
    await fetch(`${second.endpoints.http.baseUrl}/api/settled`, { method: 'POST' });
  } finally {
    await second.stop();
  }
  assert.deepEqual(readdirSync(join(dataDir, 'messages')), [], 'reset removed the message files');
  assert.equal(existsSync(join(dataDir, 'simulateur.lock')), false, 'stop released the lock');
  const third = await startTrustSpace({ dataDir, durable: true });
  try {
    assert.equal(third.store.count(), 0, 'after a reset, nothing comes back');
    assert.equal(third.view().patient(CLOSED_INS)?.profile, 'closed');
  } finally {
    await third.stop();
  }
});

test('an unwritable data directory is a PersistenceError naming it', async () => {
  const file = join(freshProcessTempDir('mss-sim-durable-'), 'fichier');
  await import('node:fs/promises').then((fs) => fs.writeFile(file, 'pas un dossier'));
  await assert.rejects(startTrustSpace({ dataDir: file, durable: true }), (error: unknown) => error instanceof PersistenceError && error.message.includes(file));
});

test('the retention limit applies on disk: evicted files removed, only the kept messages come back, still counted; a torn last record is cut and reported', async () => {
  const dataDir = freshProcessTempDir('mss-sim-durable-');
  const first = await startTrustSpace({ dataDir, durable: true, maxMessages: 2 });
  try {
    for (let i = 1; i <= 4; i += 1) assert.match(await send(first, RECIPIENT, `Limite ${i}`), /^250 /);
    await first.settled();
    await fetch(`${first.endpoints.http.baseUrl}/api/settled`, { method: 'POST' });
  } finally {
    await first.stop();
  }
  assert.deepEqual(readdirSync(join(dataDir, 'messages')).sort(), ['m-000003.eml', 'm-000004.eml', 't-000003.eml', 't-000004.eml']);
  const journal = join(dataDir, 'journal.ndjson');
  const whole = readFileSync(journal).length;
  appendFileSync(journal, '{"v":1,"crc":"0123abcd","r":{"t":"stored","m":{"id":"m-0000');
  rmSync(join(dataDir, 'messages', 'm-000004.eml'));
  const second = await startTrustSpace({ dataDir, durable: true, maxMessages: 2 });
  try {
    assert.deepEqual(second.store.all().map((m) => m.index.subject), ['Limite 3', 'Limite 4']);
    assert.deepEqual(second.transmissions.all().map((t) => t.id), ['t-000003', 't-000004']);
    assert.equal(second.store.evictedCount, 2);
    assert.equal(second.durable?.tornTail?.path, journal);
    const content = readFileSync(journal, 'utf8');
    assert.ok(!content.includes('0123abcd') && content.length > whole, 'the torn record was cut, then the start record appended');
    assert.ok(existsSync(join(dataDir, 'messages', 'm-000004.eml')), 'a missing readable copy is written again');
    const transmission = second.transmissions.get('t-000004')!;
    const copy = second.store.get('m-000004')!;
    assert.equal(transmission.raw.buffer, copy.raw.buffer, 'the bytes as received are a view into the copy, held once');
  } finally {
    await second.stop();
  }
});

test("Mon espace santé's conversations and refusals come back after a restart", async () => {
  const dataDir = freshProcessTempDir('mss-sim-durable-');
  const ins = '284034912304586';
  const first = await startTrustSpace({ dataDir, durable: true });
  let before: { conversations: unknown; refusals: unknown };
  try {
    assert.match(await send(first, `${ins}@patient.mssante.fr`, 'Vos résultats'), /^250 /);
    // The postmaster of the patient domain keeps its copy and is no patient, before or after (REG-SMTP-05).
    assert.match(await send(first, 'postmaster@patient.mssante.fr', 'Au postmaster'), /^250 /);
    await first.settled();
    const copy = first.store.list(`${ins}@patient.mssante.fr`)[0];
    assert.ok(copy, 'the message reached the patient');
    const reply = await first.mes.reply({ ins, messageId: copy.id, text: 'Merci docteur' });
    assert.equal(reply.accepted, true, JSON.stringify(reply));
    const refused = await first.mes.write({ ins, to: 'inconnu@ailleurs.test', subject: 'Question', text: 'Bonjour' });
    assert.equal(refused.accepted, false);
    await first.settled();
    before = { conversations: first.mes.conversations(), refusals: JSON.parse(JSON.stringify(first.mes.refusals())) };
    assert.equal((first.mes.conversations()[0]?.entries ?? []).length, 2, 'the message and the reply');
  } finally {
    await first.stop();
  }
  const second = await startTrustSpace({ dataDir, durable: true });
  try {
    assert.deepEqual(second.mes.conversations(), before.conversations);
    assert.equal(second.store.list('postmaster@patient.mssante.fr').length, 1);
    assert.deepEqual(JSON.parse(JSON.stringify(second.mes.refusals())), before.refusals);
  } finally {
    await second.stop();
  }
});

test('a recorded change the current fixtures refuse is skipped and told, the start goes on', async () => {
  const dataDir = freshProcessTempDir('mss-sim-durable-');
  const at = '2026-12-03T10:00:00.000Z';
  writeFileSync(join(dataDir, 'journal.ndjson'), encodeRecordLine({ t: 'profile', at, ins: '299999999999999', state: 'active' }) + encodeRecordLine({ t: 'profile', at, ins: CLOSED_INS, state: 'active' }));
  const space = await startTrustSpace({ dataDir, durable: true });
  try {
    assert.equal(space.durable?.skipped.length, 1);
    assert.match(space.durable?.skipped[0] ?? '', /^profil du patient 299999999999999 \(active\) du 2026-12-03T10:00:00.000Z non réappliqué : /);
    assert.equal(space.view().patient(CLOSED_INS)?.profile, 'active', 'the next change is applied');
  } finally {
    await space.stop();
  }
});

test('while running, the journal is compacted once evicted messages are most of it; the next start finds the kept messages and their bounces, the evicted ones still counted', async () => {
  const dataDir = freshProcessTempDir('mss-sim-durable-');
  const journal = join(dataDir, 'journal.ndjson');
  const first = await startTrustSpace({ dataDir, durable: true, maxMessages: 2, durableCompactionBytes: 8 * 1024 });
  let largest = 0;
  try {
    for (let i = 1; i <= 24; i += 1) {
      assert.match(await send(first, i % 3 === 0 ? OPPOSED : RECIPIENT, `Compactage ${i}`), /^250 /);
      largest = Math.max(largest, readFileSync(journal).length);
    }
    await first.settled();
    await fetch(`${first.endpoints.http.baseUrl}/api/settled`, { method: 'POST' });
  } finally {
    await first.stop();
  }
  const records = readRecordFile(readFileSync(journal), journal).records as { t: string; m?: { id: string }; messages?: number }[];
  console.log(`journal: at most ${largest} bytes, ${readFileSync(journal).length} at the end`);
  assert.equal(records[0]?.t, 'evicted', 'compacted while running: the count of the evicted copies comes first');
  assert.ok(!records.some((r) => r.m?.id === 'm-000001'), 'the first copy is gone from the journal');
  assert.ok(largest < 60_000, `the journal stayed under ${largest} bytes`);
  const second = await startTrustSpace({ dataDir, durable: true, maxMessages: 2 });
  try {
    assert.equal(second.durable?.compacted, undefined, 'nothing left for the start to compact');
    const kept = second.store.all().map((m) => `${m.kind} ${m.index.subject}`);
    assert.equal(kept.length, 2);
    assert.deepEqual(second.transmissions.all().map((t) => t.id), first.transmissions.all().map((t) => t.id));
    assert.equal(second.store.evictedCount, first.store.evictedCount);
    assert.deepEqual(kept, first.store.all().map((m) => `${m.kind} ${m.index.subject}`));
  } finally {
    await second.stop();
  }
});

test('a compaction cut short by a crash leaves the journal whole: its new file, beside it, is removed at start', async () => {
  const dataDir = freshProcessTempDir('mss-sim-durable-');
  const first = await startTrustSpace({ dataDir, durable: true });
  try {
    assert.match(await send(first, RECIPIENT, 'Avant la panne'), /^250 /);
  } finally {
    await first.stop();
  }
  writeFileSync(join(dataDir, 'journal.ndjson.compactage'), '{"v":1,"crc":"00000000","r":{"t":"evicted","messages":5}}\n{"v":1');
  const second = await startTrustSpace({ dataDir, durable: true });
  try {
    assert.deepEqual(second.store.all().map((m) => m.index.subject), ['Avant la panne']);
    assert.equal(existsSync(join(dataDir, 'journal.ndjson.compactage')), false);
  } finally {
    await second.stop();
  }
});
