import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMimeTree, type MimeNode } from './mime-tree.ts';
import { NESTED } from '../imap/message/testing-messages.ts';

const body = (raw: Buffer, node: MimeNode | undefined) => (node ? raw.subarray(node.bodyStart, node.end).toString('utf8') : 'absent');
const header = (raw: Buffer, node: MimeNode | undefined) => (node ? raw.subarray(node.headerStart, node.bodyStart).toString('utf8') : 'absent');

test('nested parts with exact byte ranges: the CRLF before a delimiter belongs to the delimiter', () => {
  const root = parseMimeTree(NESTED);
  assert.deepEqual([root.type, root.subtype, root.params], ['multipart', 'mixed', [['boundary', 'outer']]]);
  assert.equal(root.children.length, 3);
  const [text, alternative, attached] = root.children;
  assert.equal(body(NESTED, text), 'Bonjour,\r\npr=C3=A9parez le traitement.');
  assert.equal(header(NESTED, text), 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n');
  assert.equal(text?.lines, 2);
  assert.deepEqual(alternative?.children.map((c) => [c.type, c.subtype, body(NESTED, c)]), [['text', 'html', '<p>x</p>']]);
  assert.equal(body(NESTED, attached), 'From: patient@patient.mssante.fr\r\nSubject: inner\r\n\r\ninner body');
  assert.equal(body(NESTED, attached?.message), 'inner body');
  assert.deepEqual(attached?.message?.fields.map((f) => [f.key, f.value]), [['FROM', 'patient@patient.mssante.fr'], ['SUBJECT', 'inner']]);
  assert.equal(attached?.lines, 4);
});

test('a missing close delimiter: the last part runs to the end of the message', () => {
  const raw = Buffer.from('Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\none\r\n--b\r\n\r\ntwo\r\n');
  assert.deepEqual(parseMimeTree(raw).children.map((c) => body(raw, c)), ['one', 'two\r\n']);
});

test('a multipart without boundary is read as text/plain; one without any part gets an empty one', () => {
  const noBoundary = parseMimeTree(Buffer.from('Content-Type: multipart/mixed\r\n\r\nx\r\n'));
  assert.deepEqual([noBoundary.type, noBoundary.subtype, noBoundary.children.length, noBoundary.lines], ['text', 'plain', 0, 1]);
  const noPart = parseMimeTree(Buffer.from('Content-Type: multipart/mixed; boundary=z\r\n\r\nonly a preamble\r\n'));
  assert.deepEqual(noPart.children.map((c) => [c.type, c.end - c.bodyStart]), [['text', 0]]);
});

test('defaults: text/plain us-ascii, message/rfc822 inside multipart/digest; look-alike boundaries are not delimiters', () => {
  const plain = parseMimeTree(Buffer.from('Subject: x\r\n\r\nhello'));
  assert.deepEqual([plain.type, plain.subtype, plain.params, plain.lines], ['text', 'plain', [['charset', 'us-ascii']], 1]);
  const digest = parseMimeTree(Buffer.from('Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nSubject: a\r\n\r\nA\r\n--dd\r\n--d--\r\n'));
  assert.deepEqual(digest.children.map((c) => [c.type, c.subtype, c.message?.fields[0]?.value]), [['message', 'rfc822', 'a']]);
  assert.equal(body(Buffer.from('Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nSubject: a\r\n\r\nA\r\n--dd\r\n--d--\r\n'), digest.children[0]?.message), 'A\r\n--dd');
});

test('hostile nesting is bounded (depth 20), without recursion error', () => {
  let raw = 'x';
  for (let i = 0; i < 200; i += 1) raw = `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n${raw}\r\n--b${i}--\r\n`;
  let depth = 0;
  for (let node: MimeNode | undefined = parseMimeTree(Buffer.from(raw)); node && node.children.length > 0; node = node.children[0]) depth += 1;
  assert.equal(depth, 20);
});
