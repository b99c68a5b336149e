// Read receipts (MDN, RFC 8098; SC.MSS/UX.33, UX.34, REG-MSG-06): the user asks for one
// (`Disposition-Notification-To` to its own mailbox), and the client returns one when a message
// it fetched asks for it: a `multipart/report; report-type=disposition-notification` naming
// the original Message-ID, read from the traffic by the simulator's message reader.
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { addressKey, extractAddresses, parseMessage, reportType, sameAddress } from '../../simulator/public-api.ts';
import type { HarnessWorld } from '../support/world.ts';
import { professionalSends } from '../support/tasks.ts';
import { clientWrites } from './support/client-tasks.ts';
import { transmittedByClient } from './support/client-traffic.ts';

When('{acteur} écrit à {acteur} en demandant un accusé de lecture depuis son logiciel', async function (this: HarnessWorld, sender: string, recipient: string) {
  await clientWrites(this, sender, this.actor(recipient), { subject: 'Message avec accusé de lecture', requestReadReceipt: true });
});

Given('{acteur} a écrit à {acteur} « {texte} » en demandant un accusé de lecture', async function (this: HarnessWorld, sender: string, recipient: string, subject: string) {
  const from = this.actor(sender);
  await professionalSends(this, from, this.actor(recipient), { subject, headers: { 'Disposition-Notification-To': from.address } });
  assert.ok(this.notebook.lastSubmission?.accepted, `L'envoi de ${sender} a été refusé : ${this.notebook.lastSubmission?.response}.`);
});

Then('le message transmis par le logiciel demande un accusé de lecture à la boîte de {acteur}', function (this: HarnessWorld, label: string) {
  const expected = addressKey(this.actor(label).address);
  const last = transmittedByClient(this).at(-1);
  assert.ok(last, "Le simulateur n'a reçu aucun message du logiciel.");
  const asked = extractAddresses(last.index.dispositionNotificationTo ?? '').map(addressKey);
  assert.deepEqual(asked, [expected], `L'utilisateur a demandé un accusé de lecture : le message doit porter « Disposition-Notification-To: ${expected} » (SC.MSS/UX.33, RFC 8098 §2.1) ; reçu ${last.index.dispositionNotificationTo === undefined ? 'aucun en-tête' : `« ${last.index.dispositionNotificationTo} »`}.`);
});

Then('{acteur} reçoit du logiciel un accusé de lecture du message « {texte} »', async function (this: HarnessWorld, label: string, subject: string) {
  await this.space.settled();
  const original = this.notebook.lastSubmission?.accepted ? this.notebook.lastSubmission.messageId : undefined;
  assert.ok(original, `Le message « ${subject} » n'a pas été envoyé dans ce scénario.`);
  const toRecipient = transmittedByClient(this).filter((t) => t.envelope.rcptTo.some((r) => sameAddress(r, this.actor(label).address)));
  const reports = toRecipient.filter((t) => reportType(t.index.contentType) === 'disposition-notification');
  assert.ok(reports.length > 0, `Le message « ${subject} » demandait un accusé de lecture (Disposition-Notification-To) : le logiciel devait en renvoyer un à ${label}, un multipart/report; report-type=disposition-notification (SC.MSS/UX.34, RFC 8098 §3) ; il lui a envoyé ${toRecipient.length === 0 ? 'rien' : toRecipient.map((t) => `« ${t.index.subject} » (${t.index.contentType ?? 'text/plain'})`).join(', ')}.`);
  const readings = await Promise.all(reports.map(async (t) => (await parseMessage(t.raw)).dispositionNotification));
  const tied = readings.find((r) => r?.originalMessageId === original);
  assert.ok(tied, `L'accusé de lecture doit nommer le message lu : « Original-Message-ID: <${original}> » (RFC 8098 §3.2.5) ; reçu : ${readings.map((r) => (r?.originalMessageId ? `<${r.originalMessageId}>` : 'aucun')).join(', ')}.`);
  assert.ok(tied.disposition, "L'accusé de lecture n'a pas de champ « Disposition » (RFC 8098 §3.2.6).");
});
