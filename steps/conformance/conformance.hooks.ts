// Hooks of the conformance scenarios (@conformite): the client under test is set up once
// per worker; before each scenario its capabilities are checked against the scenario's
// `@capacite:` tags (inapplicable, never passed), attestation scenarios need a person (manual
// driver), and the client is reset; after each scenario the evidence and the verdict are
// attached to the report (scenario-verdict.ts, scenario-evidence.ts). After a setup error that
// makes the rest meaningless, every later scenario stops at once (campaign-stop.ts).
import { After, AfterAll, Before, type ITestCaseHookParameter } from '@cucumber/cucumber';
import { currentTrustSpace } from '../support/simulator-lifecycle.ts';
import type { HarnessWorld } from '../support/world.ts';
import { CampaignStop } from './support/campaign-stop.ts';
import { setUpClient, type ClientSetup, type ClientUnderTest } from './support/client-under-test.ts';
import { needsPerson, withoutPerson } from './support/attestation.ts';
import { enterScenario } from './support/fault-probe.ts';
import { createManualDriverFor } from './support/manual-driver-factory.ts';
import { scenarioEvidence } from './support/scenario-evidence.ts';
import { inapplicable, requiredCapabilities, VERDICT_MEDIA_TYPE, verdictOfResult, type VerdictRecord } from './support/scenario-verdict.ts';

let setup: Promise<ClientSetup> | undefined;
let campaign = new CampaignStop();

/** The client of this worker, or the setup error that stops every conformance scenario. */
export async function clientUnderTest(): Promise<ClientUnderTest> {
  setup ??= setUpClient(process.env, currentTrustSpace(), createManualDriverFor, campaign);
  const ready = await setup;
  if (!ready.ok) throw ready.error;
  return ready.client;
}

// A process may run the suite several times (the faulty-variant matrix): each run makes its client anew.
AfterAll(function () {
  setup = undefined;
  campaign = new CampaignStop();
});

function attachVerdict(world: HarnessWorld, record: VerdictRecord): void {
  world.attach(JSON.stringify(record), { mediaType: VERDICT_MEDIA_TYPE, fileName: 'verdict.json' });
}

Before({ tags: '@conformite' }, async function (this: HarnessWorld, { pickle }: ITestCaseHookParameter) {
  const stopped = campaign.stopped;
  if (stopped) throw stopped;
  const client = await clientUnderTest();
  // After the client's set-up: a fault asked while setting it up may reach every scenario.
  enterScenario(pickle.name);
  const missing = requiredCapabilities(pickle.tags).filter((c) => !client.capabilities.has(c as never));
  if (missing.length > 0) {
    this.session.inapplicable = true;
    attachVerdict(this, inapplicable(missing));
    return 'skipped';
  }
  if (needsPerson(pickle.tags) && !client.driver.attest) {
    this.session.inapplicable = true;
    attachVerdict(this, withoutPerson());
    return 'skipped';
  }
  await client.driver.reset();
  return undefined;
});

After({ tags: '@conformite' }, async function (this: HarnessWorld, { result }: ITestCaseHookParameter) {
  try {
    if (this.session.inapplicable) return;
    await judgeAndAttach(this, result);
  } finally {
    enterScenario(undefined); // the client's view read by judgeAndAttach still belongs to the scenario
  }
});

async function judgeAndAttach(world: HarnessWorld, result: ITestCaseHookParameter['result']): Promise<void> {
  const space = currentTrustSpace();
  await space.settled();
  for (const item of scenarioEvidence(space)) {
    const options = { mediaType: item.mediaType, fileName: item.fileName };
    if (typeof item.data === 'string') world.attach(item.data, options);
    else world.attach(item.data, options);
  }
  const ready = setup ? await setup : undefined;
  const driver = ready?.ok ? ready.client.driver : undefined;
  if (driver && world.session.user && !driver.attest) {
    try {
      world.attach(JSON.stringify(await driver.listMessages(), null, 2), { mediaType: 'application/json', fileName: 'vue-du-client.json' });
    } catch (error) {
      world.attach(`Liste des messages du client indisponible : ${error instanceof Error ? error.message : String(error)}`, { mediaType: 'text/plain', fileName: 'vue-du-client.txt' });
    }
  }
  if (world.session.attestations.length > 0) world.attach(JSON.stringify(world.session.attestations, null, 2), { mediaType: 'application/json', fileName: 'attestations.json' });
  attachVerdict(world, verdictOfResult(result ?? { status: 'UNKNOWN' }));
}
