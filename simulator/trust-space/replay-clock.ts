// The clock of the composition root, which a replay can hold at a recorded instant: while the
// durable store is read back, what is rebuilt (observations, journal lines) carries the date it
// had, not the date of the restart.
export interface ReplayClock {
  readonly now: () => Date;
  /** Runs `work` with the clock at `at`. */
  at<T>(at: Date, work: () => T): T;
}

export function replayClock(now: () => Date): ReplayClock {
  let held: Date | undefined;
  return {
    now: () => held ?? now(),
    at(at, work) {
      held = at;
      try {
        return work();
      } finally {
        held = undefined;
      }
    },
  };
}
