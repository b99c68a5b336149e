import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PATIENT_REFUSAL_CODES, patientRefusal } from './patient-refusals.ts';

describe('patientRefusal (REG-MES-04)', () => {
  it('names the professional who ended the exchange (app wording, REG-MES-04)', () => {
    assert.deepEqual(patientRefusal('conversation-closed', { name: 'Pharmacie des Tilleuls' }), {
      code: 'conversation-closed',
      text: 'Pharmacie des Tilleuls a mis fin à vos échanges : vous ne pouvez plus lui répondre.',
    });
  });

  it('falls back to the address, then to « Ce professionnel »', () => {
    assert.equal(patientRefusal('conversation-closed', { address: 'a@b.test' }).text, 'a@b.test a mis fin à vos échanges : vous ne pouvez plus lui répondre.');
    assert.equal(patientRefusal('conversation-closed').text, 'Ce professionnel a mis fin à vos échanges : vous ne pouvez plus lui répondre.');
  });

  it('uses the app wording for a non-replyable message', () => {
    assert.equal(patientRefusal('message-not-replyable').text, 'Ce message n\'autorise pas la réponse.');
  });

  it('says which pharmacy was not frequented', () => {
    assert.equal(
      patientRefusal('pharmacy-not-frequented', { name: 'Pharmacie du Port' }).text,
      'Vous ne pouvez écrire qu\'aux pharmacies que vous avez déjà fréquentées : Pharmacie du Port n\'en fait pas partie.',
    );
  });

  it('explains who a patient may write to', () => {
    assert.equal(
      patientRefusal('nominative-mailbox-not-in-contact', { name: 'Camille Bernard' }).text,
      'Camille Bernard ne vous a pas écrit, ou a mis fin à vos échanges : vous pouvez uniquement écrire aux professionnels qui vous ont déjà écrit et qui n\'ont pas mis fin aux échanges, ou aux pharmacies que vous fréquentez.',
    );
  });

  it('quotes the address written to', () => {
    assert.equal(
      patientRefusal('recipient-is-a-patient', { address: '146026322000196@patient.mssante.fr' }).text,
      '« 146026322000196@patient.mssante.fr » est l\'adresse Mon espace santé d\'un patient : un patient ne peut pas écrire à un autre patient.',
    );
    assert.equal(
      patientRefusal('outside-trust-space', { address: 'a@gmail.test' }).text,
      '« a@gmail.test » n\'appartient pas à l\'espace de confiance MSSanté : Mon espace santé ne peut pas y envoyer de message.',
    );
    assert.equal(patientRefusal('unknown-patient', { ins: '146026322000196' }).text, 'Aucun profil Mon espace santé ne correspond au matricule INS « 146026322000196 ».');
  });

  it('has a French, non-empty, distinct text for every code', () => {
    assert.equal(PATIENT_REFUSAL_CODES.length, 11);
    const texts = PATIENT_REFUSAL_CODES.map((code) => patientRefusal(code, { name: 'N', address: 'a@b.test', ins: 'I' }).text);
    assert.equal(new Set(texts).size, 11);
    for (const text of texts) assert.match(text, /^[«A-Z].*\.$/u);
  });
});
