// One simulator per cucumber worker, on ephemeral loopback ports and a throw-away folder (one per
// process: a worker running the suite several times keeps its test CA); reset before each
// scenario (REG-DEC-03: isolation is a cheap reset, not a restart).
import { AfterAll, Before, BeforeAll, type ITestCaseHookParameter } from '@cucumber/cucumber';
import { processTempDir, START_DEFAULTS } from '../../simulator/public-api.ts';
import { isManualClient } from './driver-choice.ts';
import { simulatorAddressFromEnv } from './simulator-address.ts';
import { manualPorts } from './manual-ports.ts';
import { DEFAULT_FIXTURES_DIR, startTrustSpace, type StartTrustSpaceOptions } from '../../simulator/public-api.ts';
import type { TrustSpace } from '../../simulator/public-api.ts';

let space: TrustSpace | undefined;

export function currentTrustSpace(): TrustSpace {
  if (!space) throw new Error('simulator not started: BeforeAll did not run');
  return space;
}

export const FIXTURES_DIR = process.env.MSS_FIXTURES ?? DEFAULT_FIXTURES_DIR;

/**
 * With a person at the keyboard (MSS_CLIENT=manual) the simulator keeps the test CA of
 * `npm start` and its ports (or those from MSS_PORTS_DEPART, manual-ports.ts), so that the
 * software is configured once, and the web UI's console is at a known address; otherwise
 * ephemeral ports and a throw-away folder per worker.
 */
function listening(): Pick<StartTrustSpaceOptions, 'submissionPort' | 'peerPort' | 'imapPort' | 'imapsPort' | 'httpPort' | 'dataDir'> {
  if (isManualClient(process.env)) {
    const chosen = manualPorts(process.env.MSS_PORTS_DEPART);
    if (!chosen.ok) throw new Error(chosen.problem); // conformite checked it before the run
    return { ...chosen.ports, dataDir: START_DEFAULTS.dataDir };
  }
  return { submissionPort: 0, peerPort: 0, imapPort: 0, imapsPort: 0, httpPort: 0, dataDir: processTempDir('mss-sim-cucumber-') };
}



BeforeAll(async function () {
  space = await startTrustSpace({ fixturesDir: FIXTURES_DIR, ...simulatorAddressFromEnv(process.env), ...listening() });
  if (isManualClient(process.env)) console.error(`Console du banc dans l'interface web : ${space.endpoints.http.baseUrl}/#console`);
});

Before(function ({ pickle }: ITestCaseHookParameter) {
  const space = currentTrustSpace();
  space.reset();
  // The web UI's flow can then be filtered by scenario.
  space.setScenario(pickle.name);
});

AfterAll(async function () {
  await space?.stop();
  space = undefined;
});
