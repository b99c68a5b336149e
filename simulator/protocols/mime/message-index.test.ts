import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { messageStrings } from '../../domain/string-pool.ts';
import { indexMessage } from './message-index.ts';

const corpus = (name: string) => readFileSync(new URL(`./corpus/${name}`, import.meta.url));

test('folded headers are unfolded; addresses with quoted commas and display names are bare and lower-case', () => {
  const index = indexMessage(corpus('folded-headers.eml'));
  assert.equal(index.subject, 'Bilan de médication\t avant admission');
  assert.deepEqual(index.from, ['pharmacie.tilleuls@pharmacie-des-tilleuls.test']);
  assert.deepEqual(index.to, ['jean.martin@medecin.test', 'sophie.leroy@cabinet-martin.test']);
  assert.deepEqual(index.cc, ['coordination@cpts-val-de-loire.test']);
  assert.equal(index.messageId, '20250314101500.4242@pharmacie-des-tilleuls.test');
  assert.equal(index.date, 'Fri, 14 Mar 2025 10:15:00 +0100');
  assert.equal(index.contentType, 'text/plain; charset=utf-8');
  assert.deepEqual(index.xMss, { 'x-mss-nil': 'DEV000001' });
  assert.equal(index.headerBytes, 613);
});

test('an encoded-word subject =?UTF-8?Q?=5BFIN=5D?= gives exactly [FIN]', () => {
  assert.equal(indexMessage(corpus('subject-fin-encoded-q.eml')).subject, '[FIN]');
});

test('a subject "[FIN] " keeps its trailing space (REG-FIN-01: exact match)', () => {
  assert.equal(indexMessage(corpus('subject-fin-trailing-space.eml')).subject, '[FIN] ');
  assert.equal(indexMessage(Buffer.from('Subject:\r\n [FIN]\r\n\r\n')).subject, '[FIN]');
  assert.equal(indexMessage(Buffer.from('Subject:  [FIN]\r\n\r\n')).subject, ' [FIN]');
});

test('mixed encoded-words: latin1 and UTF-8, B and Q, adjacent words joined, undecodable kept', () => {
  assert.equal(
    indexMessage(corpus('subject-encoded-mixed.eml')).subject,
    'Re: Réponse à la pharmacie é© ok =?x-unknown?Q?brut?= =?UTF-8?B?@@@?=',
  );
});

test('bare LF line endings', () => {
  const index = indexMessage(corpus('bare-lf.eml'));
  assert.equal(index.subject, 'Fins de ligne LF  pliées');
  assert.equal(index.messageId, 'bare-lf-1@cabinet-martin.test');
  assert.equal(index.headerBytes, 182);
});

test('a message with no blank line and no body is all headers', () => {
  const raw = corpus('headers-only.eml');
  const index = indexMessage(raw);
  assert.equal(index.headerBytes, raw.length);
  assert.equal(index.messageId, 'headers-only-1@laboratoire.test');
  assert.equal(index.subject, 'Sans corps');
});

test('8-bit headers: raw UTF-8 decoded as UTF-8, a latin1 line as latin1', () => {
  const index = indexMessage(corpus('eight-bit-headers.eml'));
  assert.equal(index.subject, 'Livret médical — préparation des médicaments');
  assert.deepEqual(index.from, ['secretariat@hopital-saint-eloi.test']);
  assert.deepEqual(index.xMss, { 'x-mss-nil': 'DEV\u0000000002' });
});

test('missing headers give undefined and empty lists', () => {
  assert.deepEqual(indexMessage(corpus('missing-headers.eml')), {
    messageId: undefined,
    inReplyTo: undefined,
    references: [],
    subject: undefined,
    from: [],
    to: [],
    cc: [],
    replyTo: [],
    date: undefined,
    xMss: {},
    returnReceiptTo: undefined,
    dispositionNotificationTo: undefined,
    autoSubmitted: undefined,
    contentType: undefined,
    headerBytes: 17,
  });
});

test('duplicate headers: first Subject and Message-ID win, addresses accumulate, last X-MSS-* wins', () => {
  const index = indexMessage(corpus('duplicate-headers.eml'));
  assert.equal(index.subject, 'Premier objet');
  assert.equal(index.messageId, 'first-id@medecin.test');
  assert.deepEqual(index.from, ['premier@medecin.test', 'second@medecin.test']);
  assert.deepEqual(index.to, ['a@pharmacie-des-tilleuls.test', 'b@pharmacie-des-tilleuls.test']);
  assert.deepEqual(index.xMss, { 'x-mss-mes': 'FIN' });
});

test('hostile address headers: groups, comments, routes, quoted commas', () => {
  const index = indexMessage(corpus('addresses-hostile.eml'));
  assert.deepEqual(index.from, ['camille.durand@pharmacie-des-tilleuls.test']);
  assert.deepEqual(index.to, ['sophie.leroy@cabinet-martin.test', 'jean.martin@medecin.test']);
  assert.deepEqual(index.cc, ['cpts@cpts-val-de-loire.test', 'quote@example.test', 'louise@example.test']);
  assert.deepEqual(index.replyTo, ['repondre@pharmacie-des-tilleuls.test']);
});

test('a reply: In-Reply-To, References, receipts requests, X-MSS-* names lower-cased and values trimmed', () => {
  const index = indexMessage(corpus('reply-multipart.eml'));
  assert.equal(index.inReplyTo, 'orig-1@pharmacie-des-tilleuls.test');
  assert.deepEqual(index.references, ['orig-0@pharmacie-des-tilleuls.test', 'orig-1@pharmacie-des-tilleuls.test']);
  assert.equal(index.returnReceiptTo, 'jean.martin@medecin.test');
  assert.equal(index.dispositionNotificationTo, 'jean.martin@medecin.test');
  assert.deepEqual(index.xMss, { 'x-mss-nil': 'DEV000003', 'x-mss-mes': 'FIN', 'x-mss-ins': 'N' });
  assert.deepEqual(index.replyTo, ['secretariat@cabinet-martin.test']);
});

test('garbage headers: non-fields skipped, obsolete "Subject :" read, bare Message-ID accepted', () => {
  const index = indexMessage(corpus('garbage.eml'));
  assert.equal(index.subject, ' obsolete spacing');
  assert.equal(index.messageId, 'no-angle-brackets@garbage.test');
  assert.deepEqual(index.to, []);
  assert.equal(index.headerBytes, 232);
});

test('a 200 KB header line is read whole', () => {
  const long = 'a'.repeat(200 * 1024);
  const raw = Buffer.from(`X-Long: ${long}\r\nSubject: =?UTF-8?Q?=5BFIN=5D?=\r\nTo: ${'x'.repeat(100_000)}@example.test\r\n\r\nbody`);
  const index = indexMessage(raw);
  assert.equal(index.subject, '[FIN]');
  assert.equal(index.to[0]?.length, 100_000 + '@example.test'.length);
  assert.equal(index.headerBytes, raw.length - 4);
});

test('random bytes never make it throw', () => {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const alphabet = Buffer.from('\r\n :<>"(),;@=?QB\\\t\x00\xff\xc3\xa9aZ');
  for (let round = 0; round < 300; round += 1) {
    const raw = Buffer.alloc(next() % 400, 0).map(() => alphabet[next() % alphabet.length] as number);
    assert.doesNotThrow(() => indexMessage(Buffer.concat([Buffer.from('Subject: '), raw])));
  }
});

test('header names that collide with Object.prototype are plain headers', () => {
  const index = indexMessage(Buffer.from('constructor: x\r\n__proto__: y\r\nX-MSS-__proto__: z\r\nhasOwnProperty: w\r\n\r\n'));
  assert.deepEqual(index.from, []);
  assert.equal(Object.getPrototypeOf(index.xMss), Object.prototype);
  assert.deepEqual(Object.entries(index.xMss), [['x-mss-__proto__', 'z']]);
});

test('Auto-Submitted is indexed, trimmed (RFC 3834 §5)', () => {
  const index = indexMessage(Buffer.from('From: a@b.fr\r\nAuto-Submitted:  auto-replied \r\n\r\nbody'));
  assert.equal(index.autoSubmitted, 'auto-replied');
  assert.equal(indexMessage(Buffer.from('From: a@b.fr\r\n\r\nbody')).autoSubmitted, undefined);
});

test('From and To addresses go to the shared string pool: a second message with the same ones adds nothing to it', () => {
  const tag = randomUUID().slice(0, 8);
  const message = (subject: string) => Buffer.from(`From: Louise <Louise.${tag}@Exemple.test>\r\nTo: paul.${tag}@exemple.test\r\nSubject: ${subject}\r\n\r\ncorps\r\n`);
  const before = messageStrings.size;
  const first = indexMessage(message('un'));
  const afterFirst = messageStrings.size;
  const second = indexMessage(message('deux'));
  assert.notEqual(afterFirst, before, 'the new addresses were pooled');
  assert.equal(messageStrings.size, afterFirst);
  assert.deepEqual([...first.from, ...second.to], [`louise.${tag}@exemple.test`, `paul.${tag}@exemple.test`]);
});

test('X-MSS records met again are shared and frozen; an unmet one is its own', () => {
  const raw = (value: string) => Buffer.from(`From: a@exemple.test\r\nX-MSS-MES: ${value}\r\nX-MSS-NIL: N1\r\n\r\ncorps`);
  const first = indexMessage(raw('FIN')).xMss;
  assert.equal(indexMessage(raw('FIN')).xMss, first);
  assert.ok(Object.isFrozen(first));
  assert.deepEqual(first, { 'x-mss-mes': 'FIN', 'x-mss-nil': 'N1' });
  assert.deepEqual(indexMessage(raw('AUTRE')).xMss, { 'x-mss-mes': 'AUTRE', 'x-mss-nil': 'N1' });
});
