// The query string of GET /api/flow (simulator/observation/live-flow/README.md): page window and filters. Pure.
import type { FlowFilters } from './types.ts';

export function flowQuery(offset: number, limit: number, filters: FlowFilters): string {
  const query = new URLSearchParams({ offset: String(offset), limit: String(limit) });
  if (filters.mailbox) query.set('mailbox', filters.mailbox);
  if (filters.patient) query.set('patient', filters.patient);
  if (filters.scenario) query.set('scenario', filters.scenario);
  return `/api/flow?${query.toString()}`;
}

export function hasFilters(filters: FlowFilters): boolean {
  return Boolean(filters.mailbox || filters.patient || filters.scenario);
}
