// `?offset=&limit=` of the list routes: without them the whole list, as these routes first
// answered; with them a window of it, in the same order. The size of the whole list is in the
// `X-Total-Count` header either way, so that a client can page (a mailbox after a load test holds
// tens of thousands of messages: 15 MB of JSON in one answer).
import { liveApiErrors } from './live-api-errors.ts';

/** The furthest a list route's `offset` may go. */
export const MAX_OFFSET = 1_000_000;
const MAX_LIMIT = 100_000;

export interface ListWindow {
  readonly offset: number;
  readonly limit: number | undefined;
}

export function listWindow(query: URLSearchParams): ListWindow {
  const limit = query.get('limit');
  return { offset: queryInteger(query.get('offset'), 'offset', 0, MAX_OFFSET), limit: limit === null || limit === '' ? undefined : queryInteger(limit, 'limit', MAX_LIMIT, MAX_LIMIT) };
}

/** The window of `items`, and the header giving their whole count. */
export function windowOf<T>(items: readonly T[], window: ListWindow): { readonly items: readonly T[]; readonly headers: Record<string, string> } {
  const end = window.limit === undefined ? undefined : window.offset + window.limit;
  return { items: items.slice(window.offset, end), headers: { 'X-Total-Count': String(items.length) } };
}

/** A query integer between 0 and `max`; `fallback` when absent; a French 400 otherwise. */
export function queryInteger(value: string | null, name: string, fallback: number, max: number): number {
  if (value === null || value === '') return fallback;
  if (!/^\d{1,7}$/.test(value) || Number(value) > max) throw liveApiErrors.invalidInteger(name, value, max);
  return Number(value);
}
