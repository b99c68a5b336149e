// The watch over a real trust space: a bounce recorded in one scenario, then the same message
// submitted again after the reset, in the next scenario, is a resend naming the first scenario.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { configurationFor, createReferenceDriver, LOUISE, oauth2Mailbox, startTestSpace, submitAs, type TrustSpace } from '../../../simulator/public-api.ts';
import { describeViolation, ledgerViolations } from './campaign-ledger.ts';
import { campaignWatch } from './campaign-watch.ts';

const PHARMACY = 'pharmacie.duparc@pharmacien.mssante.fr';
const GERARD_OPPOSED = { ...LOUISE, ins: '152114908701235', birthName: 'LAMBERT', firstName: 'Gérard', birthDate: '1952-11-04', sex: 'M' as const };

let space: TrustSpace;
before(async () => {
  space = await startTestSpace();
});
after(async () => {
  await space.stop();
});

describe('campaign watch', () => {
  it('keeps a permanent failure across the reset and names its scenario when the message comes again', async () => {
    campaignWatch.watch(space);
    const driver = createReferenceDriver();
    campaignWatch.scenarioStarted('p1', 'premier scénario', true);
    campaignWatch.usesMailbox(PHARMACY);
    await driver.configure(configurationFor(space, oauth2Mailbox(space)));
    await driver.writeToPatient({ patient: GERARD_OPPOSED, subject: 'Bilan', body: 'Bonjour.' });
    await space.settled();
    const original = space.transmissions.all().at(-1);
    assert.ok(original);
    campaignWatch.scenarioAsked('p1', [{ recipients: ['152114908701235@patient.mssante.fr'], subject: 'Bilan' }], PHARMACY);
    campaignWatch.scenarioEnded();
    assert.deepEqual(ledgerViolations(campaignWatch.events()), []);
    assert.ok(campaignWatch.lastFailureAt() > 0, 'the bounce is a permanent failure');

    space.reset();
    campaignWatch.scenarioStarted('p2', 'second scénario', true);
    const again = await submitAs(space, { address: PHARMACY, password: 'test-pharmacie-du-parc' }, { to: ['152114908701235@patient.mssante.fr'], subject: 'Bilan', text: 'Bonjour.', headers: { 'X-MSS-NIL': 'AUTRE' } });
    assert.ok(again.accepted);
    await space.settled();
    const violations = ledgerViolations(campaignWatch.events());
    assert.equal(violations.length, 1, JSON.stringify(campaignWatch.events()));
    assert.match(describeViolation(violations[0]!), /du scénario « premier scénario ».*pendant le scénario « second scénario »/);
  });

  it('ignores the messages the harness sends as a simulated professional', async () => {
    campaignWatch.scenarioStarted('p3', 'troisième scénario', true);
    const before = campaignWatch.events().length;
    await submitAs(space, { address: PHARMACY, password: 'test-pharmacie-du-parc' }, { to: ['helene.rousseau@medecin.mssante.fr'], subject: 'Du banc', text: 'Bonjour.' });
    await space.settled();
    assert.equal(campaignWatch.events().length, before);
  });
});
