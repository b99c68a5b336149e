// Tests of the document checks on messages the generator builds, correct and broken one way each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDocumentMessage, type DocumentMessage } from './check-document-message.ts';
import { documentMessageParts, type DocumentMessageVariations } from './document-message.ts';
import type { HealthDocument } from './health-document.ts';
import { AT, CAMILLE, GERARD, INES_UNQUALIFIED, LOUISE, sampleDocument } from './testing/sample-documents.ts';

function message(documents: readonly HealthDocument[], variations: DocumentMessageVariations = {}): DocumentMessage {
  const parts = documentMessageParts({ documents, authorAddress: CAMILLE.address, submissionTime: AT, variations });
  const xMss = Object.fromEntries(Object.entries(parts.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { subject: parts.subject, xMss, attachments: parts.attachments };
}

function codes(m: DocumentMessage): string[] {
  return (checkDocumentMessage(m)?.findings ?? []).map((f) => `${f.rule} ${f.code}`).sort();
}

test('a correct message has no finding and reports its patient and documents', () => {
  const report = checkDocumentMessage(message([sampleDocument()]));
  assert.ok(report);
  assert.deepEqual(report.findings, []);
  assert.equal(report.patient?.ins, LOUISE.ins);
  assert.equal(report.patient?.qualifiedIns, true);
  assert.equal(report.documents[0]?.typeCode, '56445-0');
  assert.deepEqual(report.archive?.entries.slice(0, 3), ['INDEX.HTM', 'README.TXT', 'IHE_XDM/SUBSET01/METADATA.XML']);
});

test('an unqualified identity with X-MSS-INS: N is correct; with O it is a CONF.14 finding', () => {
  assert.deepEqual(codes(message([sampleDocument(INES_UNQUALIFIED)])), []);
  assert.deepEqual(codes(message([sampleDocument(INES_UNQUALIFIED)], { xMssIns: 'O' })), ['SC.MSS/CONF.14 ins-header-wrong']);
});

test('each broken rule gives exactly its finding', () => {
  assert.deepEqual(codes(message([sampleDocument()], { tamper: { patientId: '152114908701235^^^&1.2.250.1.213.1.4.10&ISO' } })), ['SC.MSS/CONF.24 patient-id-mismatch']);
  assert.deepEqual(codes(message([sampleDocument()], { tamper: { wrongHash: true } })), ['SC.MSS/CONF.23 hash-mismatch']);
  assert.deepEqual(codes(message([sampleDocument()], { withoutPdf: true })), ['SC.MSS/CONF.23 pdf-missing']);
  assert.deepEqual(codes(message([sampleDocument()], { subjectPrefix: 'Document : ' })), ['SC.MSS/CONF.25 subject-prefix']);
  assert.deepEqual(codes(message([sampleDocument()], { codeCda: null })), ['SC.MSS/CONF.15 code-cda-missing']);
  assert.deepEqual(codes(message([sampleDocument()], { codeCda: '11502-2' })), ['SC.MSS/CONF.15 code-cda-mismatch']);
  assert.deepEqual(codes(message([sampleDocument(), sampleDocument(GERARD)])), ['SC.MSS/CONF.23 several-patients']);
});

test('X-MSS headers without any archive are findings; an ordinary message is no document message', () => {
  assert.equal(checkDocumentMessage({ subject: 'Bonjour', xMss: { 'x-mss-nil': 'X' }, attachments: [] }), undefined);
  const report = checkDocumentMessage({ subject: 'Bonjour', xMss: { 'x-mss-ins': 'N', 'x-mss-codecda': '11502-2' }, attachments: [] });
  assert.deepEqual(report?.findings.map((f) => f.code), ['ins-header-without-cda', 'code-cda-without-cda']);
});

test('the subject must name the patient of the documents', () => {
  const m = message([sampleDocument()]);
  assert.deepEqual(codes({ ...m, subject: 'XDM/1.0/DDM+BILAN PARTAGE DE MEDICATION LAMBERT Gérard' }), ['SC.MSS/CONF.25 subject-patient']);
});
