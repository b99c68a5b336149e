import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCsvLine, splitCsvLine } from './csv-fields.ts';

test('splits plain fields, keeping empty ones', () => {
  assert.deepEqual(splitCsvLine('a;b;;d;'), { ok: true, fields: ['a', 'b', '', 'd', ''] });
});

test('a quoted field may hold the separator and doubled quotes', () => {
  assert.deepEqual(splitCsvLine('x;"un; deux ""trois""";z'), { ok: true, fields: ['x', 'un; deux "trois"', 'z'] });
});

test('an unclosed quote and a stray quote are refused with a French reason', () => {
  assert.deepEqual(splitCsvLine('x;"ouvert'), { ok: false, reason: 'guillemet ouvert en colonne 3 jamais fermé' });
  assert.deepEqual(splitCsvLine('x;a"b'), { ok: false, reason: "guillemet au milieu d'un champ non entouré de guillemets (colonne 4)" });
  assert.deepEqual(splitCsvLine('"a"b;c'), { ok: false, reason: 'guillemet fermant suivi de « b » au lieu de « ; » (colonne 4)' });
});

test('format quotes only what needs it and round-trips', () => {
  const fields = ['SC.MSS/UX.30', 'a;b', 'dit "non"', ''];
  const line = formatCsvLine(fields);
  assert.equal(line, 'SC.MSS/UX.30;"a;b";"dit ""non""";');
  assert.deepEqual(splitCsvLine(line), { ok: true, fields });
});
