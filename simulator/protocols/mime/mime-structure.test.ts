import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentTypeParameter, mimeStructureProblems, reportType } from './mime-structure.ts';
import { indexMessage } from './message-index.ts';

test('content-type parameters, quoted or not', () => {
  assert.equal(contentTypeParameter('multipart/mixed; boundary="a b\\"c"', 'boundary'), 'a b"c');
  assert.equal(contentTypeParameter('multipart/mixed;\tBOUNDARY=abc; x=y', 'boundary'), 'abc');
  assert.equal(contentTypeParameter('text/plain', 'boundary'), undefined);
});

test('report type of multipart/report only', () => {
  assert.equal(reportType('multipart/report; report-type="Delivery-Status"; boundary=x'), 'delivery-status');
  assert.equal(reportType('multipart/mixed; report-type=delivery-status'), undefined);
  assert.equal(reportType(undefined), undefined);
});

test('a multipart without boundary or without close delimiter is a problem', () => {
  const noBoundary = Buffer.from('Content-Type: multipart/mixed\r\n\r\n--x\r\n');
  assert.deepEqual(mimeStructureProblems(noBoundary, indexMessage(noBoundary)), [
    'Entité multipart sans paramètre boundary (RFC 2046 §5.1.1) : « multipart/mixed ».',
  ]);
  const open = Buffer.from('Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\ntext\r\n');
  assert.equal(mimeStructureProblems(open, indexMessage(open)).length, 1);
  const closed = Buffer.from('Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\ntext\r\n--b--\r\n');
  assert.deepEqual(mimeStructureProblems(closed, indexMessage(closed)), []);
});
