import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInsNumberError } from './invalid-ins-number-error.ts';
import { classifyPatientAddress, formatPatientAddress, insOfPatientAddress, isPatientAddress, isPatientMailbox, patientAddressOf } from './patient-address.ts';

describe('formatPatientAddress (REG-ADR-01, MSS/va1.19)', () => {
  it('builds <matricule INS>@patient.mssante.fr', () => {
    assert.equal(formatPatientAddress('146026322000196'), '146026322000196@patient.mssante.fr');
    assert.equal(formatPatientAddress('290012A01234511'), '290012A01234511@patient.mssante.fr');
  });

  for (const [ins, problem] of [['146026322000197', 'key'], ['14602632200019', 'length'], ['290012a01234511', 'characters']] as const) {
    it(`throws InvalidInsNumberError (${problem}) for ${ins}`, () => {
      assert.throws(
        () => formatPatientAddress(ins),
        (error: unknown) => error instanceof InvalidInsNumberError && error.code === 'MSS_SIM_DOMAIN_INVALID_INS' && error.problem === problem && error.ins === ins,
      );
    });
  }
});

describe('classifyPatientAddress', () => {
  it('classifies a valid matricule, domain case-insensitive', () => {
    assert.deepEqual(classifyPatientAddress('279035121518989@Patient.MSSANTE.FR'), { kind: 'valid', ins: '279035121518989' });
  });

  it('reads lower-case 2a/2b as Corsica (normalisation decision)', () => {
    assert.deepEqual(classifyPatientAddress('290012a01234511@patient.mssante.fr'), { kind: 'valid', ins: '290012A01234511' });
    assert.deepEqual(classifyPatientAddress('185062b01234525@patient.mssante.fr'), { kind: 'valid', ins: '185062B01234525' });
  });

  it('recognises the auto-reply mailbox in any case', () => {
    assert.deepEqual(classifyPatientAddress('reponse.automatique-test@patient.mssante.fr'), { kind: 'auto-reply' });
    assert.deepEqual(classifyPatientAddress('REPONSE.Automatique-Test@patient.mssante.fr'), { kind: 'auto-reply' });
  });

  const invalid: Array<[string, string]> = [
    ['146026322000197@patient.mssante.fr', 'key'],
    ['14602632200019@patient.mssante.fr', 'length'],
    ['@patient.mssante.fr', 'length'],
    ['1460263220001X6@patient.mssante.fr', 'characters'],
    ['1460 6322000196@patient.mssante.fr', 'characters'],
    ['louise.martin@patient.mssante.fr', 'length'],
  ];
  for (const [address, problem] of invalid) {
    it(`classifies ${address} as invalid (${problem})`, () => {
      assert.deepEqual(classifyPatientAddress(address), { kind: 'invalid', problem });
    });
  }

  it('returns undefined outside the patient domain', () => {
    assert.equal(classifyPatientAddress('146026322000196@operateur-a.test'), undefined);
    assert.equal(classifyPatientAddress('146026322000196@patient.mssante.fr.example'), undefined);
    assert.equal(classifyPatientAddress('146026322000196'), undefined);
  });
});

describe('isPatientAddress', () => {
  it('is true for any address of the patient domain', () => {
    assert.equal(isPatientAddress('146026322000196@PATIENT.mssante.fr'), true);
    assert.equal(isPatientAddress('reponse.automatique-test@patient.mssante.fr'), true);
    assert.equal(isPatientAddress('n-importe-quoi@patient.mssante.fr'), true);
  });

  it('is false elsewhere', () => {
    assert.equal(isPatientAddress('146026322000196@mssante.fr'), false);
    assert.equal(isPatientAddress('patient.mssante.fr'), false);
  });
});

describe('patientAddressOf and insOfPatientAddress', () => {
  it('builds the address of a local part as given, without check', () => {
    assert.equal(patientAddressOf('146026322000196'), '146026322000196@patient.mssante.fr');
    assert.equal(patientAddressOf('1460263220001'), '1460263220001@patient.mssante.fr');
  });

  it('reads the INS upper-cased from an address of the patient domain only', () => {
    assert.equal(insOfPatientAddress('178042a00411701@Patient.MSSante.fr'), '178042A00411701');
    assert.equal(insOfPatientAddress('146026322000196@medecin.mssante.fr'), undefined);
    assert.equal(insOfPatientAddress('no-at-sign'), undefined);
  });
});

describe('isPatientMailbox', () => {
  it('is a patient\'s own mailbox, not a service mailbox of the patient domain (REG-MES-06, REG-SMTP-05)', () => {
    assert.equal(isPatientMailbox('146026322000196@PATIENT.mssante.fr'), true);
    for (const service of ['reponse.automatique-test@patient.mssante.fr', 'MAILER-DAEMON@patient.mssante.fr', 'PostMaster@patient.mssante.fr', '146026322000196@mssante.fr']) {
      assert.equal(isPatientMailbox(service), false, service);
    }
  });
});
