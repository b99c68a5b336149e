// The group-commit writer: concurrent commits share groups (fewer fsyncs than commits), every
// line and file queued before a commit is on disk when it resolves, a clear erases what came
// before and keeps what comes after, an evicted file is removed.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { GroupCommitLog } from './group-commit-log.ts';
import { readRecordFile } from './record-file.ts';
import { encodeRecordLine } from './record-line.ts';
import { freshProcessTempDir } from '../../cli/process-temp-dir.ts';

function fresh(): { log: GroupCommitLog; journal: string; messages: string } {
  const dir = freshProcessTempDir('mss-group-commit-');
  const messages = join(dir, 'messages');
  mkdirSync(messages);
  const journal = join(dir, 'journal.ndjson');
  return { log: new GroupCommitLog(journal, messages), journal, messages };
}

test('100 concurrent commits: all lines and files on disk, in fewer groups than commits', async () => {
  const { log, journal, messages } = fresh();
  const commits: Promise<void>[] = [];
  for (let i = 0; i < 100; i += 1) {
    log.writeFile(`m-${i}.eml`, () => Buffer.from(`Subject: ${i}\r\n\r\ncorps\r\n`));
    log.append(encodeRecordLine({ t: 'stored', i }));
    commits.push(log.commit());
  }
  await Promise.all(commits);
  const records = readRecordFile(readFileSync(journal), journal).records;
  assert.deepEqual(records, Array.from({ length: 100 }, (_, i) => ({ t: 'stored', i })));
  assert.equal(readdirSync(messages).length, 100);
  assert.equal(readFileSync(join(messages, 'm-42.eml'), 'utf8'), 'Subject: 42\r\n\r\ncorps\r\n');
  assert.ok(log.groups < 100 && log.groups >= 1, `${log.groups} groups for 100 commits`);
  await log.close();
});

test('a file is made when its group is written, not when it is queued', async () => {
  const { log, messages } = fresh();
  let made = 0;
  log.writeFile('m-1.eml', () => {
    made += 1;
    return Buffer.from('x');
  });
  assert.equal(made, 0);
  await log.commit();
  assert.equal(made, 1);
  assert.ok(existsSync(join(messages, 'm-1.eml')));
  await log.close();
});

test('clear erases the journal and files queued before it, keeps what follows; removeFile deletes', async () => {
  const { log, journal, messages } = fresh();
  log.writeFile('m-1.eml', () => Buffer.from('avant'));
  log.append(encodeRecordLine({ t: 'avant' }));
  await log.commit();
  log.clear();
  log.writeFile('m-2.eml', () => Buffer.from('après'));
  log.writeFile('m-3.eml', () => Buffer.from('effacé'));
  log.append(encodeRecordLine({ t: 'après' }));
  log.removeFile('m-3.eml');
  await log.commit();
  assert.deepEqual(readRecordFile(readFileSync(journal), journal).records, [{ t: 'après' }]);
  assert.deepEqual(readdirSync(messages), ['m-2.eml']);
  await log.close();
});

test('a failed write rejects the commits of its group', async () => {
  const { log } = fresh();
  log.writeFile('sous-dossier-absent/m-1.eml', () => Buffer.from('x'));
  await assert.rejects(log.commit(), /ENOENT/);
  await log.close();
});
