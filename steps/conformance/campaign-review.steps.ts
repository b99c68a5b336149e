// The end-of-run review of a conformance campaign (MES-NDR-04, MSS/va1.12): hooks that keep the
// campaign ledger (support/campaign-watch.ts) across the per-scenario reset, and the last
// scenarios' checks, which watch for late resends for a bounded window after the last
// permanent failure and then names every violation with its original scenario and message.
// In a parallel run the review scenario is only handed out when no other scenario is running.
import assert from 'node:assert/strict';
import { After, Before, setParallelCanAssign, Then, type ITestCaseHookParameter } from '@cucumber/cucumber';
import { currentTrustSpace } from '../support/simulator-lifecycle.ts';
import type { HarnessWorld } from '../support/world.ts';
import { describeViolation, ledgerViolations, type LedgerViolation } from './support/campaign-ledger.ts';
import { campaignWatch } from './support/campaign-watch.ts';

export const REVIEW_TAG = '@bilan-de-campagne';
/** How long after the last permanent failure a resend is still watched for. */
export const RESEND_WINDOW_MS = 6_000;
const POLL_MS = 100;

setParallelCanAssign((pickle, inProgress) => !pickle.tags.some((t) => t.name === REVIEW_TAG) || inProgress.length === 0);

Before(function ({ pickle }: ITestCaseHookParameter) {
  campaignWatch.watch(currentTrustSpace());
  campaignWatch.scenarioStarted(pickle.id, pickle.name, pickle.tags.some((t) => t.name === '@conformite'));
});

After({ tags: '@conformite' }, function (this: HarnessWorld, { pickle }: ITestCaseHookParameter) {
  campaignWatch.scenarioAsked(pickle.id, this.session.actions, this.session.user?.address);
  campaignWatch.scenarioEnded();
});

async function reviewCampaign(world: HarnessWorld, rule: LedgerViolation['rule']): Promise<void> {
  const deadline = campaignWatch.lastFailureAt() + RESEND_WINDOW_MS;
  const found = () => ledgerViolations(campaignWatch.events()).filter((v) => v.rule === rule);
  let violations = found();
  while (violations.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, deadline - Date.now())));
    violations = found();
  }
  world.attach(JSON.stringify({ evenements: campaignWatch.events(), manquements: violations.map(describeViolation) }, null, 2), { mediaType: 'application/json', fileName: 'registre-de-campagne.json' });
  // The first line is the report's motif: it names the first violation, the others follow.
  const [first, ...rest] = violations.map(describeViolation);
  const more = rest.length > 0 ? ` (et ${rest.length} autre(s) manquement(s) ci-dessous)` : '';
  assert.equal(violations.length, 0, [`${first}${more}`, ...rest].join('\n'));
}

Then("aucun message en échec permanent n'a été renvoyé pendant la campagne", async function (this: HarnessWorld) {
  await reviewCampaign(this, 'resend');
});

Then("aucun Message-ID n'a servi à deux messages pendant la campagne", async function (this: HarnessWorld) {
  await reviewCampaign(this, 'message-id-reused');
});
