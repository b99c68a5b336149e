// Faults of the simulated Annuaire Santé FHIR API, switched per scenario or through the control
// API (PUT /api/directory/faults) and cleared by the trust space's reset(): unavailable (503),
// slow (a bounded delay before each answer), empty (every search finds nothing), key refused
// (401 whatever the key). Mutable on purpose: one object shared by the handlers and the API.

export const DIRECTORY_FAULT_MODES = ['none', 'unavailable', 'slow', 'empty', 'key-refused'] as const;
export type DirectoryFaultMode = (typeof DIRECTORY_FAULT_MODES)[number];

export interface DirectoryFaultSettings {
  readonly mode: DirectoryFaultMode;
  /** Delay of the `slow` mode, in milliseconds. */
  readonly delayMs: number;
}

/** Delay of `slow` when none is given: noticeable, well under the real API's 30 s timeout (REG-ANN-01). */
export const DEFAULT_SLOW_DELAY_MS = 2000;
/** Longest delay accepted: twice the real API's timeout, so clients can test theirs. */
export const MAX_SLOW_DELAY_MS = 60_000;

export class DirectoryFaults {
  #mode: DirectoryFaultMode = 'none';
  #delayMs = DEFAULT_SLOW_DELAY_MS;

  get mode(): DirectoryFaultMode {
    return this.#mode;
  }

  get delayMs(): number {
    return this.#delayMs;
  }

  /** Throws RangeError on an unknown mode or a delay outside 0…MAX_SLOW_DELAY_MS. */
  set(mode: DirectoryFaultMode, delayMs: number = DEFAULT_SLOW_DELAY_MS): void {
    if (!DIRECTORY_FAULT_MODES.includes(mode)) throw new RangeError(`unknown directory fault mode: ${String(mode)}`);
    if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > MAX_SLOW_DELAY_MS) throw new RangeError(`directory delay out of range: ${delayMs}`);
    this.#mode = mode;
    this.#delayMs = delayMs;
  }

  reset(): void {
    this.#mode = 'none';
    this.#delayMs = DEFAULT_SLOW_DELAY_MS;
  }

  snapshot(): DirectoryFaultSettings {
    return { mode: this.#mode, delayMs: this.#delayMs };
  }
}
