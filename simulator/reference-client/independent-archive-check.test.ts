// The archives the reference client builds, read by a second reader that is not ours: Python's
// zipfile and xml.etree (testing/xdm_check.py). The correct client's archive passes; a faulty
// variant's archive fails there too, so the check can fail. Skipped when python3 is absent.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { documentDraft } from './document-sending.ts';
import { FaultSet, type ReferenceFault } from './reference-fault.ts';
import { INES_UNQUALIFIED, LOUISE } from './reference-test-space.ts';
import type { PatientIdentity } from './client-driver.ts';
import { processTempDir } from '../cli/process-temp-dir.ts';

const SCRIPT = fileURLToPath(new URL('./testing/xdm_check.py', import.meta.url));
const PYTHON = spawnSync('python3', ['--version']).status === 0;
const dir = processTempDir('mss-xdm-python-');

function pythonReading(faults: readonly ReferenceFault[], patient: PatientIdentity = LOUISE): { ok: boolean; problems: string[]; documents: { typeCode: string; cdaCode: string; patientId: string }[] } {
  const built = documentDraft({ to: ['secretariat.cardiologie@ch-valbrume.mssante.fr'], patient, document: 'medication-review' }, 'pharmacie.duparc@pharmacien.mssante.fr', new FaultSet(faults), new Date('2026-11-20T10:00:00Z'));
  assert.ok(built.ok);
  const zip = built.draft.attachments?.find((a) => a.filename === 'IHE_XDM.ZIP');
  assert.ok(zip);
  const path = join(dir, `${faults.join('-') || 'correct'}-${patient.firstName}.zip`);
  writeFileSync(path, Buffer.from(zip.contentBase64, 'base64'));
  return JSON.parse(execFileSync('python3', [SCRIPT, path], { encoding: 'utf8', timeout: 20_000 }));
}

test('the correct reference client archive passes the Python reader', { skip: !PYTHON && 'python3 absent' }, () => {
  const reading = pythonReading([]);
  assert.deepEqual(reading.problems, []);
  assert.equal(reading.documents[0]?.patientId, '284034912304586^^^&1.2.250.1.213.1.4.10&ISO');
  assert.equal(reading.documents[0]?.cdaCode, '56445-0');
  assert.deepEqual(pythonReading([], INES_UNQUALIFIED).problems, []);
});

test('the faulty archives fail the Python reader as well', { skip: !PYTHON && 'python3 absent' }, () => {
  assert.match(pythonReading(['xdm-hash-mismatch']).problems.join('\n'), /SHA-1 hash differs/);
  assert.match(pythonReading(['xdm-patient-id-not-ins']).problems.join('\n'), /is not the CDA patient/);
  assert.match(pythonReading(['xdm-two-patients']).problems.join('\n'), /several patients/);
});
