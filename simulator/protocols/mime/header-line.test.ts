import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiOnly, headerLine, singleLine } from './header-line.ts';

test('short lines are left alone; long ones fold at spaces and unfold to the same value', () => {
  assert.equal(headerLine('Status', '5.1.1'), 'Status: 5.1.1');
  const value = `smtp; 550 5.1.1 ${'mot '.repeat(40)}fin`;
  const folded = headerLine('Diagnostic-Code', value);
  const lines = folded.split('\r\n');
  assert.ok(lines.length > 1);
  assert.ok(lines.every((line) => line.length <= 78), folded);
  assert.ok(lines.slice(1).every((line) => line.startsWith(' ')));
  assert.equal(folded.replace(/\r\n/g, ''), `Diagnostic-Code: ${value}`);
});

test('the first line keeps a word of the value; a word longer than 998 characters is cut', () => {
  const word = 'w'.repeat(80);
  assert.equal(headerLine('Subject', word), `Subject: ${word}`);
  const huge = headerLine('X', 'y'.repeat(2000));
  assert.ok(huge.split('\r\n').every((line) => line.length <= 998));
});

test('CR, LF and control characters cannot inject a header', () => {
  assert.equal(singleLine('a\r\nBcc: x@y.test'), 'a Bcc: x@y.test');
  assert.equal(headerLine('Subject', 'a\nb'), 'Subject: a b');
});

test('asciiOnly drops accents and maps typographic characters', () => {
  assert.equal(asciiOnly('Adresse « inconnue » d’un patient, clôturée'), 'Adresse " inconnue " d\'un patient, cloturee');
  assert.equal(asciiOnly('emoji 😀'), 'emoji ?');
});
