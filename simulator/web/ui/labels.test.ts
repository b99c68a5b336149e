// The pure parts of the web UI (src/labels.ts, header-notes.ts, lanes.ts, flow-query.ts), run
// under Node: French wording of flow entries and conversation states, X-MSS-* explanations,
// sequence-diagram lanes, the /api/flow query.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flowQuery, hasFilters } from './src/flow-query.ts';
import { headerNote } from './src/header-notes.ts';
import { compactReason, conversationStateLabel, flowMarks, flowSentence, shortAddress } from './src/labels.ts';
import { Lanes } from './src/lanes.ts';
import type { ConversationSnapshot, FlowEntry } from './src/types.ts';

const BOUNCE: FlowEntry = {
  id: 'f2',
  at: '2025-01-01T10:00:00.000Z',
  kind: 'bounced',
  from: 'mailer-daemon@patient.mssante.fr',
  to: ['paul.martin@ch-valbrume.mssante.fr'],
  subject: 'Message non distribué',
  reason: 'cette adresse Mon espace santé n\'existe pas',
  status: '5.1.1',
};

test('a bounce reads as « avis de non-remise » with its French reason', () => {
  assert.equal(flowSentence(BOUNCE), 'avis de non-remise : de mailer-daemon@patient.mssante.fr à paul.martin@ch-valbrume.mssante.fr ; objet « Message non distribué » ; motif : cette adresse Mon espace santé n\'existe pas');
});

test('[FIN] and X-MSS-MES: FIN are marked on the flow entry (REG-FIN-01, REG-FIN-02)', () => {
  assert.deepEqual(flowMarks({ ...BOUNCE, kind: 'delivered', closesConversation: true, noReply: true }), ['conversation close par « [FIN] »', 'message non répondable']);
  assert.deepEqual(flowMarks(BOUNCE), []);
});

test('conversation states: ouverte, close par « [FIN] », non répondable messages counted', () => {
  const entry = { storeId: 's1', direction: 'to-patient' as const, replyable: true, at: BOUNCE.at };
  const open: ConversationSnapshot = { id: 'c1', patientIns: '284034912304586', counterpart: 'x@y', state: 'open', entries: [entry] };
  assert.equal(conversationStateLabel(open), 'ouverte');
  assert.equal(conversationStateLabel({ ...open, state: 'closed' }), 'close par « [FIN] »');
  assert.equal(conversationStateLabel({ ...open, entries: [{ ...entry, replyable: false }] }), 'ouverte ; 1 message non répondable');
});

test('X-MSS headers are highlighted and explained; X-MSS-MES other than FIN is flagged', () => {
  assert.deepEqual(headerNote('X-MSS-NIL', 'DEV935997').mss, true);
  assert.match(headerNote('x-mss-mes', 'FIN').note ?? '', /SC\.MSS\/CONF\.21/);
  assert.match(headerNote('X-MSS-MES', 'fin').note ?? '', /Valeur inattendue/);
  assert.match(headerNote('Subject', '[FIN]').note ?? '', /clôt toute la conversation/);
  assert.deepEqual(headerNote('Subject', 'RE: [FIN]'), { mss: false });
  assert.deepEqual(headerNote('Received', 'from x'), { mss: false });
});

test('lanes: one per domain, unknown domains and the empty sender in the outside lane', () => {
  const lanes = new Lanes([
    { id: 'a', name: 'A', domains: [{ name: 'patient.mssante.fr', description: '', whitelisted: true }] },
    { id: 'b', name: 'B', domains: [{ name: 'pharmacien.mssante.fr', description: '', whitelisted: true }, { name: 'hors.mssante.fr', description: '', whitelisted: false }] },
  ]);
  assert.deepEqual(lanes.all.map((l) => l.label), ['patient', 'pharmacien', 'hors', 'hors espace']);
  assert.equal(lanes.of('152114908701235@Patient.MSSante.fr'), 0);
  assert.equal(lanes.of('camille@pharmacien.mssante.fr'), 1);
  assert.equal(lanes.of('someone@gmail.com'), 3);
  assert.equal(lanes.of(''), 3);
  assert.equal(shortAddress('152114908701235@patient.mssante.fr'), '152114908701235');
});

test('the flow query carries the window and only the filters that are set', () => {
  assert.equal(flowQuery(200, 100, {}), '/api/flow?offset=200&limit=100');
  assert.equal(flowQuery(0, 50, { mailbox: 'a@b.fr', patient: '', scenario: 'S 1' }), '/api/flow?offset=0&limit=50&mailbox=a%40b.fr&scenario=S+1');
  assert.equal(hasFilters({ mailbox: '' }), false);
  assert.equal(hasFilters({ scenario: 'x' }), true);
});

test('a row shows the cause of the guide\'s bounce sentence; other reasons stay whole', () => {
  const sentence = 'Le message que vous avez envoyé à l\'adresse « 238067218103339@patient.mssante.fr » n\'a pas pu être distribué, car la messagerie Mon espace santé de votre destinataire est clôturée.';
  assert.equal(compactReason(sentence), 'car la messagerie Mon espace santé de votre destinataire est clôturée.');
  assert.equal(compactReason('Domaine hors liste blanche'), 'Domaine hors liste blanche');
});
