import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BOUNCE_REASONS, bounceReasonLabel, FAILURE_REASONS } from './bounce-reasons.ts';

const ADDR = '146026322000197@patient.mssante.fr';
const PREFIX = `Le message que vous avez envoyé à l'adresse « ${ADDR} » n'a pas pu être distribué, car`;

describe('BOUNCE_REASONS (REG-ANR-03)', () => {
  const expected: Array<[keyof typeof BOUNCE_REASONS, string, string, string]> = [
    ['patient-no-profile', '5.1.1', 'Message non distribué', `${PREFIX} cette adresse Mon espace santé n'existe pas.`],
    ['patient-opposed', '5.1.1', 'Message non distribué', `${PREFIX} cette adresse Mon espace santé n'existe pas.`],
    ['patient-closed', '5.2.1', 'Message non distribué', `${PREFIX} la messagerie Mon espace santé de votre destinataire est clôturée.`],
    ['patient-invalid-address', '5.1.3', 'Message non distribué', `${PREFIX} cette adresse Mon espace santé est invalide.`],
    ['patient-too-large', '5.3.4', 'Undelivered Mail Returned to Sender', `${PREFIX} sa taille dépasse la limite de 25 Mo acceptée par Mon espace santé.`],
    ['unknown-mailbox', '5.1.1', 'Message non distribué', `${PREFIX} cette boîte aux lettres MSSanté n'existe pas.`],
  ];

  it('covers exactly the six reasons', () => {
    assert.deepEqual(Object.keys(BOUNCE_REASONS).sort(), expected.map(([reason]) => reason).sort());
  });

  for (const [reason, status, subject, sentence] of expected) {
    it(`${reason}: ${status}, « ${subject} », the guide's sentence`, () => {
      const description = BOUNCE_REASONS[reason];
      assert.equal(description.status, status);
      assert.equal(description.subject, subject);
      assert.equal(description.sentence(ADDR), sentence);
    });
  }
});

describe('FAILURE_REASONS: one row per reason, with its diagnostic, refusal and UI label', () => {
  it('adds the domain outside the trust space to the six bounce reasons', () => {
    assert.deepEqual(Object.keys(FAILURE_REASONS).sort(), [...Object.keys(BOUNCE_REASONS), 'outside-trust-space'].sort());
    assert.equal(FAILURE_REASONS['outside-trust-space'].status, '5.7.1');
    assert.equal(FAILURE_REASONS['outside-trust-space'].sentence(ADDR), `${PREFIX} ce domaine n'appartient pas à l'espace de confiance MSSanté.`);
  });

  it('diagnostics are short ASCII texts with the reply code of the status', () => {
    for (const [reason, description] of Object.entries(FAILURE_REASONS)) {
      assert.match(description.diagnostic.text, /^[\x20-\x7e]+$/, reason);
      assert.equal(description.diagnostic.code, { '5.1.3': 553, '5.3.4': 552 }[description.status] ?? 550, reason);
    }
    assert.deepEqual(BOUNCE_REASONS['patient-closed'].diagnostic, { code: 550, text: 'Mon espace sante: mailbox closed' });
  });

  it('the UI label of a sentence is « car » and its cause; other texts stay whole', () => {
    assert.equal(bounceReasonLabel(BOUNCE_REASONS['patient-closed'].sentence(ADDR)), 'car la messagerie Mon espace santé de votre destinataire est clôturée.');
    assert.equal(bounceReasonLabel(FAILURE_REASONS['outside-trust-space'].sentence('a@b.fr')), FAILURE_REASONS['outside-trust-space'].label);
    assert.equal(bounceReasonLabel('Domaine hors liste blanche'), 'Domaine hors liste blanche');
    assert.equal(bounceReasonLabel(`${PREFIX} autre chose.`), `${PREFIX} autre chose.`);
  });
});
