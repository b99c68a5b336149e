// Waiting for the traffic an instruction should cause (manual driver), with a deadline
// and a countdown. The probe runs again on every observation that may bring the traffic (a
// transmission, a connection opened or closed, a protocol exchange).

/** Calls `wake` whenever the traffic may have changed; returns the unsubscribe function. */
export type TrafficTrigger = (wake: () => void) => () => void;

export interface TrafficWait<T> {
  /** The awaited outcome, or undefined while it has not happened. Must not throw. */
  readonly probe: () => T | undefined;
  readonly timeoutMs: number;
  readonly triggers: readonly TrafficTrigger[];
  /** Countdown period; `onTick` receives the time left. */
  readonly tickMs: number;
  readonly onTick: (remainingMs: number) => void;
  /** Aborted when the person says nothing will happen (the software refused): the wait ends early. */
  readonly signal?: AbortSignal;
}

export type WaitEnd<T> = { readonly kind: 'found'; readonly value: T } | { readonly kind: 'timeout' } | { readonly kind: 'abandoned' };

export function waitForTraffic<T>(wait: TrafficWait<T>): Promise<WaitEnd<T>> {
  return new Promise((resolve) => {
    const startedAt = performance.now();
    const check = () => {
      const value = wait.probe();
      if (value !== undefined) finish({ kind: 'found', value });
    };
    const abandon = () => finish({ kind: 'abandoned' });
    const deadline = setTimeout(() => finish({ kind: 'timeout' }), wait.timeoutMs);
    const tick = setInterval(() => wait.onTick(Math.max(0, wait.timeoutMs - (performance.now() - startedAt))), wait.tickMs);
    let finished = false;
    let unsubscribes: (() => void)[] = [];
    function finish(end: WaitEnd<T>): void {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      clearInterval(tick);
      for (const unsubscribe of unsubscribes) unsubscribe();
      wait.signal?.removeEventListener('abort', abandon);
      resolve(end);
    }
    unsubscribes = wait.triggers.map((trigger) => trigger(check));
    wait.signal?.addEventListener('abort', abandon, { once: true });
    if (wait.signal?.aborted) abandon();
    check();
  });
}
