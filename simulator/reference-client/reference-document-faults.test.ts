// The document faults of the reference client (sending, SC.MSS/CONF.14–25; reception,
// SC.MSS/UX.01, 07, 09, 28, CDA.01): the correct client passes the document checks and
// integrates as it should; each faulty variant changes exactly its one behaviour.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { documentMessageParts } from '../services/documents/document-message.ts';
import { generateDocument } from '../services/documents/generate-document.ts';
import type { DocumentPatient } from '../services/documents/health-document.ts';
import { submitAs } from '../trust-space/testing/submit-as.ts';
import type { TrustSpace } from '../trust-space/trust-space.ts';
import type { ClientDriver, ListedMessage, PatientIdentity } from './client-driver.ts';
import { createReferenceDriver } from './reference-driver.ts';
import type { ReferenceFault } from './reference-fault.ts';
import { configurationFor, INES_UNQUALIFIED, LOUISE, oauth2Mailbox, startTestSpace } from './reference-test-space.ts';

let space: TrustSpace;
before(async () => {
  space = await startTestSpace();
});
after(() => space.stop());
beforeEach(() => space.reset());

async function client(faults: readonly ReferenceFault[] = []): Promise<ClientDriver> {
  const driver = createReferenceDriver({ faults, now: () => new Date('2026-11-20T10:00:00Z') });
  await driver.configure(configurationFor(space, oauth2Mailbox(space)));
  return driver;
}

/** The finding codes of the document message the client just sent. */
async function findingsOfSent(faults: readonly ReferenceFault[], patient: PatientIdentity = LOUISE): Promise<string[]> {
  const driver = await client(faults);
  const result = await (driver.sendDocument?.({ to: ['secretariat.cardiologie@ch-valbrume.mssante.fr'], patient, document: 'medication-review' }) ?? Promise.reject(new Error('no sendDocument')));
  assert.equal(result.status, 'sent');
  await space.settled();
  const checked = space.observations.list('document-archive-checked');
  assert.equal(checked.length, 1);
  return (checked[0]?.report.findings ?? []).map((f) => f.code);
}

const asPatient = (p: PatientIdentity): DocumentPatient => ({ ins: p.ins, oid: p.oid, birthName: p.birthName, firstName: p.firstName, birthDate: p.birthDate, sex: p.sex, qualified: true });

/** Dr Martin sends the livret médical of `patient` to the pharmacy; the client relèves and lists. */
async function livretReceived(driver: ClientDriver, patient: PatientIdentity, times = 1): Promise<ListedMessage[]> {
  const document = generateDocument({ kind: 'livret-medical', patient: asPatient(patient), author: { name: 'Dr Paul Martin', organisation: 'CH de Valbrume', address: 'paul.martin@ch-valbrume.mssante.fr' }, effectiveTime: new Date('2026-11-19T08:00:00Z') });
  const parts = documentMessageParts({ documents: [document], authorAddress: 'paul.martin@ch-valbrume.mssante.fr', submissionTime: new Date('2026-11-19T08:00:00Z') });
  for (let i = 0; i < times; i += 1) {
    const sent = await submitAs(space, { address: 'paul.martin@ch-valbrume.mssante.fr', password: 'test-paul-martin' }, { to: ['pharmacie.duparc@pharmacien.mssante.fr'], subject: parts.subject, text: 'Livret médical.', headers: parts.headers, attachments: parts.attachments });
    assert.ok(sent.accepted);
  }
  await space.settled();
  await driver.synchronise();
  return (await driver.listMessages()).filter((m) => m.folder === 'inbox');
}

const outcomes = (listed: readonly ListedMessage[]) => listed.map((m) => m.healthDocuments?.documents.map((d) => d.outcome).join(',') ?? 'none');

describe('document sending of the reference client', () => {
  it('the correct client passes every document check, qualified or not', async () => {
    assert.deepEqual(await findingsOfSent([]), []);
    space.reset();
    assert.deepEqual(await findingsOfSent([], INES_UNQUALIFIED), []);
  });
  const cases: [ReferenceFault, string, PatientIdentity][] = [
    ['xdm-patient-id-not-ins', 'patient-id-mismatch', LOUISE],
    ['xdm-hash-mismatch', 'hash-mismatch', LOUISE],
    ['xdm-pdf-missing', 'pdf-missing', LOUISE],
    ['xdm-subject-prefix-wrong', 'subject-prefix', LOUISE],
    ['xdm-ins-header-unqualified', 'ins-header-wrong', INES_UNQUALIFIED],
    ['xdm-two-patients', 'several-patients', LOUISE],
    ['xdm-code-cda-mismatch', 'code-cda-mismatch', LOUISE],
  ];
  for (const [fault, code, patient] of cases) {
    it(`${fault} gives exactly the finding ${code}`, async () => {
      assert.deepEqual(await findingsOfSent([fault], patient), [code]);
    });
  }
});

describe('document reception of the reference client', () => {
  it('detects the archive, hides the prefix, integrates on a strict INS match, refuses a duplicate', async () => {
    const driver = await client();
    await driver.registerPatient?.(LOUISE);
    const listed = await livretReceived(driver, LOUISE, 2);
    assert.equal(listed[0]?.healthDocuments?.subjectShown, 'LIVRET MEDICAL MARCHAND Louise 12/03/1984');
    assert.deepEqual(outcomes(listed), ['integrated', 'duplicate-refused']);
    assert.equal(listed[0]?.healthDocuments?.documents[0]?.patientIns, LOUISE.ins);
  });
  it('an unknown patient, or one known only with an unqualified identity, goes to the worklist', async () => {
    const driver = await client();
    await driver.registerPatient?.({ ...LOUISE, qualified: false });
    assert.deepEqual(outcomes(await livretReceived(driver, LOUISE)), ['worklist']);
  });
  it('each reception fault changes its one behaviour', async () => {
    const run = async (fault: ReferenceFault, times = 1, register = true) => {
      space.reset();
      const driver = await client([fault]);
      if (register) await driver.registerPatient?.(LOUISE);
      return livretReceived(driver, LOUISE, times);
    };
    assert.deepEqual(outcomes(await run('xdm-archive-undetected')), ['none']);
    assert.equal((await run('xdm-prefix-shown'))[0]?.healthDocuments?.subjectShown, 'XDM/1.0/DDM+LIVRET MEDICAL MARCHAND Louise 12/03/1984');
    assert.deepEqual(outcomes(await run('xdm-integrated-without-ins-match', 1, false)), ['integrated']);
    assert.deepEqual(outcomes(await run('xdm-qualified-match-in-worklist')), ['worklist']);
    assert.deepEqual(outcomes(await run('xdm-duplicate-integrated', 2)), ['integrated', 'integrated']);
  });
});
