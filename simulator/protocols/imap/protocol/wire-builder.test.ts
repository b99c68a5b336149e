import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imapText } from './imap-text.ts';
import { journalCommand } from './command-journal.ts';
import { WireBuilder, wireBytes, wireSummary } from './wire-builder.ts';

test('strings: quoted when printable ASCII, literal otherwise; NIL for absent', () => {
  const chunks = new WireBuilder().text('(').string('a "b" \\c').text(' ').string('Hélène').text(' ').nstring(undefined).text(' ').string(Buffer.from('x\r\ny')).text(')').finish();
  assert.equal(wireBytes(chunks).toString('utf8'), '("a \\"b\\" \\\\c" {8}\r\nHélène NIL {4}\r\nx\r\ny)');
  assert.equal(wireSummary(chunks), '("a \\"b\\" \\\\c" {8} <8 octets> NIL {4} <4 octets>)');
});

test('response texts are sent 7-bit, guillemets as quotes, never starting with [', () => {
  assert.equal(imapText('Dossier inconnu : « Brouillons » — réessayez…'), 'Dossier inconnu : "Brouillons" ? reessayez...');
  assert.equal(imapText('[x] y'), ' [x] y');
});

test('the journal never shows a password or a SASL response', () => {
  assert.equal(journalCommand(['a LOGIN "camille@x.fr" "secret"']), 'a LOGIN "camille@x.fr" ***');
  assert.equal(journalCommand(['a login user {6}', Buffer.from('secret'), '']), 'a login user ***');
  assert.equal(journalCommand(['a AUTHENTICATE XOAUTH2 dXNlcj1h']), 'a AUTHENTICATE XOAUTH2 ***');
  assert.equal(journalCommand(['a AUTHENTICATE PLAIN']), 'a AUTHENTICATE PLAIN');
  assert.equal(journalCommand(['a APPEND Sent {5}', Buffer.from('hello'), '']), 'a APPEND Sent {5}<5 octets>');
});
