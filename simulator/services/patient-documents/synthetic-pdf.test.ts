import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syntheticPdf } from './synthetic-pdf.ts';

test('the PDF has a header, an EOF marker and a cross-reference table whose offsets point at each object', () => {
  const pdf = syntheticPdf('Ordonnance', ['Dr Hélène Rousseau', 'Amoxicilline (1 g) – 6 jours \\ fin']);
  const text = pdf.toString('latin1');
  assert.ok(text.startsWith('%PDF-1.4\n'));
  assert.ok(text.endsWith('%%EOF\n'));
  const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
  assert.equal(text.slice(startxref, startxref + 4), 'xref');
  const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  assert.equal(offsets.length, 6);
  offsets.forEach((offset, index) => assert.equal(text.slice(offset, offset + `${index + 1} 0 obj`.length), `${index + 1} 0 obj`));
});

test('text is WinAnsi with parentheses and backslashes escaped; the stream length is exact', () => {
  const text = syntheticPdf('T', ['é (x) – \\']).toString('latin1');
  assert.match(text, /\(\xe9 \\\(x\\\) \x96 \\\\\) Tj/);
  const length = Number(/<< \/Length (\d+) >>\nstream\n/.exec(text)?.[1]);
  const start = text.indexOf('stream\n') + 'stream\n'.length;
  assert.equal(text.slice(start + length, start + length + 'endstream'.length), 'endstream');
});
