import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeMessage } from './compose-message.ts';
import { indexMessage } from './message-index.ts';
import { parseMessage } from './parse-message.ts';

const PATIENT = '279035121518989@patient.mssante.fr';

test('a patient reply: UTF-8, threading headers, X-MSS-* spelling, CRLF', async () => {
  const raw = await composeMessage({
    from: { name: 'Louise Exemple', address: PATIENT },
    to: [{ name: 'Pharmacie des Tilleuls', address: 'contact@pharmacie-des-tilleuls.test' }],
    subject: 'Re: Ordonnance à préparer',
    text: 'Bonjour, voici mon ordonnance.\nMerci.',
    inReplyTo: 'orig-1@pharmacie-des-tilleuls.test',
    references: ['<orig-0@pharmacie-des-tilleuls.test>', 'orig-1@pharmacie-des-tilleuls.test'],
    headers: { 'X-MSS-MES': 'FIN', 'X-Custom': 'oui' },
    date: new Date(Date.UTC(2025, 2, 21, 9, 30)),
    messageId: 'reply-1@patient.mssante.fr',
  });
  const text = raw.toString('latin1');
  assert.equal(/(^|[^\r])\n/.test(text), false, 'bare LF');
  assert.match(text, /^X-MSS-MES: FIN\r$/m);
  const parsed = await parseMessage(raw);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.from, [{ name: 'Louise Exemple', address: PATIENT }]);
  assert.deepEqual(parsed.to, [{ name: 'Pharmacie des Tilleuls', address: 'contact@pharmacie-des-tilleuls.test' }]);
  assert.equal(parsed.subject, 'Re: Ordonnance à préparer');
  assert.equal(parsed.messageId, 'reply-1@patient.mssante.fr');
  assert.equal(parsed.inReplyTo, 'orig-1@pharmacie-des-tilleuls.test');
  assert.deepEqual(parsed.references, ['orig-0@pharmacie-des-tilleuls.test', 'orig-1@pharmacie-des-tilleuls.test']);
  assert.equal(parsed.date?.toISOString(), '2025-03-21T09:30:00.000Z');
  assert.equal(parsed.text, 'Bonjour, voici mon ordonnance.\nMerci.\n'); // single part: the final CRLF is body
  assert.match(parsed.contentType ?? '', /^text\/plain; charset=utf-8$/);
  assert.deepEqual(indexMessage(raw).xMss, { 'x-mss-mes': 'FIN' });
});

test('text and html give multipart/alternative, text first (MSS/va1.11); the [FIN] subject is kept exactly', async () => {
  const raw = await composeMessage({
    from: { address: 'reponse.automatique-test@patient.mssante.fr' },
    to: ['jean.martin@medecin.test'],
    cc: [{ address: 'sophie.leroy@cabinet-martin.test' }],
    replyTo: 'secretariat@cabinet-martin.test',
    subject: '[FIN] ',
    text: 'Réponse automatique.',
    html: '<p>Réponse automatique.</p>',
    date: new Date(Date.UTC(2025, 0, 1)),
    messageId: '<auto-1@patient.mssante.fr>',
  });
  const parsed = await parseMessage(raw);
  assert.equal(parsed.subject, '[FIN] ');
  assert.match(parsed.contentType ?? '', /^multipart\/alternative;/);
  assert.equal(parsed.text, 'Réponse automatique.');
  assert.equal(parsed.html, '<p>Réponse automatique.</p>');
  assert.deepEqual(parsed.cc, [{ name: '', address: 'sophie.leroy@cabinet-martin.test' }]);
  assert.deepEqual(parsed.replyTo, [{ name: '', address: 'secretariat@cabinet-martin.test' }]);
  assert.equal(parsed.messageId, 'auto-1@patient.mssante.fr');
  const raw2 = raw.toString('latin1');
  assert.ok(raw2.indexOf('Content-Type: text/plain') < raw2.indexOf('Content-Type: text/html'));
});
