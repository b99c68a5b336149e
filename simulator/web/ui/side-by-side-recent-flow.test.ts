// The side by side page's list of recent flow lines (src/side-by-side/recent-flow.ts), run under
// Node: live entries go on top, bounded; a read of GET /api/flow replaces the lines (what the
// page missed during a cut comes back) without losing the live entries that came during it, and
// an answer possibly made before a reset is not shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecentFlow } from './src/side-by-side/recent-flow.ts';
import type { FlowEntry } from './src/types.ts';

const entry = (id: string): FlowEntry => ({ id, at: '2026-12-04T10:00:00.000Z', kind: 'delivered', from: 'a@x.fr', to: ['b@x.fr'], subject: `message ${id}` });
const ids = (flow: RecentFlow) => flow.lines.map((line) => line.id);

test('live entries go on top, the oldest leave past the bound, an entry already shown is not doubled', () => {
  const flow = new RecentFlow(3);
  for (const id of ['1', '2', '3', '4']) flow.add(entry(id));
  assert.deepEqual(ids(flow), ['4', '3', '2']);
  flow.add(entry('3'));
  assert.deepEqual(ids(flow), ['3', '4', '2']);
  flow.clear();
  assert.deepEqual(ids(flow), []);
});

test('a read replaces the lines with the page: what came during a cut shows, what the server no longer has goes', () => {
  const flow = new RecentFlow(3);
  flow.add(entry('old'));
  flow.beginRead();
  flow.endRead([entry('9'), entry('8'), entry('7'), entry('6')]);
  assert.deepEqual(ids(flow), ['9', '8', '7']);
});

test('live entries that came during the read stay on top, whether the page has them or not', () => {
  const flow = new RecentFlow(4);
  flow.beginRead();
  flow.add(entry('10'));
  flow.add(entry('11'));
  flow.endRead([entry('10'), entry('9'), entry('8')]);
  assert.deepEqual(ids(flow), ['11', '10', '9', '8']);
  flow.add(entry('12'));
  assert.deepEqual(ids(flow), ['12', '11', '10', '9']);
});

test('a reset during the read makes its answer stale: only what came after the reset shows; a failed read leaves the live lines', () => {
  const flow = new RecentFlow(4);
  flow.beginRead();
  flow.add(entry('1'));
  flow.clear();
  flow.add(entry('2'));
  flow.endRead([entry('1'), entry('0')]);
  assert.deepEqual(ids(flow), ['2'], 'the answer may have been made before the reset');
  flow.beginRead();
  flow.add(entry('3'));
  flow.abandonRead();
  assert.deepEqual(ids(flow), ['3', '2']);
});
