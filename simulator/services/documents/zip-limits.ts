// Limits of the XDM archive reader: what it refuses to expand (zip bombs by ratio or total
// size, too many entries, oversized entries). An archive past a limit is reported, not read.
export interface ZipLimits {
  readonly maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  readonly maxTotalBytes: number;
  readonly maxEntryBytes: number;
  /** Uncompressed / compressed, for entries above `ratioFloorBytes`. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200,
  maxTotalBytes: 64 * 1024 * 1024,
  maxEntryBytes: 40 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};
