import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WireBuilder, wireBytes } from '../protocol/wire-builder.ts';
import { writeEnvelope } from './envelope.ts';
import { readRawHeader } from '../../mime/raw-header.ts';
import { NESTED } from './testing-messages.ts';

function envelope(raw: Buffer): string {
  const out = new WireBuilder();
  writeEnvelope(readRawHeader(raw, 0, raw.length), out);
  return wireBytes(out.finish()).toString('utf8');
}

test('quoted display names with commas, groups, defaults of Sender and Reply-To, raw encoded words', () => {
  const martin = '(("Dr Martin, cardiologue" NIL "paul.martin" "ch-valbrume.mssante.fr"))';
  assert.equal(
    envelope(NESTED),
    `("Thu, 20 Mar 2025 10:00:00 +0100" "=?UTF-8?Q?Compte_rendu_d=C3=A9taill=C3=A9?=" ${martin} ${martin} ${martin} ` +
      '(("Pharmacie" NIL "pharmacie.duparc" "pharmacien.mssante.fr")(NIL NIL "equipe" NIL)(NIL NIL "a" "x.fr")(NIL NIL "b" "x.fr")(NIL NIL NIL NIL)) ' +
      'NIL NIL NIL "<cr-1@ch-valbrume.mssante.fr>")',
  );
});

test('absent fields are NIL; 8-bit names go as literals; an address without domain is marked', () => {
  const raw = Buffer.from('From: Hélène Rousseau <helene.rousseau@medecin.mssante.fr>\r\nTo: undisclosed\r\nReply-To: <r@x.fr>\r\nIn-Reply-To: <a@b>\r\n\r\n', 'utf8');
  assert.equal(
    envelope(raw),
    '(NIL NIL (({17}\r\nHélène Rousseau NIL "helene.rousseau" "medecin.mssante.fr")) (({17}\r\nHélène Rousseau NIL "helene.rousseau" "medecin.mssante.fr")) ' +
      '((NIL NIL "r" "x.fr")) ((NIL NIL "undisclosed" "MISSING_DOMAIN")) NIL NIL "<a@b>" NIL)',
  );
});
