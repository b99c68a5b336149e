import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTrustSpaceView } from './create-trust-space-view.ts';
import { frequentedPharmacyMailboxes, newConversationVerdict, pharmacyOf } from './patient-write-permission.ts';
import { ADDR, INS, SAMPLE } from './testing/sample-trust-space.ts';

const view = createTrustSpaceView(SAMPLE);
const louise = view.patient(INS.louise)!;
const refusalCode = (address: string) => {
  const verdict = newConversationVerdict(louise, address, view);
  return verdict.allowed ? 'allowed' : verdict.refusal.code;
};

describe('newConversationVerdict (REG-MES-03 (b))', () => {
  it('allows the ORG mailbox of a frequented pharmacy', () => {
    assert.deepEqual(newConversationVerdict(louise, ADDR.tilleuls, view), { allowed: true });
  });

  it('refuses a pharmacy the patient never went to, naming it', () => {
    assert.deepEqual(newConversationVerdict(louise, ADDR.port, view), {
      allowed: false,
      refusal: {
        code: 'pharmacy-not-frequented',
        text: 'Vous ne pouvez écrire qu\'aux pharmacies que vous avez déjà fréquentées : Pharmacie du Port n\'en fait pas partie.',
      },
    });
  });

  it('refuses nominative mailboxes (PER and CAB), even the pharmacist of a frequented pharmacy', () => {
    assert.equal(refusalCode(ADDR.camille), 'nominative-mailbox-not-in-contact');
    assert.equal(refusalCode(ADDR.martin), 'nominative-mailbox-not-in-contact');
    assert.equal(refusalCode(ADDR.cabinet), 'nominative-mailbox-not-in-contact');
  });

  it('refuses APP mailboxes and ORG mailboxes of non-pharmacies', () => {
    assert.equal(refusalCode(ADDR.dpi), 'not-a-pharmacy-organisational-mailbox');
    assert.equal(refusalCode(ADDR.urgences), 'not-a-pharmacy-organisational-mailbox');
    assert.equal(refusalCode(ADDR.secretariat), 'not-a-pharmacy-organisational-mailbox');
  });

  it('refuses an address no mailbox answers to', () => {
    assert.equal(refusalCode('inconnu@operateur-b.test'), 'unknown-mailbox');
  });
});

describe('pharmacyOf and frequentedPharmacyMailboxes', () => {
  it('returns the pharmacy of an ORG mailbox only', () => {
    assert.equal(pharmacyOf(view.mailbox(ADDR.tilleuls)!, view)?.id, 'pharm-1');
    assert.equal(pharmacyOf(view.mailbox(ADDR.camille)!, view), undefined);
    assert.equal(pharmacyOf(view.mailbox(ADDR.urgences)!, view), undefined);
  });

  it('lists the ORG mailboxes of the frequented pharmacies', () => {
    assert.deepEqual(frequentedPharmacyMailboxes(louise, view).map((m) => m.address), [ADDR.tilleuls]);
    assert.deepEqual(frequentedPharmacyMailboxes(view.patient(INS.corse)!, view), []);
  });

  it('ignores a frequented id that is not a pharmacy', () => {
    const odd = { ...louise, frequentedPharmacyIds: ['hosp-1', 'nope', 'pharm-2'] };
    assert.deepEqual(frequentedPharmacyMailboxes(odd, view).map((m) => m.address), [ADDR.port]);
  });
});
