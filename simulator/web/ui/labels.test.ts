// The pure parts of the web UI (src/labels.ts, header-notes.ts, flow-query.ts), run
// under Node: French wording of flow entries and conversation states, X-MSS-* explanations,
// the /api/flow query.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flowQuery, hasFilters } from './src/flow-query.ts';
import { headerNote } from './src/header-notes.ts';
import { compactReason, conversationStateLabel } from './src/labels.ts';
import type { ConversationSnapshot } from './src/types.ts';


test('conversation states: ouverte, close par « [FIN] », non répondable messages counted', () => {
  const entry = { storeId: 's1', direction: 'to-patient' as const, replyable: true, at: '2025-01-01T10:00:00.000Z' };
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
  assert.deepEqual(headerNote('Received', 'from x').mss, false);
  assert.match(headerNote('Received', 'from x').note ?? '', /Trace d'acheminement.*RFC 5321 §4\.4/);
  assert.match(headerNote('Return-Path', '<>').note ?? '', /vide : avis de non-remise/);
  assert.match(headerNote('Return-Path', '<a@b.fr>').note ?? '', /MAIL FROM/);
  assert.deepEqual(headerNote('Date', 'x'), { mss: false });
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
