// Keeping the durable store's journal bounded: the retention limit evicts the oldest copies
// and transmissions (their files are removed at once), but their records stay in journal.ndjson
// until the next start, which drops them when they are most of the file. Every record before
// the oldest copy or transmission still kept is dropped, except the trust-space state (patient
// profiles, changes, UIDVALIDITY); a record counting the evicted copies takes their place, so
// that /api/stats still counts them.
import type { DurableRecord } from './durable-record.ts';

/** Ids of the copies and transmissions the retention limit keeps: the last `limit` of each. */
export function survivingIds(records: readonly DurableRecord[], limit: number): Set<string> {
  const stored = records.flatMap((r) => (r.t === 'stored' ? [r.m.id] : []));
  const accepted = records.flatMap((r) => (r.t === 'accepted' ? [r.tr.id] : []));
  return new Set([...stored.slice(-limit), ...accepted.slice(-limit)]);
}

const STATE = new Set<DurableRecord['t']>(['profile', 'change', 'start', 'evicted']);

/** The records to keep, or undefined when compacting is not worth it (less than half the file would go). */
export function compactRecords(records: readonly DurableRecord[], limit: number, minimumDropped = 1000): DurableRecord[] | undefined {
  const surviving = survivingIds(records, limit);
  const cut = records.findIndex((r) => (r.t === 'stored' && surviving.has(r.m.id)) || (r.t === 'accepted' && surviving.has(r.tr.id)));
  const end = cut === -1 ? records.length : cut;
  const before = records.slice(0, end);
  const state = before.filter((r) => STATE.has(r.t) && r.t !== 'evicted');
  const dropped = before.length - state.length;
  if (dropped < minimumDropped || dropped * 2 < records.length) return undefined;
  const evicted = before.reduce((n, r) => n + (r.t === 'stored' ? 1 : r.t === 'evicted' ? r.messages : 0), 0);
  return [...(evicted > 0 ? [{ t: 'evicted' as const, messages: evicted }] : []), ...state, ...records.slice(end)];
}
