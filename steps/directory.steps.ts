// Steps about the Annuaire Santé and the liste blanche as published by the simulator (REG-ANN-01 to REG-ANN-09, REG-LB-01).
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { HarnessWorld } from './support/world.ts';
import { publishedMailboxes, searchDirectory } from './support/directory-client.ts';

When("on cherche dans l'Annuaire Santé les pharmacies du code postal « {texte} »", async function (this: HarnessWorld, postalCode: string) {
  this.notebook.lastDirectoryAnswer = await searchDirectory(this.space, 'Organization', { type: 'SA33', 'address-postalcode': postalCode });
});

When("on cherche dans l'Annuaire Santé la boîte de {acteur}", async function (this: HarnessWorld, label: string) {
  const address = this.actor(label).address;
  const answers = await Promise.all(['Practitioner', 'PractitionerRole', 'Organization'].map((resource) => searchDirectory(this.space, resource, { 'mailbox-mss:exact': address })));
  this.notebook.lastDirectoryAnswer = answers.flat();
});

Given('le domaine « {texte} » retiré de la liste blanche', function (this: HarnessWorld, domain: string) {
  this.space.change({ kind: 'set-domain-whitelisted', domain, whitelisted: false });
});

Then("l'Annuaire Santé répond par la boîte de {acteur}", function (this: HarnessWorld, label: string) {
  const found = publishedMailboxes(this.notebook.lastDirectoryAnswer ?? []);
  assert.ok(found.includes(this.actor(label).address), `Boîte de ${label} absente de la réponse de l'Annuaire : ${found.join(', ') || 'aucune boîte'}.`);
});

Then("l'Annuaire Santé ne répond par aucune boîte", function (this: HarnessWorld) {
  const found = publishedMailboxes(this.notebook.lastDirectoryAnswer ?? []);
  assert.deepEqual(found, [], `L'Annuaire n'aurait dû publier aucune boîte ; il a publié : ${found.join(', ')}.`);
});

Then('la liste blanche ne contient pas le domaine « {texte} »', async function (this: HarnessWorld, domain: string) {
  const xml = await (await fetch(`${this.space.endpoints.http.baseUrl}/listeblanchemssante.xml`)).text();
  assert.ok(!xml.includes(`<Nom>${domain}</Nom>`), `Le domaine ${domain} figure encore dans la liste blanche.`);
});
