// The order in which the unit-test pool hands out test files: longest first, so that the long
// files do not start last and leave one process working alone at the end. Durations come from
// the previous run (reports/unit-durees.json), or for a fresh clone from a run kept in the
// repository (durees-de-reference.json); a file never timed goes first, since it may be long;
// without any timing, larger files are assumed to take longer.

export interface TimedFile {
  readonly file: string;
  /** Duration of the previous run, in milliseconds, when known. */
  readonly milliseconds?: number;
  readonly bytes: number;
}

export function longestFirst(files: readonly TimedFile[]): string[] {
  const estimate = (f: TimedFile) => f.milliseconds ?? Number.POSITIVE_INFINITY;
  return [...files]
    .sort((a, b) => estimate(b) - estimate(a) || b.bytes - a.bytes || a.file.localeCompare(b.file))
    .map((f) => f.file);
}
