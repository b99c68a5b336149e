// Tests of the INS OIDs and the CX patientId form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INS_NIR_TEST_OID, insPatientId, isInsOid, readPatientId } from './ins-oids.ts';

test('the four INS OIDs are INS OIDs, a local identifier domain is not', () => {
  for (const oid of ['1.2.250.1.213.1.4.8', '1.2.250.1.213.1.4.9', '1.2.250.1.213.1.4.10', '1.2.250.1.213.1.4.11']) assert.ok(isInsOid(oid), oid);
  assert.equal(isInsOid('1.2.250.1.999.1.1'), false);
});

test('a CX patientId is written and read back', () => {
  const value = insPatientId('284034912304586', INS_NIR_TEST_OID);
  assert.equal(value, '284034912304586^^^&1.2.250.1.213.1.4.10&ISO');
  assert.deepEqual(readPatientId(value), { id: '284034912304586', oid: INS_NIR_TEST_OID });
  assert.equal(readPatientId('284034912304586'), undefined);
  assert.equal(readPatientId('284034912304586^^^&1.2.250&L'), undefined);
});
