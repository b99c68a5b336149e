// Stopping the campaign at the first setup error that makes the rest meaningless: the adapter
// is unreachable, or it answers `capabilities` or `configure` wrongly (out of schema, error,
// time limit). The driver is wrapped so that such an error is remembered; every later
// conformance scenario of this worker then ends at once in « erreur de mise en place »
// (CampaignStoppedError) instead of waiting, scenario after scenario, for the same failure.
import type { ClientDriver } from '../../../simulator/public-api.ts';
import { DriverSetupError } from '../../drivers/driver-setup-error.ts';

/** Operations without which no scenario can be judged. */
const ESSENTIAL_OPERATIONS: ReadonlySet<string> = new Set(['capabilities', 'configure']);

export function isFatalSetupError(error: unknown): error is DriverSetupError {
  return error instanceof DriverSetupError && (error.reason === 'unreachable' || error.reason === 'invalid-base-url' || ESSENTIAL_OPERATIONS.has(error.operation));
}

export class CampaignStoppedError extends Error {
  readonly code = 'MSS_SIM_CAMPAIGN_STOPPED';
  constructor(readonly first: DriverSetupError) {
    super(`Campagne arrêtée après une erreur de mise en place qui rend les autres scénarios sans objet : ${first.message.split('\n')[0] ?? ''}`);
    this.name = 'CampaignStoppedError';
  }
}

/** Remembers the first fatal setup error of the driver's calls. */
export class CampaignStop {
  #first: DriverSetupError | undefined;

  get stopped(): CampaignStoppedError | undefined {
    return this.#first ? new CampaignStoppedError(this.#first) : undefined;
  }

  note(error: unknown): void {
    if (this.#first === undefined && isFatalSetupError(error)) this.#first = error;
  }

  /** The same driver, each call's fatal setup error noted (and still thrown). */
  watch(driver: ClientDriver): ClientDriver {
    const watched: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(driver)) {
      watched[name] =
        typeof member === 'function'
          ? async (...args: unknown[]) => {
              try {
                return await (member as (...a: unknown[]) => Promise<unknown>).apply(driver, args);
              } catch (error) {
                this.note(error);
                throw error;
              }
            }
          : member;
    }
    return watched as unknown as ClientDriver;
  }
}
