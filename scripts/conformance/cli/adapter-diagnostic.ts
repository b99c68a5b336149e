// `conformite diagnostic --client URL`: checks a vendor's HTTP adapter before a long campaign.
// It starts a trust space on free ports, then calls `capabilities`, `reset` and `configure`
// (with this trust space's real endpoints and a demo mailbox); the HTTP driver validates every
// answer against the protocol's schemas. One French line per operation, exit 0 when all pass,
// 78 (setup error) otherwise, in a few seconds.
import { endpointsSummary } from '../../../simulator/public-api.ts';
import { startTrustSpace } from '../../../simulator/public-api.ts';
import { driverConfiguration } from '../../../steps/conformance/support/driver-configuration.ts';
import type { ClientDriver } from '../../../simulator/public-api.ts';
import { createHttpDriver } from '../../../steps/drivers/http/http-driver.ts';
import { simulatorAddressFromEnv, type SimulatorAddress } from '../../../steps/support/simulator-address.ts';

/** Each operation has this long to answer. */
export const DIAGNOSTIC_TIMEOUT_MS = 3000;

export interface DiagnosticStep {
  readonly operation: string;
  readonly ok: boolean;
  /** French. */
  readonly detail: string;
  readonly ms: number;
}

export async function diagnoseAdapter(baseUrl: string, dataDir: string, address: SimulatorAddress = simulatorAddressFromEnv({})): Promise<DiagnosticStep[]> {
  const driver = createHttpDriver({ baseUrl, timeoutMs: DIAGNOSTIC_TIMEOUT_MS });
  const space = await startTrustSpace({ ...address, submissionPort: 0, peerPort: 0, imapPort: 0, imapsPort: 0, httpPort: 0, dataDir });
  try {
    const user = endpointsSummary(space).demoMailboxes[0];
    const steps: DiagnosticStep[] = [];
    const operations: [string, (d: ClientDriver) => Promise<string>][] = [
      ['capabilities', async (d) => {
        const c = await d.capabilities();
        return `${c.client.name} ${c.client.version}${c.client.vendor ? ` (${c.client.vendor})` : ''} ; capacités : ${c.capabilities.join(', ') || 'aucune'} ; ${c.parallel ? 'plusieurs scénarios à la fois' : 'un scénario à la fois'}`;
      }],
      ['reset', async (d) => (await d.reset(), 'remise à zéro acceptée')],
      ['configure', async (d) => {
        if (!user) throw new Error("aucune boîte de démonstration dans le jeu de données");
        await d.configure(driverConfiguration(space, user));
        return `configuration acceptée (boîte ${user.address}, SMTP ${space.endpoints.submission.port}, IMAP ${space.endpoints.imap.port})`;
      }],
    ];
    for (const [operation, call] of operations) {
      const started = performance.now();
      try {
        steps.push({ operation, ok: true, detail: await call(driver), ms: performance.now() - started });
      } catch (error) {
        steps.push({ operation, ok: false, detail: error instanceof Error ? error.message : String(error), ms: performance.now() - started });
        if (operation === 'capabilities') break; // the adapter is not there: the rest would say the same
      }
    }
    return steps;
  } finally {
    await space.stop();
  }
}

export function diagnosticLines(baseUrl: string, steps: readonly DiagnosticStep[]): string[] {
  const lines = [`Diagnostic de l'adaptateur ${baseUrl} :`, ...steps.map((s) => `  ${s.ok ? '✔' : '✘'} ${s.operation} (${Math.round(s.ms)} ms) : ${s.detail.replace(/\n/g, '\n    ')}`)];
  const failed = steps.filter((s) => !s.ok).length;
  lines.push(failed === 0 ? 'Adaptateur prêt : la campagne peut commencer (npm run conformite -- --client ' + baseUrl + ').' : `${failed} opération(s) en échec : corrigez l'adaptateur avant de lancer une campagne (voyez steps/drivers/protocol/README.md).`);
  return lines;
}
