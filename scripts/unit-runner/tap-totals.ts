// The totals of a node:test TAP report, read from its footer (`# pass 12`, `# fail 0`, …).
// A cancelled test (e.g. cut short when its file failed to load) counts as failed.

export interface TapTotals {
  readonly passed: number;
  readonly failed: number;
  /** False when the footer is missing: the process stopped before node:test wrote it. */
  readonly complete: boolean;
}

function footer(tap: string, label: string): number | undefined {
  const found = tap.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1];
  return found === undefined ? undefined : Number(found);
}

export function tapTotals(tap: string): TapTotals {
  const passed = footer(tap, 'pass');
  return {
    passed: passed ?? 0,
    failed: (footer(tap, 'fail') ?? 0) + (footer(tap, 'cancelled') ?? 0),
    complete: passed !== undefined,
  };
}
