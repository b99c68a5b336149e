// The excerpt of one piece of evidence (a transcript, an .eml, the client's listing) that the
// certification report shows open: the lines that matter to the failed check, highlighted, with a
// few lines of context around them, gaps marked. Without a highlighted line the first lines are
// shown. Pure.

export interface ExcerptLine {
  /** 1-based line number in the whole text. */
  readonly number: number;
  readonly text: string;
  readonly highlighted: boolean;
}

/** A run of consecutive lines; runs are separated by skipped lines. */
export type Excerpt = readonly (readonly ExcerptLine[])[];

export const CONTEXT_LINES = 3;
export const HEAD_LINES = 12;

export function evidenceExcerpt(text: string, highlight: readonly RegExp[], context = CONTEXT_LINES): { excerpt: Excerpt; highlightedCount: number; totalLines: number } {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const all = lines.map((line, index) => ({ number: index + 1, text: line, highlighted: highlight.some((pattern) => pattern.test(withoutTimestamp(line))) }));
  const marked = all.filter((line) => line.highlighted);
  if (marked.length === 0) return { excerpt: [all.slice(0, HEAD_LINES)], highlightedCount: 0, totalLines: all.length };
  const keep = new Set<number>();
  for (const line of marked) for (let n = line.number - context; n <= line.number + context; n += 1) keep.add(n);
  const runs: ExcerptLine[][] = [];
  for (const line of all) {
    if (!keep.has(line.number)) continue;
    const run = runs.at(-1);
    if (run && run.at(-1)?.number === line.number - 1) run.push(line);
    else runs.push([line]);
  }
  return { excerpt: runs, highlightedCount: marked.length, totalLines: all.length };
}

/** Transcript lines start with an ISO timestamp; header patterns (^Subject:) apply after it too. */
function withoutTimestamp(line: string): string {
  return line.replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z /, '');
}

/** Highlight patterns from the failure itself: the values it quotes as observed (« … » after « reçu »). */
export function observedValuePatterns(message: string): RegExp[] {
  const after = /reçu(?:e|s)?\s*:?\s*«\s*([^»]{3,}?)\s*»/gi;
  const values = [...message.matchAll(after)].map((m) => m[1] ?? '').filter((v) => v.trim() !== '');
  return [...new Set(values)].map((value) => new RegExp(`(^|[^\\w])${escapeRegExp(value)}($|[^\\w])`));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
