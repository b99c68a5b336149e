// The line under the flow count that says how many messages the retention limit
// (--max-messages) has evicted, read from GET /api/stats; empty while none was.

export interface RetentionStats {
  readonly evicted: number;
  readonly maxMessages: number;
}

export function retentionNote(stats: RetentionStats, numbers: Intl.NumberFormat): string {
  if (stats.evicted === 0) return '';
  const plural = stats.evicted > 1;
  return `${numbers.format(stats.evicted)} message${plural ? 's' : ''} plus ancien${plural ? 's' : ''} effacé${plural ? 's' : ''} (limite de conservation : ${numbers.format(stats.maxMessages)} messages, option --max-messages).`;
}
