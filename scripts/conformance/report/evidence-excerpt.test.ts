import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evidenceExcerpt, observedValuePatterns } from './evidence-excerpt.ts';

const eml = ['From: a@x.fr', 'To: b@y.fr', 'Subject: RE: [FIN]', 'Message-ID: <1@x.fr>', 'Date: now', '', 'l1', 'l2', 'l3', 'l4', 'l5', 'Subject: pas un en-tête'].join('\r\n');

test('highlighted lines come with three lines of context; the gaps are separate runs', () => {
  const { excerpt, highlightedCount, totalLines } = evidenceExcerpt(eml, [/^Subject:/]);
  assert.equal(totalLines, 12);
  assert.equal(highlightedCount, 2);
  assert.deepEqual(excerpt.map((run) => run.map((l) => l.number)), [[1, 2, 3, 4, 5, 6], [9, 10, 11, 12]]);
  assert.deepEqual(excerpt[0]?.filter((l) => l.highlighted).map((l) => l.text), ['Subject: RE: [FIN]']);
});

test('transcript timestamps do not hide a header pattern; no match shows the first lines', () => {
  const transcript = '2026-12-03T11:31:25.676Z C: RCPT TO:<x@patient.mssante.fr>\n2026-12-03T11:31:25.676Z S: 250 Accepted\n';
  assert.equal(evidenceExcerpt(transcript, [/^C: RCPT TO:/]).highlightedCount, 1);
  const none = evidenceExcerpt(transcript, [/^Subject:/]);
  assert.equal(none.highlightedCount, 0);
  assert.equal(none.excerpt[0]?.length, 2);
});

test('the observed values quoted after « reçu » become patterns, escaped', () => {
  const [pattern, ...rest] = observedValuePatterns('Objet attendu exactement « [FIN] » (MES-FIN-01) ; reçu « RE: [FIN] ».');
  assert.equal(rest.length, 0);
  assert.ok(pattern?.test('Subject: RE: [FIN]'));
  assert.equal(pattern?.test('Subject: [FIN]'), false);
});
