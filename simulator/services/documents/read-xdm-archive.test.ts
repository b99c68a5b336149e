// Tests of the XDM archive reader against hostile and broken archives: each is reported as a
// finding, nothing is expanded past the limits, nothing throws; and the 20 Mo case is fast.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { readXdmArchive } from './read-xdm-archive.ts';
import { bombZip, lyingSizeZip, manyEntriesZip, XXE_METADATA, zipOf } from './testing/hostile-zips.ts';
import { AT, CAMILLE, sampleDocument } from './testing/sample-documents.ts';
import { writeXdmArchive } from './xdm-archive-writer.ts';

const LAYOUT = { 'INDEX.HTM': '<p/>', 'README.TXT': 'x' };

function firstFinding(zip: Buffer): string {
  const finding = readXdmArchive(zip).findings[0];
  return `${finding?.code}: ${finding?.message}`;
}

test('a decompression bomb is refused by its ratio, unexpanded', () => {
  assert.match(firstFinding(bombZip(20)), /^archive-refused: .*bombe de décompression/);
});

test('too many entries, path traversal, absolute and backslash names are refused', () => {
  assert.match(firstFinding(manyEntriesZip(300)), /^archive-refused: .*300 fichiers/);
  for (const name of ['../../etc/passwd', '/etc/passwd', 'IHE_XDM\\SUBSET01\\X', 'C:/x', 'a/../../b']) {
    assert.match(firstFinding(zipOf({ ...LAYOUT, [name]: 'x' })), /^archive-refused: Archive IHE_XDM.ZIP refusée : Nom de fichier dangereux/, name);
  }
});

test('bytes that are no ZIP, and a truncated ZIP, are findings', () => {
  assert.match(firstFinding(Buffer.from('not a zip at all')), /^archive-refused: .*pas une archive ZIP/);
  assert.match(firstFinding(Buffer.alloc(0)), /^archive-refused/);
  const zip = writeXdmArchive({ documents: [sampleDocument()], authorAddress: CAMILLE.address, submissionTime: AT }).zip;
  assert.match(firstFinding(zip.subarray(0, zip.length - 30)), /^archive-refused/);
});

test('an entry larger than it declares is never expanded past the declared size', () => {
  const zip = lyingSizeZip({ ...LAYOUT, 'IHE_XDM/SUBSET01/METADATA.XML': `<r>${'a'.repeat(100_000)}</r>` }, 10);
  assert.match(firstFinding(zip), /^archive-refused: METADATA.XML illisible : .*taille annoncée \(10 octets\)/);
});

test('a missing layout file, a DOCTYPE (XXE) and invalid XML are findings', () => {
  assert.match(firstFinding(zipOf({ 'README.TXT': 'x', 'IHE_XDM/SUBSET01/METADATA.XML': '<r/>' })), /^layout-incomplete: .*INDEX.HTM/);
  assert.match(firstFinding(zipOf({ ...LAYOUT, 'IHE_XDM/SUBSET01/METADATA.XML': XXE_METADATA })), /^xml-refused: .*XXE/);
  assert.match(firstFinding(zipOf({ ...LAYOUT, 'IHE_XDM/SUBSET01/METADATA.XML': '<r><unclosed></r>' })), /^xml-refused: METADATA.XML n'est pas un XML bien formé/);
});

test('a CDA with a DOCTYPE is refused; a header with componentOf is read to its body only', () => {
  const document = sampleDocument();
  const hostile = Buffer.from(document.cda.toString('utf8').replace('<ClinicalDocument', '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<ClinicalDocument'), 'utf8');
  const refused = readXdmArchive(writeXdmArchive({ documents: [{ ...document, cda: hostile }], authorAddress: CAMILLE.address, submissionTime: AT }).zip);
  assert.deepEqual(refused.findings.map((f) => f.code), ['xml-refused']);
  const withEncounter = Buffer.from(document.cda.toString('utf8').replace('  <component>', '  <componentOf><encompassingEncounter><effectiveTime value="2026"/></encompassingEncounter></componentOf>\n  <component>'), 'utf8');
  const read = readXdmArchive(writeXdmArchive({ documents: [{ ...document, cda: withEncounter }], authorAddress: CAMILLE.address, submissionTime: AT }).zip);
  assert.deepEqual(read.findings, []);
  assert.equal(read.documents[0]?.header?.patients[0]?.birthName, 'MARCHAND');
});

test('a 20 Mo archive (CDA with an embedded PDF) is read and checked whole (its time: npm run bench:xdm)', () => {
  const document = sampleDocument();
  const body = `<component><nonXMLBody><text mediaType="application/pdf" representation="B64">${randomBytes(19 * 1024 * 1024).toString('base64')}</text></nonXMLBody></component>`;
  const cda = Buffer.from(document.cda.toString('utf8').replace(/<component><structuredBody>[\s\S]*<\/structuredBody><\/component>/, body), 'utf8');
  const zip = writeXdmArchive({ documents: [{ ...document, cda }], authorAddress: CAMILLE.address, submissionTime: AT }).zip;
  assert.ok(zip.length > 19 * 1024 * 1024, `archive of ${zip.length} bytes`);
  const reading = readXdmArchive(zip);
  assert.deepEqual(reading.findings, []);
  assert.equal(reading.documents[0]?.header?.code, '56445-0');
});
