// The client under test of this cucumber worker (REG-DEC-04): one driver, created
// once from the environment (driver-choice.ts), with the capabilities it declared (or those
// given with --capacites). A failure to create it or to read its capabilities is kept and turned
// into « erreur de mise en place » for every conformance scenario, never a crash of the run.
import type { Capability, ClientDriver, DriverCapabilities } from '../../../simulator/public-api.ts';
import { createHttpDriver } from '../../drivers/http/http-driver.ts';
import { createWebmailDriver } from '../../drivers/webmail/webmail-driver.ts';
import { createReferenceDriver } from '../../../simulator/public-api.ts';
import type { TrustSpace } from '../../../simulator/public-api.ts';
import { clientChoiceFromEnv, type ClientChoice } from '../../support/driver-choice.ts';
import type { CampaignStop } from './campaign-stop.ts';
import { faultAsked } from './fault-probe.ts';

export interface ClientUnderTest {
  readonly choice: ClientChoice;
  readonly driver: ClientDriver;
  readonly declared: DriverCapabilities;
  /** Declared capabilities, or those of --capacites. */
  readonly capabilities: ReadonlySet<Capability>;
}

export type ClientSetup = { readonly ok: true; readonly client: ClientUnderTest } | { readonly ok: false; readonly error: Error };

/** Builds the manual driver; injected so that this module does not depend on a terminal. */
export type ManualDriverFactory = (space: TrustSpace, timeoutMs: number, capabilities: readonly Capability[] | undefined, product?: string) => ClientDriver;

export async function setUpClient(env: Readonly<Record<string, string | undefined>>, space: TrustSpace, manual: ManualDriverFactory, stop?: CampaignStop): Promise<ClientSetup> {
  try {
    const choice = clientChoiceFromEnv(env);
    const created = driverFor(choice, space, manual);
    const driver = stop ? stop.watch(created) : created;
    const declared = await driver.capabilities();
    const capabilities = new Set<Capability>(choice.capabilities ?? declared.capabilities);
    return { ok: true, client: { choice, driver, declared, capabilities } };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

function driverFor(choice: ClientChoice, space: TrustSpace, manual: ManualDriverFactory): ClientDriver {
  const driver = choice.driver;
  if (driver.kind === 'reference') return createReferenceDriver({ faults: driver.faults, onFaultAsked: faultAsked });
  if (driver.kind === 'webmail') return createWebmailDriver({ baseUrl: space.endpoints.http.baseUrl, ...(space.actionToken ? { actionToken: space.actionToken } : {}) });
  if (driver.kind === 'http') return createHttpDriver({ baseUrl: driver.baseUrl, ...(driver.timeoutMs === undefined ? {} : { timeoutMs: driver.timeoutMs }) });
  return manual(space, driver.timeoutMs, choice.capabilities, driver.product);
}
