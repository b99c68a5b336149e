// The simulated Mon espace santé (REG-MES, REG-FIN) over the real router, store and
// ConversationBook on the default fixtures: Louise (active, frequents the Pharmacie du Parc).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMessage } from '../../protocols/mime/parse-message.ts';
import type { StoredMessage } from '../store/stored-message.ts';
import { ADDRESSES as A, createRoutingFixture, incoming, NOW, type MailSpec, type RoutingFixture } from '../routing/testing/routing-fixture.ts';
import { AUTO_REPLY_TEXT, patientDisplayName } from './patient-mail-texts.ts';

const INS = A.louiseIns;

/** A professional's message to Louise, routed as if received from a peer; Louise's copy. */
function toLouise(f: RoutingFixture, spec: Omit<MailSpec, 'to'>): StoredMessage {
  const outcome = f.router.route(incoming({ to: [A.louise], ...spec })).recipients[0];
  assert.equal(outcome?.outcome, 'delivered');
  return f.store.get(outcome.outcome === 'delivered' ? outcome.storedId : '')!;
}

const NOMINATIVE_REFUSAL = (name: string) =>
  `${name} ne vous a pas écrit, ou a mis fin à vos échanges : vous pouvez uniquement écrire aux professionnels qui vous ont déjà écrit et qui n'ont pas mis fin aux échanges, ou aux pharmacies que vous fréquentez.`;

test("a professional's message to an active patient opens a conversation (REG-MES-02)", async () => {
  const f = await createRoutingFixture();
  const copy = toLouise(f, { from: A.drMartin, subject: 'Votre traitement', messageId: 'pro-1@ch-valbrume.mssante.fr' });
  assert.deepEqual(f.mes.conversations(INS), [
    {
      id: 'conv-1',
      patientIns: INS,
      counterpart: A.drMartin,
      state: 'open',
      entries: [{ storeId: copy.id, messageId: 'pro-1@ch-valbrume.mssante.fr', direction: 'to-patient', from: 'paul.martin@ch-valbrume.mssante.fr', subject: 'Votre traitement', replyable: true, at: NOW.toISOString() }],
    },
  ]);
  assert.deepEqual(f.mes.conversations(), f.mes.conversations(INS));
  assert.deepEqual(f.mes.contactable(INS), [A.drMartin, A.pharmacieDuParc]);
});

test('the patient reply reaches the professional, threaded, with a Sent copy in the patient mailbox (MSS/va1.08)', async () => {
  const f = await createRoutingFixture();
  const original = toLouise(f, { from: A.drMartin, subject: 'Votre traitement', messageId: 'pro-2@ch-valbrume.mssante.fr', headers: { References: '<earlier@ch-valbrume.mssante.fr>' } });
  const result = await f.mes.reply({ ins: INS, messageId: original.id, text: 'Merci docteur' });

  const received = f.store.list(A.drMartin);
  assert.equal(received.length, 1);
  assert.deepEqual(result, { accepted: true, storeId: received[0]!.id, deliveredTo: A.drMartin, conversationId: 'conv-1' });
  const parsed = await parseMessage(received[0]!.raw);
  assert.equal(parsed.inReplyTo, 'pro-2@ch-valbrume.mssante.fr');
  assert.deepEqual(parsed.references, ['earlier@ch-valbrume.mssante.fr', 'pro-2@ch-valbrume.mssante.fr']);
  assert.equal(parsed.subject, 'RE: Votre traitement');
  assert.equal(parsed.text?.trim(), 'Merci docteur');
  assert.deepEqual(parsed.from, [{ name: 'Louise MARCHAND', address: A.louise }]);
  assert.deepEqual(received[0]!.envelope, { mailFrom: A.louise, rcptTo: [A.drMartin] });
  assert.equal(received[0]!.ingress, 'simulator');

  const sent = f.store.list(A.louise, { folder: 'Sent' });
  assert.equal(sent.length, 1);
  assert.deepEqual(Buffer.concat([Buffer.from(`Return-Path: <${A.louise}>\r\n`), sent[0]!.raw]), received[0]!.raw, 'the Sent copy is the message that was routed; the delivered copy adds its Return-Path');
  assert.deepEqual(sent[0]!.envelope, { mailFrom: A.louise, rcptTo: [A.drMartin] });
  assert.deepEqual(
    f.mes.conversations(INS)[0]!.entries.map((e) => [e.direction, e.storeId, e.messageId]),
    [['to-patient', original.id, 'pro-2@ch-valbrume.mssante.fr'], ['from-patient', sent[0]!.id, parsed.messageId]],
  );
  assert.match(parsed.messageId ?? '', /@patient\.mssante\.fr$/);
  assert.deepEqual(f.mes.refusals(), []);
});

test('a refused action is recorded with its French text, and nothing is delivered (REG-MES-04)', async () => {
  const f = await createRoutingFixture();
  const result = await f.mes.write({ ins: INS, to: A.drMartin, subject: 'Question', text: 'Bonjour' });
  const refusal = { code: 'nominative-mailbox-not-in-contact', message: NOMINATIVE_REFUSAL('Dr Paul Martin') };
  assert.deepEqual(result, { accepted: false, refusal });
  assert.deepEqual(f.mes.refusals(), [{ at: NOW, ins: INS, action: 'write', target: A.drMartin, refusal }]);
  assert.equal(f.store.count(), 0);
  assert.equal(f.transmissions.count(), 0);
});

test('after [FIN] the patient can no longer reply, and the professional leaves her contacts (REG-FIN-01)', async () => {
  const f = await createRoutingFixture();
  const first = toLouise(f, { from: A.drMartin, subject: 'Votre traitement' });
  const fin = toLouise(f, { from: A.drMartin, subject: '[FIN]' });
  const result = await f.mes.reply({ ins: INS, messageId: first.id, text: 'Encore une question' });
  const refusal = { code: 'conversation-closed', message: 'Dr Paul Martin a mis fin à vos échanges : vous ne pouvez plus lui répondre.' };
  assert.deepEqual(result, { accepted: false, refusal });
  assert.deepEqual(f.mes.refusals(), [{ at: NOW, ins: INS, action: 'reply', target: first.id, refusal }]);
  assert.equal(f.store.list(A.drMartin).length, 0, 'a refused reply never reaches the professional');
  assert.deepEqual(f.mes.conversations(INS).map((c) => [c.id, c.state, c.closedBy]), [['conv-1', 'closed', fin.id]]);
  assert.deepEqual(f.mes.contactable(INS), [A.pharmacieDuParc]);
});

test('X-MSS-MES: FIN makes that message non-replyable; the conversation stays open (SC.MSS/CONF.21)', async () => {
  const f = await createRoutingFixture();
  const message = toLouise(f, { from: A.drMartin, subject: 'Résultats disponibles', headers: { 'X-MSS-MES': 'FIN' } });
  const reply = await f.mes.reply({ ins: INS, messageId: message.id, text: 'Merci' });
  assert.deepEqual(reply, { accepted: false, refusal: { code: 'message-not-replyable', message: "Ce message n'autorise pas la réponse." } });
  const written = await f.mes.write({ ins: INS, to: A.drMartin, subject: 'Question', text: 'Bonjour docteur' });
  assert.equal(written.accepted, true);
  assert.deepEqual(written.accepted && [written.deliveredTo, written.conversationId], [A.drMartin, 'conv-1']);
  assert.equal(f.store.list(A.drMartin).length, 1);
  assert.deepEqual(f.mes.refusals().map((r) => r.refusal.code), ['message-not-replyable']);
});

test("after [FIN] the patient may write again to her pharmacy's ORG mailbox, never to the pharmacist's PER one (REG-FIN-03)", async () => {
  const f = await createRoutingFixture();
  const first = toLouise(f, { from: A.pharmacieDuParc, subject: 'Votre commande' });
  toLouise(f, { from: A.pharmacieDuParc, subject: '[FIN]' });
  assert.equal((await f.mes.reply({ ins: INS, messageId: first.id, text: 'Merci' })).accepted, false);

  const toOrg = await f.mes.write({ ins: INS, to: A.pharmacieDuParc, subject: 'Ordonnance', text: 'Voici mon ordonnance' });
  assert.deepEqual(toOrg.accepted && [toOrg.deliveredTo, toOrg.conversationId], [A.pharmacieDuParc, 'conv-2']);
  assert.deepEqual(f.store.list(A.pharmacieDuParc).map((m) => m.index.subject), ['Ordonnance']);

  const toPer = await f.mes.write({ ins: INS, to: A.camille, subject: 'Ordonnance', text: 'Voici mon ordonnance' });
  assert.deepEqual(toPer, { accepted: false, refusal: { code: 'nominative-mailbox-not-in-contact', message: NOMINATIVE_REFUSAL('Dr Camille Dupré') } });
  assert.equal(f.store.list(A.camille).length, 0);
});

test('Reply-To with an MSSanté address is honoured: the reply goes there (REG-MES-05)', async () => {
  const f = await createRoutingFixture();
  const message = toLouise(f, { from: A.drMartin, subject: 'Rendez-vous', headers: { 'Reply-To': `Secrétariat <${A.secretariat}>` } });
  const result = await f.mes.reply({ ins: INS, messageId: message.id, text: 'Mardi me convient' });
  assert.deepEqual(result.accepted && result.deliveredTo, A.secretariat);
  assert.equal(f.store.list(A.secretariat).length, 1);
  assert.equal(f.store.list(A.drMartin).length, 0);
  assert.equal(f.mes.conversations(INS)[0]!.counterpart, A.secretariat);
});

test('the auto-reply mailbox answers later, with a null sender, Auto-Submitted and In-Reply-To (REG-MES-06, RFC 3834)', async () => {
  const f = await createRoutingFixture();
  f.router.route(incoming({ from: A.drMartin, to: [A.autoReply], subject: 'Essai', messageId: 'essai-1@ch-valbrume.mssante.fr' }));
  assert.equal(f.store.list(A.drMartin).length, 0, 'asynchronous');
  await f.queue.drain();
  assert.deepEqual(f.errors, []);
  const answers = f.store.list(A.drMartin);
  assert.equal(answers.length, 1);
  assert.deepEqual(answers[0]!.envelope, { mailFrom: '', rcptTo: [A.drMartin] });
  assert.equal(answers[0]!.kind, 'message');
  const parsed = await parseMessage(answers[0]!.raw);
  assert.deepEqual(parsed.headers.find((h) => h.name.toLowerCase() === 'auto-submitted')?.value.trim(), 'auto-replied');
  assert.equal(parsed.inReplyTo, 'essai-1@ch-valbrume.mssante.fr');
  assert.deepEqual(parsed.references, ['essai-1@ch-valbrume.mssante.fr']);
  assert.equal(parsed.subject, 'RE: Essai');
  assert.deepEqual(parsed.from, [{ name: 'Mon espace santé — réponse automatique', address: A.autoReply }]);
  assert.equal(parsed.text?.trim(), AUTO_REPLY_TEXT);
  assert.equal(f.autoReplies.length, 1, 'the answer is not answered');
});

test('the auto-reply mailbox never answers a message whose envelope sender is null (RFC 3834 §2)', async () => {
  const f = await createRoutingFixture();
  f.router.route(incoming({ from: A.drMartin, to: [A.autoReply], envelope: { mailFrom: '' } }));
  assert.equal(f.autoReplies.length, 1, 'delivered to the test mailbox');
  assert.equal(f.queue.size, 0);
  assert.deepEqual(f.store.all().map((m) => m.mailbox), [A.autoReply]);
});

test('the auto-reply mailbox does not answer an automatic message (RFC 3834 §2: Auto-Submitted other than "no")', async () => {
  const f = await createRoutingFixture();
  f.router.route(incoming({ from: A.drMartin, to: [A.autoReply], headers: { 'Auto-Submitted': 'auto-generated' } }));
  await f.queue.drain();
  assert.equal(f.store.list(A.drMartin).length, 0);
});

test('a failing auto-reply goes to onError and nothing is routed', async () => {
  const f = await createRoutingFixture({ compose: () => Promise.reject(new Error('composition impossible')) });
  f.router.route(incoming({ from: A.drMartin, to: [A.autoReply] }));
  await f.queue.drain();
  assert.deepEqual(f.errors.map((e) => (e as Error).message), ['composition impossible']);
  assert.equal(f.transmissions.count(), 1);
});

test('the From display name of a patient message is « Prénom NOM » (SC.MSS/UX.31)', async () => {
  const f = await createRoutingFixture();
  const patient = f.view.patient('178042A00411701')!;
  assert.equal(patientDisplayName(patient), 'Paul-Antoine SANTONI');
  assert.equal(patientDisplayName(f.view.patient(INS)!), 'Louise MARCHAND');
  const result = await f.mes.write({ ins: INS, to: A.pharmacieDuParc, subject: 'Ordonnance', text: 'Bonjour' });
  assert.equal(result.accepted, true);
  const parsed = await parseMessage(f.store.list(A.louise, { folder: 'Sent' })[0]!.raw);
  assert.deepEqual(parsed.from, [{ name: 'Louise MARCHAND', address: A.louise }]);
});

test('a message from a patient address to a patient opens no conversation (REG-MES-02)', async () => {
  const f = await createRoutingFixture();
  toLouise(f, { from: A.paulAntoine, subject: 'Bonjour' });
  assert.deepEqual(f.mes.conversations(), []);
});

test('clear() forgets conversations and refusals', async () => {
  const f = await createRoutingFixture();
  const message = toLouise(f, { from: A.drMartin, subject: 'Votre traitement' });
  await f.mes.write({ ins: INS, to: A.camille, subject: 'Question', text: 'Bonjour' });
  assert.equal(f.mes.refusals().length, 1);
  f.mes.clear();
  assert.deepEqual(f.mes.conversations(), []);
  assert.deepEqual(f.mes.refusals(), []);
  assert.deepEqual(f.mes.contactable(INS), [A.pharmacieDuParc]);
  const reply = await f.mes.reply({ ins: INS, messageId: message.id, text: 'Merci' });
  assert.equal(reply.accepted === false && reply.refusal.code, 'unknown-message');
});
