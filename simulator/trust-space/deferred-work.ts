// Work done after an SMTP reply (bounces, receipts, auto-replies: REG-ANR-01 "asynchronous"),
// counted so that tests and shutdown can wait for it to finish instead of sleeping.
export class DeferredWork {
  #pending = 0;
  #waiters: (() => void)[] = [];

  /** `onError` receives what deferred work throws or rejects with: never an uncaught exception. */
  constructor(private readonly onError: (error: unknown) => void) {}

  /** Runs `work` on a later turn of the event loop; a returned promise is awaited too. */
  readonly defer = (work: () => void | Promise<void>): void => {
    this.#pending += 1;
    setImmediate(() => {
      let result: void | Promise<void> = undefined;
      try {
        result = work();
      } catch (error) {
        this.onError(error);
      }
      if (result instanceof Promise) result.catch(this.onError).finally(() => this.#done());
      else this.#done();
    });
  };

  /** Resolves when nothing is pending, including work scheduled by work in progress. */
  settled(): Promise<void> {
    if (this.#pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #done(): void {
    this.#pending -= 1;
    if (this.#pending > 0) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }
}
