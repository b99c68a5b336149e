// The journal compacted while running (live-compaction.ts with the group-commit log): with a
// retention limit, the file stays bounded however many messages pass; what it holds after each
// compaction is what the compaction at start (compaction.ts) keeps of the same records — the
// trust-space state, the count of evicted copies, everything from the oldest kept message on —
// and writing goes on after it. Small thresholds: the rule is the same as at 64 MiB.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { freshProcessTempDir } from '../../cli/process-temp-dir.ts';
import { compactRecords, survivingIds } from './compaction.ts';
import type { DurableRecord } from './durable-record.ts';
import { GroupCommitLog } from './group-commit-log.ts';
import { LiveCompaction, type LineTag } from './live-compaction.ts';
import { readRecordFile } from './record-file.ts';
import { encodeRecordLine } from './record-line.ts';

const LIMIT = 3;
const RAW = 'x'.repeat(2000);

/** A log whose retention limit keeps the last LIMIT copies and transmissions, as the writer wires it. */
function wired(minimumBytes: number) {
  const dir = freshProcessTempDir('mss-live-compaction-');
  mkdirSync(join(dir, 'messages'));
  const journal = join(dir, 'journal.ndjson');
  const log = new GroupCommitLog(journal, join(dir, 'messages'));
  const compaction = new LiveCompaction(minimumBytes);
  let compactions = 0;
  log.observe({
    written: (tag, offset, line) => compaction.written(tag, offset, line),
    grouped: () => {
      const plan = compaction.plan(log.size);
      if (plan) log.compact(plan);
    },
    cleared: () => compaction.cleared(),
    compacted: (done, error) => {
      assert.equal(error, undefined);
      compaction.finished(done);
      if (done) compactions += 1;
    },
  });
  const kept: { stored: string[]; accepted: string[] } = { stored: [], accepted: [] };
  const write = (record: DurableRecord, tag?: LineTag) => log.append(encodeRecordLine(record), tag);
  const message = (n: number) => {
    write({ t: 'observation', at: '2026-12-04T22:00:00.000Z', o: { type: 'protocol-line', text: `MAIL ${n}` } });
    write({ t: 'accepted', tr: { id: `t-${n}` } as never, raw: RAW }, { kind: 'accepted', id: `t-${n}` });
    write({ t: 'stored', m: { id: `m-${n}` } as never, raw: RAW }, { kind: 'stored', id: `m-${n}` });
    for (const [kind, id] of [['accepted', `t-${n}`], ['stored', `m-${n}`]] as const) {
      kept[kind].push(id);
      if (kept[kind].length > LIMIT) compaction.evicted(kept[kind].shift()!);
    }
  };
  const records = () => readRecordFile(readFileSync(journal), journal).records as DurableRecord[];
  return { log, journal, write, message, records, compactions: () => compactions };
}

test('with a retention limit the journal stays bounded while running, and holds what the compaction at start would keep', async () => {
  const { log, journal, write, message, records, compactions } = wired(20_000);
  write({ t: 'start', at: '2026-12-04T22:00:00.000Z', uidValidity: 7 }, { kind: 'state' });
  write({ t: 'profile', at: '2026-12-04T22:00:00.000Z', ins: '152114908701235', state: 'opposed' }, { kind: 'state' });
  let largest = 0;
  for (let n = 1; n <= 200; n += 1) {
    message(n);
    if (n === 50) write({ t: 'change', at: '2026-12-04T22:00:01.000Z', change: { kind: 'mailbox-removed', address: 'x@y.fr' } }, { kind: 'state' });
    await log.commit();
    largest = Math.max(largest, statSync(journal).size);
  }
  await log.commit();
  assert.ok(compactions() >= 3, `${compactions()} compactions`);
  assert.ok(largest < 80_000, `journal at most ${largest} bytes (200 messages of 4 KB written: 800 KB)`);
  const now = records();
  // The state first (the count of the evicted copies, the start, the profile, the change), then the last messages.
  assert.deepEqual(now.slice(0, 4).map((r) => r.t), ['evicted', 'start', 'profile', 'change']);
  const copies = now.filter((r) => r.t === 'stored').map((r) => (r as { m: { id: string } }).m.id);
  const evicted = (now[0] as { messages: number }).messages + copies.length - LIMIT;
  assert.equal(evicted, 200 - LIMIT, 'every evicted copy still counted at the next start');
  assert.deepEqual([...survivingIds(now, LIMIT)].sort(), ['m-198', 'm-199', 'm-200', 't-198', 't-199', 't-200']);
  // Nothing more for the start to drop than it would have anyway: the same survivors, the same state.
  const atStart = compactRecords(now, LIMIT, 1) ?? now;
  assert.deepEqual(atStart.filter((r) => r.t !== 'observation' && r.t !== 'evicted' && r.t !== 'stored' && r.t !== 'accepted'), now.filter((r) => r.t === 'start' || r.t === 'profile' || r.t === 'change'));
  // Writing goes on after a compaction, in the new file.
  write({ t: 'start', at: '2026-12-04T23:00:00.000Z', uidValidity: 8 }, { kind: 'state' });
  await log.commit();
  assert.equal(records().at(-1)?.t, 'start');
  await log.close();
});

test('below the threshold, or while kept messages are most of the file, nothing is rewritten', async () => {
  const { log, message, compactions } = wired(1_000_000);
  for (let n = 1; n <= 100; n += 1) message(n);
  await log.commit();
  assert.equal(compactions(), 0, 'less than the threshold to drop');
  const plan = new LiveCompaction(1);
  plan.written({ kind: 'stored', id: 'm-1' }, 0, '');
  plan.written({ kind: 'stored', id: 'm-2' }, 100, '');
  plan.evicted('m-1');
  assert.equal(plan.plan(1000), undefined, '100 bytes to drop before 900 kept');
  assert.deepEqual(plan.plan(150), { cut: 100, head: encodeRecordLine({ t: 'evicted', messages: 1 }) });
  assert.equal(plan.plan(150), undefined, 'one at a time');
  await log.close();
});

test('a reset during a planned compaction: the plan is given up, the journal holds what follows the reset', async () => {
  const { log, write, message, records } = wired(1);
  for (let n = 1; n <= 10; n += 1) message(n);
  log.clear();
  write({ t: 'start', at: '2026-12-04T22:00:00.000Z', uidValidity: 9 }, { kind: 'state' });
  message(11);
  await log.commit();
  assert.deepEqual(records().map((r) => r.t), ['start', 'observation', 'accepted', 'stored']);
  await log.close();
});
