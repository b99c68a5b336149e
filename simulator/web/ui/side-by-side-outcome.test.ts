// The pure part of the side by side demonstrations (src/side-by-side/step-outcome.ts), run under
// Node: which flow entry tells what became of a message just sent, and its French outcome line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isOutcomeOf, outcomeOfEntry } from './src/side-by-side/step-outcome.ts';
import type { FlowEntry } from './src/types.ts';

const PHARMACY = 'pharmacie.duparc@pharmacien.mssante.fr';
const LOUISE = '284034912304586@patient.mssante.fr';
const GERARD = '152114908701235@patient.mssante.fr';
const NAMES: Record<string, string> = { [PHARMACY]: 'Pharmacie du Parc', [LOUISE]: 'Louise Marchand, patiente', [GERARD]: 'Gérard Lambert, patient' };
const label = (address: string) => NAMES[address] ?? address;
const entry = (fields: Partial<FlowEntry>): FlowEntry => ({ id: 'f-000001', at: '2026-12-03T10:00:00.000Z', kind: 'delivered', from: PHARMACY, to: [LOUISE], subject: 'Votre traitement est prêt', ...fields });

test("a step's outcome is its own entry, or a bounce or RCPT refusal addressed to it; never a receipt or someone else's message", () => {
  assert.equal(isOutcomeOf(entry({}), PHARMACY), true);
  assert.equal(isOutcomeOf(entry({ kind: 'bounced', from: 'mailer-daemon@patient.mssante.fr', to: [PHARMACY] }), PHARMACY), true);
  assert.equal(isOutcomeOf(entry({ kind: 'refused-at-rcpt', to: [PHARMACY] }), PHARMACY), true);
  assert.equal(isOutcomeOf(entry({ kind: 'receipt', from: 'mailer-daemon@patient.mssante.fr', to: [PHARMACY] }), PHARMACY), false);
  assert.equal(isOutcomeOf(entry({ kind: 'receipt' }), PHARMACY), false);
  assert.equal(isOutcomeOf(entry({ from: LOUISE, to: [PHARMACY] }), PHARMACY), false);
  assert.equal(isOutcomeOf(entry({ kind: 'patient-refused', from: LOUISE, to: [PHARMACY] }), LOUISE), true);
});

test('the outcome line says what the trust space did, with names and its own sentences', () => {
  assert.deepEqual(outcomeOfEntry(entry({}), label), { meaning: 'delivered', sentence: '« Votre traitement est prêt » remis à Louise Marchand, patiente.' });
  assert.deepEqual(outcomeOfEntry(entry({ subject: '[FIN]', closesConversation: true }), label), { meaning: 'closed', sentence: '« [FIN] » remis à Louise Marchand, patiente (échange clos par « [FIN] »).' });
  assert.deepEqual(outcomeOfEntry(entry({ from: LOUISE, to: [PHARMACY], subject: 'Mon ordonnance', fromPatient: true }), label), { meaning: 'delivered', sentence: '« Mon ordonnance » remis à Pharmacie du Parc (écrit par le patient).' });
  const reason = `Le message que vous avez envoyé à l'adresse « ${GERARD} » n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.`;
  assert.deepEqual(outcomeOfEntry(entry({ kind: 'bounced', from: 'mailer-daemon@patient.mssante.fr', to: [PHARMACY], originalRecipient: GERARD, status: '5.1.1', reason }), label), {
    meaning: 'bounced',
    sentence: "Avis de non-remise reçu (5.1.1) : Non distribué à Gérard Lambert, patient, car cette adresse Mon espace santé n'existe pas.",
  });
  assert.deepEqual(outcomeOfEntry(entry({ kind: 'patient-refused', from: LOUISE, to: [PHARMACY], reason: 'Vous ne pouvez plus répondre.' }), label), { meaning: 'refused', sentence: 'Refusé par Mon espace santé, le message ne part pas : « Vous ne pouvez plus répondre. »' });
});
