import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseMessage } from './parse-message.ts';

const corpus = (name: string) => readFileSync(new URL(`./corpus/${name}`, import.meta.url));

test('a multipart reply: addresses with names, ids, date, text, html, attachment without content', async () => {
  const parsed = await parseMessage(corpus('reply-multipart.eml'));
  assert.equal(parsed.subject, 'RE: Rappel vaccin HPV');
  assert.deepEqual(parsed.from, [{ name: 'Dr Jean Martin', address: 'jean.martin@medecin.test' }]);
  assert.deepEqual(parsed.to, [{ name: '', address: '279035121518989@patient.mssante.fr' }]);
  assert.deepEqual(parsed.replyTo, [{ name: '', address: 'secretariat@cabinet-martin.test' }]);
  assert.equal(parsed.messageId, 'reply-2@medecin.test');
  assert.equal(parsed.inReplyTo, 'orig-1@pharmacie-des-tilleuls.test');
  assert.deepEqual(parsed.references, ['orig-0@pharmacie-des-tilleuls.test', 'orig-1@pharmacie-des-tilleuls.test']);
  assert.equal(parsed.date?.toISOString(), '2025-03-19T07:00:00.000Z');
  assert.equal(parsed.text, 'Rappel : seconde injection à 6 mois.');
  assert.equal(parsed.html, '<p>Rappel : seconde injection à 6 mois.</p>');
  assert.deepEqual(parsed.attachments, [
    { filename: '20250319_CR_EXEMPLE_Louise.pdf', contentType: 'application/pdf', size: 52, contentDisposition: 'attachment', partId: '2' },
  ]);
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.deliveryStatus, undefined);
  assert.deepEqual(parsed.headers[11], { name: 'X-MSS-MES', value: ' FIN  ' });
});

test('attachment content is kept only when asked', async () => {
  const parsed = await parseMessage(corpus('reply-multipart.eml'), { keepContent: true });
  assert.equal(parsed.attachments[0]?.content?.subarray(0, 5).toString('latin1'), '%PDF-');
});

test('the subject keeps its trailing space, where mailparser would trim it (REG-FIN-01)', async () => {
  assert.equal((await parseMessage(corpus('subject-fin-trailing-space.eml'))).subject, '[FIN] ');
  assert.equal((await parseMessage(corpus('subject-fin-encoded-q.eml'))).subject, '[FIN]');
});

test('display names with quoted commas and groups are flattened', async () => {
  const parsed = await parseMessage(corpus('addresses-hostile.eml'));
  assert.deepEqual(parsed.from, [{ name: 'Durand, Camille (Pharmacie)', address: 'Camille.Durand@Pharmacie-des-Tilleuls.test' }]);
  assert.deepEqual(parsed.to.map((a) => a.address), ['sophie.leroy@cabinet-martin.test', 'jean.martin@medecin.test']);
});

test('a foreign (Postfix-style) DSN: delivery-status fields per message and per recipient', async () => {
  const parsed = await parseMessage(corpus('bounce-postfix-style.eml'));
  assert.equal(parsed.deliveryStatus?.perMessage.reportingMta, 'dns; mx.operateur-b.test');
  assert.equal(parsed.deliveryStatus?.perMessage.originalEnvelopeId, undefined);
  assert.deepEqual(
    parsed.deliveryStatus?.recipients.map((r) => [r.finalRecipient, r.originalRecipient, r.action, r.status]),
    [
      ['rfc822; inconnu@operateur-b.test', 'rfc822;Inconnu@operateur-b.test', 'failed', '5.1.1'],
      ['rfc822; autre@operateur-b.test', undefined, 'delayed', '4.4.1'],
    ],
  );
  assert.equal(
    parsed.deliveryStatus?.recipients[0]?.diagnosticCode,
    'smtp; 550 5.1.1 <inconnu@operateur-b.test>: Recipient address    rejected: User unknown in virtual mailbox table',
  );
  assert.deepEqual(parsed.attachments.map((a) => a.contentType), ['message/delivery-status', 'text/rfc822-headers']);
  assert.deepEqual(parsed.problems, []);
});

test('malformed MIME never throws: what could be read, plus problems', async () => {
  const truncated = await parseMessage(corpus('multipart-unterminated.eml'));
  assert.equal(truncated.text, 'Première partie.');
  assert.deepEqual(truncated.problems, [
    'Délimiteur de fin « --never-closed-- » absent : message multipart tronqué ou mal formé (RFC 2046 §5.1.1).',
  ]);
  const noBoundary = await parseMessage(corpus('multipart-no-boundary.eml'));
  assert.equal(noBoundary.subject, 'Multipart sans boundary');
  assert.equal(noBoundary.problems.length, 1);
});

test('garbage, 8-bit headers, missing headers and a bad Date never throw', async () => {
  const garbage = await parseMessage(corpus('garbage.eml'));
  assert.equal(garbage.messageId, 'no-angle-brackets@garbage.test');
  const eightBit = await parseMessage(corpus('eight-bit-headers.eml'));
  assert.deepEqual(eightBit.from, [{ name: 'Hôpital Saint-Éloi', address: 'secretariat@hopital-saint-eloi.test' }]);
  const missing = await parseMessage(corpus('missing-headers.eml'));
  assert.deepEqual([missing.subject, missing.messageId, missing.from, missing.date], [undefined, undefined, [], undefined]);
  const badDate = await parseMessage(Buffer.from('Date: lundi prochain\r\nSubject: x\r\n\r\nbody'));
  assert.equal(badDate.date, undefined);
  assert.deepEqual(badDate.problems, ['En-tête Date illisible : « lundi prochain » (format attendu : RFC 5322 §3.3).']);
});

test('a delivery-status report without its status part is reported', async () => {
  const raw = Buffer.from(
    'Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n',
  );
  const parsed = await parseMessage(raw);
  assert.equal(parsed.deliveryStatus, undefined);
  assert.deepEqual(parsed.problems, ['Rapport de remise (multipart/report) sans partie message/delivery-status (RFC 3464).']);
});

test('a header block over mailparser limits: problem reported, header-level fields still there', async () => {
  const raw = Buffer.from(`Subject: grand\r\nMessage-ID: <big@x.test>\r\nX-Big: ${'a'.repeat(1_100_000)}\r\n\r\nbody`);
  const parsed = await parseMessage(raw);
  assert.equal(parsed.subject, 'grand');
  assert.equal(parsed.messageId, 'big@x.test');
  assert.equal(parsed.problems.length, 1);
  assert.match(parsed.problems[0] ?? '', /^Analyse MIME impossible : /);
});
