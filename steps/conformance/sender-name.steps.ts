// The sender display name of every message the client transmits (MSS/va1.16, REG-MSG-05):
// composed from the mailbox's holder given at configuration, judged by the domain rule.
import assert from 'node:assert/strict';
import { Then } from '@cucumber/cucumber';
import { displayNameProblem, parseMessage } from '../../simulator/public-api.ts';
import type { HarnessWorld } from '../support/world.ts';
import { transmittedByClient } from './support/client-traffic.ts';
import { mailboxHolder } from './support/driver-configuration.ts';

Then("chaque message transmis par le logiciel porte le nom affiché de la boîte de son utilisateur", async function (this: HarnessWorld) {
  const user = this.session.user;
  assert.ok(user, "Aucun logiciel testé n'est configuré dans ce scénario.");
  const holder = mailboxHolder(this.space, user.address);
  assert.ok(holder, `La boîte ${user.address} est absente du jeu de données.`);
  const transmitted = transmittedByClient(this);
  assert.ok(transmitted.length > 0, `Le simulateur n'a reçu aucun message du logiciel (boîte ${user.address}).`);
  for (const transmission of transmitted) {
    const parsed = await parseMessage(transmission.raw);
    const problem = displayNameProblem(parsed.from[0]?.name, holder);
    assert.equal(problem, undefined, `Message « ${transmission.index.subject} » envoyé depuis ${user.address} : ${problem}.`);
  }
});
