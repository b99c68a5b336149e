import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConversationBook } from './conversation-book.ts';
import type { ProfessionalMessage } from './conversation.ts';
import { createTrustSpaceView } from './create-trust-space-view.ts';
import { ADDR, INS, SAMPLE } from './testing/sample-trust-space.ts';

const view = createTrustSpaceView(SAMPLE);
const LOUISE = `${INS.louise}@patient.mssante.fr`;
const T0 = new Date('2025-05-01T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let book: ConversationBook;
let sequence: number;
beforeEach(() => {
  book = new ConversationBook();
  sequence = 0;
});

/** Records a professional message to Louise (by default) and returns its store id. */
function send(from: string, extra: Partial<ProfessionalMessage> = {}) {
  sequence += 1;
  const storeId = extra.storeId ?? `m${sequence}`;
  const outcome = book.recordProfessionalMessage({ patientIns: INS.louise, from, replyTo: [], subject: 'Suivi', storeId, messageId: `${storeId}@test`, at: at(sequence), ...extra }, view);
  return { storeId, outcome };
}
const reply = (storeId: string, patientIns: string = INS.louise) => book.checkPatientReply({ patientIns, storeId }, view);
const write = (to: string, patientIns: string = INS.louise) => book.checkPatientWrite({ patientIns, to }, view);
const code = (verdict: { allowed: boolean; refusal?: { code: string } }) => (verdict.allowed ? 'allowed' : verdict.refusal?.code);

describe('recordProfessionalMessage', () => {
  it('starts a conversation, then appends to it while it is open', () => {
    const first = send(ADDR.tilleuls);
    const second = send('Pharmacie.Tilleuls@OPERATEUR-A.test');
    assert.deepEqual(first.outcome, { conversationId: 'conv-1', counterpart: ADDR.tilleuls, started: true, closed: false, replyable: true });
    assert.deepEqual(second.outcome, { conversationId: 'conv-1', counterpart: ADDR.tilleuls, started: false, closed: false, replyable: true });
    assert.deepEqual(book.conversation('conv-1'), {
      id: 'conv-1',
      patientIns: INS.louise,
      counterpart: ADDR.tilleuls,
      state: 'open',
      startedAt: at(1),
      entries: [
        { storeId: 'm1', messageId: 'm1@test', inReplyTo: undefined, direction: 'to-patient', from: ADDR.tilleuls, subject: 'Suivi', replyable: true, at: at(1) },
        { storeId: 'm2', messageId: 'm2@test', inReplyTo: undefined, direction: 'to-patient', from: ADDR.tilleuls, subject: 'Suivi', replyable: true, at: at(2) },
      ],
    });
  });

  it('keeps one conversation per counterpart', () => {
    send(ADDR.tilleuls);
    const martin = send(ADDR.martin);
    assert.equal(martin.outcome.conversationId, 'conv-2');
    assert.deepEqual(book.conversationsOf(INS.louise).map((c) => c.counterpart), [ADDR.tilleuls, ADDR.martin]);
  });

  it('keys patients by upper-case INS (2a → 2A)', () => {
    const { outcome } = send(ADDR.martin, { patientIns: INS.corse.toLowerCase() });
    assert.equal(book.conversation(outcome.conversationId)?.patientIns, INS.corse);
    assert.equal(book.conversationsOf(INS.corse.toLowerCase()).length, 1);
  });
});

describe('Reply-To routing (REG-MES-05)', () => {
  it('sends replies to the Reply-To address, which becomes the contact instead of the sender', () => {
    const { storeId, outcome } = send(ADDR.martin, { replyTo: [ADDR.secretariat] });
    assert.equal(outcome.counterpart, ADDR.secretariat);
    assert.deepEqual(reply(storeId), { allowed: true, to: ADDR.secretariat, conversationId: 'conv-1' });
    assert.deepEqual(write(ADDR.secretariat), { allowed: true, to: ADDR.secretariat, conversationId: 'conv-1' });
    assert.equal(code(write(ADDR.martin)), 'nominative-mailbox-not-in-contact');
  });

  it('falls back to From when Reply-To is outside the trust space', () => {
    const { storeId } = send(ADDR.martin, { replyTo: ['secretariat@gmail.test'] });
    assert.deepEqual(reply(storeId), { allowed: true, to: ADDR.martin, conversationId: 'conv-1' });
  });

  it('names the [FIN] sender, not the Reply-To, when the exchange is closed', () => {
    const { storeId } = send(ADDR.martin, { replyTo: [ADDR.secretariat] });
    send(ADDR.martin, { replyTo: [ADDR.secretariat], subject: '[FIN]' });
    const verdict = reply(storeId);
    assert.equal(!verdict.allowed && verdict.refusal.text, 'Dr Paul Martin a mis fin à vos échanges : vous ne pouvez plus lui répondre.');
  });
});

describe('[FIN] closes the whole conversation (REG-FIN-01)', () => {
  it('refuses replies to every message of it, the [FIN] one included', () => {
    const earlier = send(ADDR.tilleuls);
    const fin = send(ADDR.tilleuls, { subject: '[FIN]' });
    assert.deepEqual(fin.outcome, { conversationId: 'conv-1', counterpart: ADDR.tilleuls, started: false, closed: true, replyable: true });
    const conversation = book.conversation('conv-1');
    assert.equal(conversation?.state, 'closed');
    assert.equal(conversation?.closedBy, fin.storeId);
    assert.equal(conversation?.closedByAddress, ADDR.tilleuls);
    assert.deepEqual(conversation?.closedAt, at(2));
    const expected = { allowed: false, refusal: { code: 'conversation-closed', text: 'Pharmacie des Tilleuls a mis fin à vos échanges : vous ne pouvez plus lui répondre.' } };
    assert.deepEqual(reply(earlier.storeId), expected);
    assert.deepEqual(reply(fin.storeId), expected);
  });

  it('removes a nominative counterpart from the contacts', () => {
    send(ADDR.martin);
    assert.equal(code(write(ADDR.martin)), 'allowed');
    send(ADDR.martin, { subject: '[FIN]' });
    assert.equal(code(write(ADDR.martin)), 'nominative-mailbox-not-in-contact');
    assert.deepEqual(book.contactableBy(INS.louise, view).map((c) => c.address), [ADDR.tilleuls]);
  });

  for (const subject of ['RE: [FIN]', 'Re: [FIN]', '[fin]', '[FIN] ', ' [FIN]']) {
    it(`does not close on ${JSON.stringify(subject)}`, () => {
      const { storeId, outcome } = send(ADDR.martin, { subject });
      assert.equal(outcome.closed, false);
      assert.equal(book.conversation(outcome.conversationId)?.state, 'open');
      assert.deepEqual(reply(storeId), { allowed: true, to: ADDR.martin, conversationId: outcome.conversationId });
    });
  }

  it('lets the professional write again: a new conversation the patient may answer', () => {
    const old = send(ADDR.martin);
    send(ADDR.martin, { subject: '[FIN]' });
    const again = send(ADDR.martin);
    assert.equal(again.outcome.started, true);
    assert.equal(again.outcome.conversationId, 'conv-2');
    assert.deepEqual(reply(again.storeId), { allowed: true, to: ADDR.martin, conversationId: 'conv-2' });
    assert.equal(code(reply(old.storeId)), 'conversation-closed');
    assert.deepEqual(book.all().map((c) => c.state), ['closed', 'open']);
  });

  it('closes a conversation started by the [FIN] message itself', () => {
    const { storeId, outcome } = send(ADDR.martin, { subject: '[FIN]' });
    assert.deepEqual([outcome.started, outcome.closed], [true, true]);
    assert.equal(code(reply(storeId)), 'conversation-closed');
  });
});

describe('X-MSS-MES: FIN marks one message (SC.MSS/CONF.21)', () => {
  it('refuses a reply to that message only; the conversation stays open', () => {
    const before = send(ADDR.martin);
    const marked = send(ADDR.martin, { xMssMes: 'FIN' });
    const after = send(ADDR.martin);
    assert.equal(marked.outcome.replyable, false);
    assert.equal(marked.outcome.closed, false);
    assert.deepEqual(reply(marked.storeId), { allowed: false, refusal: { code: 'message-not-replyable', text: 'Ce message n\'autorise pas la réponse.' } });
    assert.equal(code(reply(before.storeId)), 'allowed');
    assert.equal(code(reply(after.storeId)), 'allowed');
    assert.equal(book.conversation('conv-1')?.state, 'open');
    assert.deepEqual(write(ADDR.martin), { allowed: true, to: ADDR.martin, conversationId: 'conv-1' });
  });

  it('tolerates surrounding whitespace but not another case', () => {
    assert.equal(send(ADDR.martin, { xMssMes: ' FIN ' }).outcome.replyable, false);
    assert.equal(send(ADDR.martin, { xMssMes: 'fin' }).outcome.replyable, true);
  });
});

describe('re-engagement after [FIN] (REG-FIN-03)', () => {
  it('allows the frequented pharmacy ORG mailbox, refuses its pharmacist PER mailbox', () => {
    send(ADDR.tilleuls);
    send(ADDR.tilleuls, { subject: '[FIN]' });
    send(ADDR.camille);
    send(ADDR.camille, { subject: '[FIN]' });
    assert.deepEqual(write(ADDR.tilleuls), { allowed: true, to: ADDR.tilleuls });
    assert.equal(code(write(ADDR.camille)), 'nominative-mailbox-not-in-contact');
    const recorded = book.recordPatientMessage({ patientIns: INS.louise, to: ADDR.tilleuls, storeId: 'p1', subject: 'Ordonnance', at: at(10) });
    assert.deepEqual(recorded, { conversationId: 'conv-3', started: true });
    assert.deepEqual(write(ADDR.tilleuls), { allowed: true, to: ADDR.tilleuls, conversationId: 'conv-3' });
  });
});

describe('checkPatientReply refusals', () => {
  it('unknown-message for an unknown store id, another patient\'s message, or the patient\'s own message', () => {
    const { storeId } = send(ADDR.martin, { patientIns: INS.corse });
    book.recordPatientMessage({ patientIns: INS.louise, to: ADDR.tilleuls, storeId: 'own', at: at(5) });
    for (const id of ['nope', storeId, 'own']) {
      assert.deepEqual(reply(id), { allowed: false, refusal: { code: 'unknown-message', text: 'Ce message est introuvable dans votre messagerie Mon espace santé : impossible d\'y répondre.' } });
    }
  });

  it('unknown-patient and patient-profile-not-active', () => {
    const { storeId } = send(ADDR.martin, { patientIns: INS.closed });
    assert.deepEqual(reply(storeId, INS.closed), { allowed: false, refusal: { code: 'patient-profile-not-active', text: 'Votre messagerie Mon espace santé n\'est pas active : vous ne pouvez ni écrire ni répondre.' } });
    assert.equal(code(reply(storeId, INS.unknown)), 'unknown-patient');
  });
});

describe('checkPatientWrite refusals (REG-MES-03, REG-MES-04)', () => {
  const cases: Array<[string, string, string]> = [
    ['another patient', `${INS.corse}@patient.mssante.fr`, 'recipient-is-a-patient'],
    ['the auto-reply mailbox', 'reponse.automatique-test@patient.mssante.fr', 'recipient-is-a-patient'],
    ['herself', LOUISE, 'recipient-is-a-patient'],
    ['an address outside the trust space', 'docteur@gmail.test', 'outside-trust-space'],
    ['a simulated domain absent from the whitelist', ADDR.hidden, 'outside-trust-space'],
    ['a malformed address', 'pas une adresse', 'outside-trust-space'],
    ['a pharmacy she never went to', ADDR.port, 'pharmacy-not-frequented'],
    ['a pharmacist who never wrote', ADDR.camille, 'nominative-mailbox-not-in-contact'],
    ['a CAB mailbox', ADDR.cabinet, 'nominative-mailbox-not-in-contact'],
    ['an APP mailbox', ADDR.dpi, 'not-a-pharmacy-organisational-mailbox'],
    ['a hospital ORG mailbox', ADDR.urgences, 'not-a-pharmacy-organisational-mailbox'],
    ['an unknown mailbox of a whitelisted domain', 'inconnu@operateur-b.test', 'unknown-mailbox'],
  ];
  for (const [what, to, expected] of cases) {
    it(`refuses ${what} (${expected})`, () => {
      assert.equal(code(write(to)), expected);
    });
  }

  it('refuses unknown and non-active patients first', () => {
    assert.deepEqual(write(ADDR.tilleuls, INS.unknown), {
      allowed: false,
      refusal: { code: 'unknown-patient', text: `Aucun profil Mon espace santé ne correspond au matricule INS « ${INS.unknown} ».` },
    });
    assert.equal(code(write(ADDR.tilleuls, INS.opposed)), 'patient-profile-not-active');
    assert.equal(code(write(ADDR.tilleuls, INS.closed)), 'patient-profile-not-active');
  });

  it('allows any mailbox type that wrote first, whatever the case of the address', () => {
    send(ADDR.dpi);
    assert.deepEqual(write('DPI@Operateur-B.test'), { allowed: true, to: ADDR.dpi, conversationId: 'conv-1' });
  });
});

describe('recordPatientMessage', () => {
  it('joins the conversation of a reply, then the professional answer joins it too', () => {
    const { storeId } = send(ADDR.tilleuls);
    const permission = reply(storeId);
    assert.equal(permission.allowed, true);
    const recorded = book.recordPatientMessage({ patientIns: INS.louise, to: ADDR.tilleuls, storeId: 'p1', messageId: 'p1@test', inReplyTo: `${storeId}@test`, subject: 'Re: Suivi', at: at(9) });
    assert.deepEqual(recorded, { conversationId: 'conv-1', started: false });
    assert.deepEqual(book.conversation('conv-1')?.entries.at(-1), {
      storeId: 'p1', messageId: 'p1@test', inReplyTo: 'm1@test', direction: 'from-patient', from: LOUISE, subject: 'Re: Suivi', replyable: false, at: at(9),
    });
  });

  it('starts a conversation with a pharmacy, which the pharmacy answer continues', () => {
    assert.deepEqual(book.recordPatientMessage({ patientIns: INS.louise, to: ADDR.tilleuls, storeId: 'p1', at: at(1) }), { conversationId: 'conv-1', started: true });
    assert.equal(send(ADDR.tilleuls).outcome.conversationId, 'conv-1');
  });
});

describe('contactableBy', () => {
  it('lists open conversations first, then frequented pharmacies, without duplicates', () => {
    send(ADDR.martin, { replyTo: [ADDR.secretariat] });
    send(ADDR.tilleuls);
    send(ADDR.dpi);
    send(ADDR.dpi, { subject: '[FIN]' });
    assert.deepEqual(book.contactableBy(INS.louise, view), [
      { address: ADDR.secretariat, displayName: 'Secrétariat du cabinet des Lilas', via: 'open-conversation', conversationId: 'conv-1' },
      { address: ADDR.tilleuls, displayName: 'Pharmacie des Tilleuls', via: 'open-conversation', conversationId: 'conv-2' },
    ]);
  });

  it('lists frequented pharmacies when nobody wrote', () => {
    assert.deepEqual(book.contactableBy(INS.louise, view), [{ address: ADDR.tilleuls, displayName: 'Pharmacie des Tilleuls', via: 'frequented-pharmacy' }]);
    assert.deepEqual(book.contactableBy(INS.corse, view), []);
  });

  it('is empty for non-active or unknown patients', () => {
    assert.deepEqual(book.contactableBy(INS.opposed, view), []);
    assert.deepEqual(book.contactableBy(INS.unknown, view), []);
  });
});

describe('queries and clear', () => {
  it('returns copies that callers cannot use to change the book', () => {
    send(ADDR.martin);
    const copy = book.conversation('conv-1');
    (copy?.entries as unknown[]).push('intrus');
    assert.equal(book.conversation('conv-1')?.entries.length, 1);
    assert.equal(book.conversation('conv-9'), undefined);
    assert.deepEqual(book.conversationsOf(INS.unknown), []);
  });

  it('clear forgets everything and restarts ids', () => {
    const { storeId } = send(ADDR.martin);
    book.clear();
    assert.deepEqual(book.all(), []);
    assert.equal(code(reply(storeId)), 'unknown-message');
    assert.equal(code(write(ADDR.martin)), 'nominative-mailbox-not-in-contact');
    assert.equal(send(ADDR.martin).outcome.conversationId, 'conv-1');
  });
});
