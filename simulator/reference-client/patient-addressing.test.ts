import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PatientIdentity } from './client-driver.ts';
import { expectedInsKey, isWellFormedIns, patientAddress } from './patient-addressing.ts';
import { FaultSet } from './reference-fault.ts';

const LOUISE: PatientIdentity = { ins: '284034912304586', oid: '1.2.250.1.213.1.4.10', birthName: 'MARCHAND', firstName: 'Louise', birthDate: '1984-03-01', sex: 'F', qualified: true };
const CORRECT = new FaultSet();

test('the INS key is 97 − (N mod 97), with 2A → 19 and 2B → 18 (REG-ADR-02)', () => {
  assert.equal(expectedInsKey('1460263220001'), '96'); // REG-ADR-02 example 146026322000196
  assert.equal(expectedInsKey('2790351215189'), '89'); // REG-ADR-02 example 279035121518989
  assert.equal(isWellFormedIns('178042A00411701'), true);
  assert.equal(isWellFormedIns('284034912304599'), false, 'wrong key');
  assert.equal(isWellFormedIns('2840349123045'), false, 'no key');
});

test('a qualified identity with a valid INS gives <INS>@patient.mssante.fr (MSS/va1.19)', () => {
  assert.deepEqual(patientAddress(LOUISE, CORRECT), { ok: true, address: '284034912304586@patient.mssante.fr' });
  assert.deepEqual(patientAddress({ ...LOUISE, ins: '178042a00411701' }, CORRECT), { ok: true, address: '178042A00411701@patient.mssante.fr' });
});

test('an unqualified identity or an invalid INS is refused with a French reason, before any address exists (SC.MSS/UX.32)', () => {
  const unqualified = patientAddress({ ...LOUISE, qualified: false }, CORRECT);
  assert.equal(unqualified.ok, false);
  assert.match(unqualified.ok ? '' : unqualified.reason, /n'est pas qualifiée/);
  const badKey = patientAddress({ ...LOUISE, ins: '284034912304599' }, CORRECT);
  assert.match(badKey.ok ? '' : badKey.reason, /« 284034912304599 » est invalide/);
});

test('the faulty variants change exactly their rule', () => {
  assert.deepEqual(patientAddress({ ...LOUISE, qualified: false }, new FaultSet(['address-from-unqualified-identity'])), { ok: true, address: '284034912304586@patient.mssante.fr' });
  assert.deepEqual(patientAddress(LOUISE, new FaultSet(['malformed-patient-address'])), { ok: true, address: '2840349123045@patient.mssante.fr' });
});
