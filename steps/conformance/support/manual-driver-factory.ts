// Builds the manual driver for a worker (steps/drivers/manual): instructions on the terminal and
// in the web UI's console of the trust space, answers from either.
import { createManualDriver, manualClient } from '../../drivers/manual/manual-driver.ts';
import type { ManualDriverFactory } from './client-under-test.ts';

export const createManualDriverFor: ManualDriverFactory = (space, timeoutMs, capabilities, product) =>
  createManualDriver({ space, console: space.console, timeoutMs, client: manualClient(product), ...(capabilities ? { capabilities } : {}) });
