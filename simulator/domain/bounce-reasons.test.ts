import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BOUNCE_REASONS } from './bounce-reasons.ts';

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
