// Tests of the synthetic document generator: deterministic, CDA header and PDF as expected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAMILLE, INES_UNQUALIFIED, LOUISE, sampleDocument } from './testing/sample-documents.ts';
import { generateDocument } from './generate-document.ts';

test('the same input gives the same bytes and the same unique id', () => {
  const a = sampleDocument();
  const b = sampleDocument();
  assert.deepEqual(a.cda, b.cda);
  assert.deepEqual(a.pdf, b.pdf);
  assert.equal(a.uniqueId, b.uniqueId);
  assert.match(a.uniqueId, /^1\.2\.250\.1\.999\.77\.2\.\d+$/);
});

test('a qualified identity travels as INS with its OID and the four traits', () => {
  const cda = sampleDocument().cda.toString('utf8');
  assert.match(cda, /<id root="1\.2\.250\.1\.213\.1\.4\.10" extension="284034912304586"\/>/);
  assert.match(cda, /<family qualifier="BR">MARCHAND<\/family><given>Louise<\/given>/);
  assert.match(cda, /<birthTime value="19840312"\/>/);
  assert.match(cda, /<code code="56445-0" codeSystem="2\.16\.840\.1\.113883\.6\.1"/);
});

test('an unqualified identity never carries the INS, only a local identifier', () => {
  const cda = generateDocument({ kind: 'biology-report', patient: INES_UNQUALIFIED, author: CAMILLE, effectiveTime: new Date('2026-01-02T00:00:00Z') }).cda.toString('utf8');
  assert.doesNotMatch(cda, /295019935002112/);
  assert.match(cda, /<id root="1\.2\.250\.1\.999\.77\.1" extension="IPP/);
});

test('the PDF copy is named after the date, type and patient, with an exact xref', () => {
  const document = sampleDocument(LOUISE, 'livret-medical');
  assert.equal(document.pdfName, '20261120_Livret_medical_MARCHAND_Louise.pdf');
  const pdf = document.pdf.toString('latin1');
  assert.ok(pdf.startsWith('%PDF-1.4'));
  const startxref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
  assert.equal(pdf.slice(startxref, startxref + 4), 'xref');
  const firstObject = Number(/0000000000 65535 f \n(\d{10})/.exec(pdf)?.[1]);
  assert.equal(pdf.slice(firstObject, firstObject + 7), '1 0 obj');
});
