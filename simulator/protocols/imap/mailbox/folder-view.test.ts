import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredMessage } from '../../../services/store/stored-message.ts';
import { parseSequenceSet } from '../protocol/sequence-set.ts';
import { FolderState } from './folder-state.ts';
import { FolderView } from './folder-view.ts';

let counter = 0;
function message(): StoredMessage {
  counter += 1;
  const raw = Buffer.from(`Subject: ${counter}\r\n\r\nx`);
  return { id: `m-${counter}`, mailbox: 'a@x.fr', folder: 'INBOX', kind: 'message', envelope: { mailFrom: '', rcptTo: [] }, raw, index: { references: [], from: [], to: [], cc: [], replyTo: [], xMss: {}, headerBytes: 0 }, receivedAt: new Date(0), ingress: 'peer' };
}

function folderWith(count: number): FolderState {
  const folder = new FolderState('a@x.fr', 'INBOX', 1700000000);
  for (let i = 0; i < count; i += 1) folder.add(message());
  return folder;
}

test('sequence sets and UID sets select in ascending order, each message once', () => {
  const folder = folderWith(5);
  folder.expunge([folder.entries[1]!]);
  const view = new FolderView(folder, true);
  assert.deepEqual(view.select(parseSequenceSet('4,1:2,2'), false).map((m) => [m.seq, m.entry.uid]), [[1, 1], [2, 3], [4, 5]]);
  assert.deepEqual(view.select(parseSequenceSet('2:4'), true).map((m) => [m.seq, m.entry.uid]), [[2, 3], [3, 4]]);
  assert.deepEqual(view.select(parseSequenceSet('9:*'), true).map((m) => m.entry.uid), [5]); // RFC 3501 §6.4.8: n:* includes the last UID
  assert.deepEqual(view.select(parseSequenceSet('7'), false), []);
});

test('sync: EXPUNGE from the highest number down, then EXISTS and RECENT, then other sessions’ flags', () => {
  const folder = folderWith(4);
  const view = new FolderView(folder, false);
  const other = new FolderView(folder, false);
  folder.expunge([folder.entries[1]!, folder.entries[3]!]);
  folder.add(message());
  other.noteOwnChange(folder.changeFlags(folder.entries[0]!, 'add', ['\\Seen']));
  assert.deepEqual(view.sync(false), ['* 5 EXISTS', '* 5 RECENT', '* 1 FETCH (UID 1 FLAGS (\\Seen \\Recent))']);
  assert.deepEqual(view.sync(true), ['* 4 EXPUNGE', '* 2 EXPUNGE']);
  assert.deepEqual(view.select(parseSequenceSet('1:*'), false).map((m) => m.entry.uid), [1, 3, 5]);
  assert.deepEqual(other.sync(true), ['* 4 EXPUNGE', '* 2 EXPUNGE', '* 3 EXISTS', '* 0 RECENT']);
  assert.deepEqual(view.sync(true), []);
});

test('\\Recent: claimed by the first read-write view only; EXAMINE never claims', () => {
  const folder = folderWith(2);
  const examine = new FolderView(folder, true);
  assert.equal(examine.recentCount, 0);
  assert.equal(folder.status().recent, 2);
  const first = new FolderView(folder, false);
  const second = new FolderView(folder, false);
  assert.deepEqual([first.recentCount, second.recentCount, folder.status().recent], [2, 0, 0]);
  folder.add(message());
  second.sync(true);
  first.sync(true);
  assert.deepEqual([first.recentCount, second.recentCount], [2, 1]);
});

test('flag changes count only when something changed', () => {
  const folder = folderWith(1);
  const entry = folder.entries[0]!;
  assert.equal(folder.changeFlags(entry, 'add', ['\\Flagged']), 1);
  assert.equal(folder.changeFlags(entry, 'add', ['\\Flagged']), 0);
  assert.equal(folder.changeFlags(entry, 'set', ['\\Seen']), 2);
  assert.deepEqual([...entry.flags], ['\\Seen']);
  assert.deepEqual(folder.status(), { messages: 1, recent: 1, unseen: 0, uidNext: 2, uidValidity: 1700000000 });
});
