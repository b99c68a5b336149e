import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonical, conversationCounterpart, isMssanteProfessionalAddress } from './conversation-counterpart.ts';
import { createTrustSpaceView } from './create-trust-space-view.ts';
import { ADDR, INS, SAMPLE } from './testing/sample-trust-space.ts';

const view = createTrustSpaceView(SAMPLE);

describe('conversationCounterpart (REG-MES-05, Reply-To honoured)', () => {
  it('is the From mailbox without Reply-To', () => {
    assert.equal(conversationCounterpart('Paul.Martin@operateur-a.test', [], view), ADDR.martin);
  });

  it('is the first Reply-To when it is an MSSanté address', () => {
    assert.equal(conversationCounterpart(ADDR.martin, ['Secretariat.Lilas@operateur-a.test'], view), ADDR.secretariat);
  });

  it('accepts a Reply-To at another whitelisted operator, even unknown to the directory', () => {
    assert.equal(conversationCounterpart(ADDR.dpi, ['accueil@operateur-b.test'], view), 'accueil@operateur-b.test');
  });

  it('ignores a Reply-To outside the trust space', () => {
    assert.equal(conversationCounterpart(ADDR.martin, ['secretariat@gmail.test'], view), ADDR.martin);
    assert.equal(conversationCounterpart(ADDR.martin, [ADDR.hidden], view), ADDR.martin);
  });

  it('ignores a Reply-To on the patient domain or malformed', () => {
    assert.equal(conversationCounterpart(ADDR.martin, [`${INS.corse}@patient.mssante.fr`], view), ADDR.martin);
    assert.equal(conversationCounterpart(ADDR.martin, ['pas une adresse'], view), ADDR.martin);
  });

  it('looks at the first Reply-To only (decision)', () => {
    assert.equal(conversationCounterpart(ADDR.martin, ['secretariat@gmail.test', ADDR.secretariat], view), ADDR.martin);
  });
});

describe('isMssanteProfessionalAddress', () => {
  it('is true for whitelisted professional domains only', () => {
    assert.equal(isMssanteProfessionalAddress(ADDR.urgences, view), true);
    assert.equal(isMssanteProfessionalAddress(`${INS.louise}@patient.mssante.fr`, view), false);
    assert.equal(isMssanteProfessionalAddress('a@gmail.test', view), false);
  });
});

describe('canonical', () => {
  it('normalises a valid address and lower-cases anything else', () => {
    assert.equal(canonical('290012a01234511@Patient.mssante.fr'), '290012A01234511@patient.mssante.fr');
    assert.equal(canonical('Pas Une Adresse'), 'pas une adresse');
  });
});
