// Steps about a client reading its mailbox over IMAP with a Pro Santé Connect token (REG-AUTH-01, REG-AUTH-03).
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { parseMessage } from '../simulator/public-api.ts';
import type { HarnessWorld } from './support/world.ts';
import { readInbox } from './support/mailbox-client.ts';
import { professionalSends } from './support/tasks.ts';

Given('{acteur} a écrit à {acteur}', async function (this: HarnessWorld, sender: string, recipient: string) {
  await professionalSends(this, this.actor(sender), this.actor(recipient));
});

Given('la session Pro Santé Connect de {acteur} révoquée', function (this: HarnessWorld, label: string) {
  const issued = this.space.psc.mailboxGrant(this.actor(label).address);
  this.notebook.accessTokens[label] = issued.accessToken;
  assert.equal(this.space.psc.revokeSession(issued.sessionId), true);
});

When('{acteur} relève sa boîte en IMAP avec son jeton Pro Santé Connect', async function (this: HarnessWorld, label: string) {
  const address = this.actor(label).address;
  const token = (this.notebook.accessTokens[label] ??= this.space.psc.mailboxGrant(address).accessToken);
  this.notebook.lastMailboxReading = await readInbox(this.space, address, token);
});

Then('la boîte de {acteur} contient un avis de non-remise de code {statut}', async function (this: HarnessWorld, label: string, status: string) {
  const reading = this.notebook.lastMailboxReading;
  assert.ok(reading?.ok, `La relève IMAP de ${label} a échoué : ${reading && !reading.ok ? reading.error : 'aucune relève'}.`);
  const parsed = await Promise.all(reading.sources.map((source) => parseMessage(source)));
  const statuses = parsed.flatMap((m) => m.deliveryStatus?.recipients.map((r) => r.status) ?? []);
  assert.ok(statuses.includes(status), `Aucun avis de non-remise de code ${status} dans la boîte de ${label} (codes lus : ${statuses.join(', ') || 'aucun'}).`);
});

Then('la connexion IMAP de {acteur} est refusée', function (this: HarnessWorld, label: string) {
  const reading = this.notebook.lastMailboxReading;
  assert.ok(reading && !reading.ok, `La connexion IMAP de ${label} aurait dû être refusée ; elle a réussi.`);
});
