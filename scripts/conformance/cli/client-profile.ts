// Who the client under test is, asked before the run (probe the client, keep its declared
// identity and capabilities for the summary). The reference client and an HTTP adapter answer
// `capabilities`; an unreachable or malformed adapter throws DriverSetupError (exit 78, nothing
// run). The manual driver has a person behind it, not a program: its profile is the default one
// (or the capabilities given with --capacites), as the workers will build it.
import type { Capability, DriverCapabilities } from '../../../simulator/public-api.ts';
import type { ClientChoice } from '../../../steps/support/driver-choice.ts';
import { referenceCapabilities } from '../../../simulator/tooling-api.ts';

export type DriverKind = ClientChoice['driver']['kind'];

export interface ClientProfile {
  readonly driverKind: DriverKind;
  /** The adapter's URL (http driver). */
  readonly adapterUrl?: string;
  /** Faulty variants of the reference client. */
  readonly variants: readonly string[];
  readonly client: DriverCapabilities['client'];
  readonly declaredCapabilities: readonly Capability[];
  /** Those the run uses: --capacites when given, else the declared ones. */
  readonly capabilities: readonly Capability[];
  /** The client can play several scenarios at once. */
  readonly parallel: boolean;
}

/** How to reach the client's `capabilities`; injectable for tests. */
export type CapabilitiesProbe = (choice: ClientChoice) => Promise<DriverCapabilities>;

/** Each driver's code is loaded only for its kind (the reference client's answer is a constant). */
export const probeCapabilities: CapabilitiesProbe = async ({ driver, capabilities }) => {
  if (driver.kind === 'reference') return referenceCapabilities();
  if (driver.kind === 'webmail') return (await import('../../../steps/drivers/webmail/webmail-driver.ts')).createWebmailDriver({ baseUrl: 'http://127.0.0.1' }).capabilities();
  if (driver.kind === 'http') return (await import('../../../steps/drivers/http/http-driver.ts')).createHttpDriver({ baseUrl: driver.baseUrl, ...(driver.timeoutMs === undefined ? {} : { timeoutMs: driver.timeoutMs }) }).capabilities();
  const { MANUAL_DEFAULT_CAPABILITIES, manualClient } = await import('../../../steps/drivers/manual/manual-driver.ts');
  return { client: manualClient(driver.product), capabilities: [...(capabilities ?? MANUAL_DEFAULT_CAPABILITIES)], parallel: false };
};

export async function clientProfile(choice: ClientChoice, probe: CapabilitiesProbe = probeCapabilities): Promise<ClientProfile> {
  const declared = await probe(choice);
  const { driver } = choice;
  return {
    driverKind: driver.kind,
    ...(driver.kind === 'http' ? { adapterUrl: driver.baseUrl } : {}),
    variants: driver.kind === 'reference' ? driver.faults : [],
    client: declared.client,
    declaredCapabilities: declared.capabilities,
    capabilities: choice.capabilities ?? declared.capabilities,
    parallel: declared.parallel,
  };
}
