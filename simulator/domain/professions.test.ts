import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isEntitledToNominativeMailbox, professionLabel, PROFESSIONS } from './professions.ts';

describe('professions (REG-ANN-11)', () => {
  const entitled: Array<[string, string]> = [
    ['10', 'Médecin'],
    ['21', 'Pharmacien'],
    ['40', 'Chirurgien-dentiste'],
    ['50', 'Sage-femme'],
    ['60', 'Infirmier'],
    ['70', 'Masseur-kinésithérapeute'],
    ['80', 'Pédicure-podologue'],
    ['91', 'Orthophoniste'],
  ];
  for (const [code, label] of entitled) {
    it(`${code} ${label} may hold a PER mailbox`, () => {
      assert.equal(isEntitledToNominativeMailbox(code), true);
      assert.equal(professionLabel(code), label);
    });
  }

  it('a transporteur sanitaire has no PER mailbox', () => {
    assert.equal(isEntitledToNominativeMailbox('TRANSPORTEUR_SANITAIRE'), false);
    assert.equal(professionLabel('TRANSPORTEUR_SANITAIRE'), 'Transporteur sanitaire (ambulancier)');
  });

  it('a medical secretary has no PER mailbox', () => {
    assert.equal(isEntitledToNominativeMailbox('SECRETAIRE_MEDICALE'), false);
    assert.equal(professionLabel('SECRETAIRE_MEDICALE'), 'Secrétaire médicale');
  });

  it('unknown codes are not entitled and have no label', () => {
    assert.equal(isEntitledToNominativeMailbox('99'), false);
    assert.equal(professionLabel('99'), undefined);
  });

  it('the table holds exactly the ten known codes', () => {
    assert.equal(PROFESSIONS.size, 10);
  });
});
