// Checks where a shortcut gives a wrong answer (SC.MSS/CONF.20, MSS/va1.19): homonym pharmacies
// in two postal codes, two patients with the same name. The client must keep each one apart:
// a postal-code search proposes only that postal code's pharmacy, and each message goes to the
// address built from its own recipient's INS.
import assert from 'node:assert/strict';
import { Then } from '@cucumber/cucumber';
import { sameAddress } from '../../simulator/public-api.ts';
import type { HarnessWorld } from '../support/world.ts';
import { transmittedByClient } from './support/client-traffic.ts';
import { expectClientShows } from './support/client-view.ts';

Then('son logiciel ne propose pas la boîte « {texte} »', async function (this: HarnessWorld, address: string) {
  await expectClientShows(this, `Le logiciel s'abstient-il de proposer la boîte « ${address} », qui ne correspond pas à la recherche ?`, () => {
    const found = this.session.lastFound ?? [];
    return found.some((f) => sameAddress(f.address, address)) ? `La boîte « ${address} » ne correspond pas à la recherche (homonyme d'un autre code postal) et le logiciel la propose (SC.MSS/CONF.20) ; il propose : ${found.map((f) => f.address).join(', ')}.` : undefined;
  });
});

Then('le message « {texte} » transmis par le logiciel va à « {texte} » seulement', function (this: HarnessWorld, subject: string, address: string) {
  const messages = transmittedByClient(this).filter((t) => t.index.subject === subject);
  assert.equal(messages.length, 1, `Un message « ${subject} » était attendu ; le simulateur en a reçu ${messages.length}.`);
  const recipients = messages[0]?.envelope.rcptTo ?? [];
  assert.ok(recipients.length === 1 && sameAddress(recipients[0] ?? '', address), `Le message « ${subject} » devait aller à « ${address} » seulement (MSS/va1.19 : l'adresse se construit à partir de l'INS de la destinataire, jamais de son nom) ; il est allé à ${recipients.join(', ') || 'personne'}.`);
});
