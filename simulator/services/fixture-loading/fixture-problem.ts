// A problem found while loading a fixture folder: where (file + JSON Pointer), what, and how to fix it.
// Vendor-facing: `message` and `fix` are in French (REG-DEC-06).

export interface FixtureProblem {
  /** File name relative to the fixture folder, e.g. `mailboxes.json` or `schemas/mailboxes.schema.json`. */
  readonly file: string;
  /** JSON Pointer (RFC 6901) inside the file; `''` for the whole file. */
  readonly path: string;
  /** What is wrong, in French. */
  readonly message: string;
  /** What to do about it, in French. */
  readonly fix: string;
}

export function fixtureProblem(file: string, path: string, message: string, fix: string): FixtureProblem {
  return { file, path, message, fix };
}

/** Builds a JSON Pointer from segments, escaping `~` and `/` (RFC 6901 §3). */
export function jsonPointer(...segments: ReadonlyArray<string | number>): string {
  return segments.map((segment) => '/' + String(segment).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** A value quoted for a French message, shortened when long: « valeur ». */
export { quoted } from '../../validation/quoted-value.ts';
