// Questions about what the client under test shows its user (SC.MSS/UX.25, UX.30, UX.31, UX.35):
// answered from the driver's listing (`listMessages`), or, with a person behind the client
// (manual driver), by a yes/no attestation recorded in the report (REG-DEC-04).
import assert from 'node:assert/strict';
import type { ListedMessage } from '../../../simulator/public-api.ts';
import type { HarnessWorld } from '../../support/world.ts';
import { clientUnderTest } from '../conformance.hooks.ts';

/** `check` returns what is wrong, in French, or undefined when the listing shows what `question` asks. */
export async function expectClientShows(world: HarnessWorld, question: string, check: (listed: readonly ListedMessage[]) => string | undefined): Promise<void> {
  const { driver } = await clientUnderTest();
  if (driver.attest) {
    const answer = await driver.attest(question);
    world.session.attestations.push({ question, answer, expected: true });
    assert.ok(answer, `Attestation négative : « ${question} » → non.`);
    return;
  }
  const listed = await driver.listMessages();
  const problem = check(listed);
  assert.ok(problem === undefined, `${problem}\nLe logiciel liste : ${describeListing(listed)}`);
}

export function describeListing(listed: readonly ListedMessage[]): string {
  if (listed.length === 0) return 'aucun message.';
  return listed.map((m) => `[${m.folder}] ${m.kind} « ${m.subject} »${m.deliveryState ? ` (${m.deliveryState})` : ''}${m.report ? ` motif « ${m.report.reasonShown} »` : ''}`).join(' ; ');
}
