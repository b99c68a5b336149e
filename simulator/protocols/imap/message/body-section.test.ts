import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSection } from '../protocol/fetch-items.ts';
import { sectionBytes } from './body-section.ts';
import { parseMimeTree } from '../../mime/mime-tree.ts';
import { NESTED } from './testing-messages.ts';

const tree = parseMimeTree(NESTED);
const section = (text: string) => sectionBytes(NESTED, tree, parseSection(text))?.toString('utf8') ?? null;

test('whole message, HEADER, TEXT, HEADER.FIELDS with folding kept, HEADER.FIELDS.NOT', () => {
  assert.equal(section(''), NESTED.toString('utf8'));
  assert.ok(section('HEADER')?.endsWith(' boundary="outer"\r\n\r\n'));
  assert.ok(section('TEXT')?.startsWith('preamble\r\n--outer\r\n'));
  assert.equal(section('HEADER.FIELDS (CONTENT-TYPE subject)'), 'Subject: =?UTF-8?Q?Compte_rendu_d=C3=A9taill=C3=A9?=\r\nContent-Type: multipart/mixed;\r\n boundary="outer"\r\n\r\n');
  assert.equal(section('HEADER.FIELDS.NOT (From To Subject Date Message-ID Content-Type)'), 'MIME-Version: 1.0\r\n\r\n');
});

test('parts by path: body, MIME header, nested multipart, and the encapsulated message', () => {
  assert.equal(section('1'), 'Bonjour,\r\npr=C3=A9parez le traitement.');
  assert.equal(section('1.MIME'), 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n');
  assert.equal(section('2.1'), '<p>x</p>');
  assert.equal(section('3'), 'From: patient@patient.mssante.fr\r\nSubject: inner\r\n\r\ninner body');
  assert.equal(section('3.HEADER'), 'From: patient@patient.mssante.fr\r\nSubject: inner\r\n\r\n');
  assert.equal(section('3.TEXT'), 'inner body');
  assert.equal(section('3.1'), 'inner body');
  assert.equal(section('3.HEADER.FIELDS (SUBJECT)'), 'Subject: inner\r\n\r\n');
});

test('absent parts give null; HEADER of a part that is not a message too', () => {
  assert.equal(section('4'), null);
  assert.equal(section('1.1'), null);
  assert.equal(section('1.HEADER'), null);
  const single = Buffer.from('Subject: x\r\n\r\nbody');
  assert.equal(sectionBytes(single, parseMimeTree(single), parseSection('1'))?.toString(), 'body');
  assert.equal(sectionBytes(single, parseMimeTree(single), parseSection('2')), null);
});
