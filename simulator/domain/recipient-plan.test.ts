import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTrustSpaceView } from './create-trust-space-view.ts';
import { PATIENT_MAX_MESSAGE_BYTES } from './model.ts';
import { patientSizeVerdict, planRecipient } from './recipient-plan.ts';
import { ADDR, INS, SAMPLE } from './testing/sample-trust-space.ts';

const view = createTrustSpaceView(SAMPLE);
const patient = (local: string) => `${local}@patient.mssante.fr`;

describe('planRecipient (REG-ANR-01, REG-ANR-06, REG-LB-02)', () => {
  it('refuses a domain outside the whitelist', () => {
    assert.deepEqual(planRecipient('quelqu.un@gmail.test', view), { kind: 'outside-trust-space', domain: 'gmail.test' });
    assert.deepEqual(planRecipient(ADDR.hidden, view), { kind: 'outside-trust-space', domain: 'hors-liste.operateur-a.test' });
    assert.deepEqual(planRecipient('sans-arobase', view), { kind: 'outside-trust-space', domain: '' });
  });

  it('treats the patient domain as outside when no operator whitelists it (no special case)', () => {
    const withoutCnam = createTrustSpaceView({ ...SAMPLE, operators: SAMPLE.operators.filter((op) => op.id !== 'cnam') });
    assert.deepEqual(planRecipient(patient(INS.louise), withoutCnam), { kind: 'outside-trust-space', domain: 'patient.mssante.fr' });
  });

  it('delivers to a known mailbox, any case', () => {
    const plan = planRecipient('Paul.Martin@Operateur-A.TEST', view);
    assert.equal(plan.kind, 'mailbox');
    assert.equal(plan.kind === 'mailbox' && plan.mailbox.address, ADDR.martin);
  });

  it('bounces an unknown mailbox of a whitelisted domain', () => {
    assert.deepEqual(planRecipient('personne@operateur-b.test', view), { kind: 'bounce', reason: 'unknown-mailbox' });
  });

  it('delivers to an active patient, lower-case 2a included', () => {
    const louise = planRecipient(patient(INS.louise), view);
    assert.equal(louise.kind === 'patient' && louise.patient.ins, INS.louise);
    const corse = planRecipient(patient(INS.corse.toLowerCase()).toUpperCase(), view);
    assert.equal(corse.kind === 'patient' && corse.patient.ins, INS.corse);
  });

  it('delivers to the postmaster of a domain of the trust space, and to the simulator\'s own for <postmaster> alone (REG-SMTP-05)', () => {
    assert.deepEqual(planRecipient('PostMaster@Operateur-B.test', view), { kind: 'postmaster', mailbox: 'postmaster@operateur-b.test' });
    assert.deepEqual(planRecipient('postmaster@patient.mssante.fr', view), { kind: 'postmaster', mailbox: 'postmaster@patient.mssante.fr' });
    assert.deepEqual(planRecipient('Postmaster', view), { kind: 'postmaster', mailbox: 'postmaster@mssante.simulateur.test' });
    assert.deepEqual(planRecipient('postmaster@MSSante.Simulateur.test', view), { kind: 'postmaster', mailbox: 'postmaster@mssante.simulateur.test' });
    assert.deepEqual(planRecipient('autre@mssante.simulateur.test', view), { kind: 'outside-trust-space', domain: 'mssante.simulateur.test' });
    assert.deepEqual(planRecipient('postmaster@gmail.test', view), { kind: 'outside-trust-space', domain: 'gmail.test' });
    assert.deepEqual(planRecipient('postmasters@operateur-b.test', view), { kind: 'bounce', reason: 'unknown-mailbox' });
    assert.deepEqual(planRecipient('postmaster@', view).kind, 'outside-trust-space');
  });

  it('recognises the auto-reply mailbox', () => {
    assert.deepEqual(planRecipient('reponse.automatique-test@patient.mssante.fr', view), { kind: 'auto-reply' });
  });

  const bounces: Array<[string, string, string]> = [
    ['a wrong key', patient('146026322000197'), 'patient-invalid-address'],
    ['a wrong length', patient('14602632200019'), 'patient-invalid-address'],
    ['bad characters', patient('1460263220001X6'), 'patient-invalid-address'],
    ['a space', patient('1460 6322000196'), 'patient-invalid-address'],
    ['a valid INS absent from the data', patient(INS.unknown), 'patient-no-profile'],
    ['an opposed profile', patient(INS.opposed), 'patient-opposed'],
    ['a closed profile', patient(INS.closed), 'patient-closed'],
    ['no profile at all', patient(INS.none), 'patient-no-profile'],
  ];
  for (const [what, address, reason] of bounces) {
    it(`bounces ${what} with ${reason}`, () => {
      assert.deepEqual(planRecipient(address, view), { kind: 'bounce', reason });
    });
  }
});

describe('patientSizeVerdict (REG-ANR-04: 25 Mo)', () => {
  it('accepts up to and including 25 × 2^20 bytes', () => {
    assert.equal(PATIENT_MAX_MESSAGE_BYTES, 26_214_400);
    assert.deepEqual(patientSizeVerdict(0), { accepted: true });
    assert.deepEqual(patientSizeVerdict(26_214_400), { accepted: true });
  });

  it('refuses one byte more', () => {
    assert.deepEqual(patientSizeVerdict(26_214_401), { accepted: false, reason: 'patient-too-large' });
  });
});
