// Whether the software told its user that it could not reach its operator securely: the last
// action answered `failed` with what was shown (or `refused` with its reason), or the last
// relève answered `failed` with what was shown; with a person behind the client (manual
// driver), an attestation. Never judged on the wording: only that something was shown.
import assert from 'node:assert/strict';
import type { HarnessWorld } from '../../support/world.ts';
import { clientUnderTest } from '../conformance.hooks.ts';

const QUESTION = "Le logiciel a-t-il signalé à l'utilisateur que la connexion sécurisée à l'opérateur a échoué (et que rien n'est parti ou n'a été relevé) ?";

export async function expectUserToldOfFailure(world: HarnessWorld): Promise<void> {
  const { driver } = await clientUnderTest();
  if (driver.attest) {
    const answer = await driver.attest(QUESTION);
    world.session.attestations.push({ question: QUESTION, answer, expected: true });
    assert.ok(answer, `Attestation négative : « ${QUESTION} » → non.`);
    return;
  }
  const problem = lastOutcomeProblem(world);
  assert.ok(problem === undefined, problem);
}

/** What is wrong with the last thing the client reported, or undefined when it told its user. */
export function lastOutcomeProblem(world: Pick<HarnessWorld, 'session'>): string | undefined {
  const relève = world.session.synchronisations.at(-1);
  const action = world.session.lastAction;
  if (relève) {
    if (relève.status === 'fetched') return "La relève est rapportée comme faite alors que la connexion sécurisée devait échouer : l'utilisateur n'est pas prévenu (SC.MSS/CONF.27).";
    return relève.shownToUser.trim() === '' ? "La relève a échoué sans rien montrer à l'utilisateur." : undefined;
  }
  if (!action) return "Le logiciel testé n'a encore rien fait dans ce scénario.";
  const { result, description } = action;
  if (result.status === 'sent') return `Le logiciel rapporte « envoyé » (${description}) alors que la connexion sécurisée devait échouer : l'utilisateur croit son message parti.`;
  const shown = result.status === 'failed' ? result.shownToUser : result.reason;
  return shown.trim() === '' ? "Le logiciel signale l'échec sans rien montrer à l'utilisateur." : undefined;
}
