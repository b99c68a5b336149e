// Routing of accepted mail (REG-ANR-01, REG-ANR-06, REG-SMTP-04): every recipient delivered or bounced, once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOUNCE_REASONS } from '../../domain/bounce-reasons.ts';
import { PATIENT_MAX_MESSAGE_BYTES } from '../../domain/model.ts';
import { buildFailureDsn, buildSuccessDsn, type FailureDsnInput } from '../../protocols/mime/dsn-builder.ts';
import { indexMessage } from '../../protocols/mime/message-index.ts';
import { parseMessage } from '../../protocols/mime/parse-message.ts';
import { formatRfc5322Date } from '../../protocols/mime/rfc5322-date.ts';
import { ADDRESSES as A, createRoutingFixture, incoming, NOW, rawMail, type RoutingFixture } from './testing/routing-fixture.ts';

function storedId(f: RoutingFixture, mailbox: string): string {
  const copies = f.store.list(mailbox);
  assert.equal(copies.length, 1, `${mailbox} holds ${copies.length} copies`);
  return copies[0]!.id;
}

test('each recipient plan gives its outcome (REG-ANR-01, REG-ANR-06)', async () => {
  const delivered = [
    [A.drMartin, A.drMartin], // mailbox
    ['Secretariat.Cardiologie@CH-Valbrume.mssante.fr', A.secretariat], // mailbox, case-insensitive
    [A.louise, A.louise], // active patient
    [A.autoReply, A.autoReply], // Mon espace santé test mailbox
  ] as const;
  for (const [recipient, mailbox] of delivered) {
    const f = await createRoutingFixture();
    const result = f.router.route(incoming({ from: A.pharmacieDuParc, to: [recipient] }));
    assert.deepEqual(result, { transmissionId: 't-000001', recipients: [{ recipient, outcome: 'delivered', mailbox, storedId: storedId(f, mailbox) }] });
  }
  const bounced = [
    [A.gerardOpposed, BOUNCE_REASONS['patient-opposed'].status, '5.1.1'],
    [A.yvetteClosed, BOUNCE_REASONS['patient-closed'].status, '5.2.1'],
    [A.thomasNoProfile, BOUNCE_REASONS['patient-no-profile'].status, '5.1.1'],
    [A.invalidKey, BOUNCE_REASONS['patient-invalid-address'].status, '5.1.3'],
    [A.unknownMailbox, BOUNCE_REASONS['unknown-mailbox'].status, '5.1.1'],
    [A.notWhitelisted, '5.7.1', '5.7.1'], // outside-trust-space: a policy bug, bounced not dropped
  ] as const;
  for (const [recipient, status, literal] of bounced) {
    assert.equal(status, literal);
    const f = await createRoutingFixture();
    const result = f.router.route(incoming({ from: A.pharmacieDuParc, to: [recipient] }));
    assert.deepEqual(result, { transmissionId: 't-000001', recipients: [{ recipient, outcome: 'bounced', status }] });
    assert.equal(f.store.count(), 0, `${recipient}: nothing stored before the deferred bounce`);
  }
});

test('a delivered copy is the message as received behind its Return-Path (RFC 5321 §4.4), in the INBOX', async () => {
  const f = await createRoutingFixture();
  const message = { ...incoming({ from: A.drMartin, to: [A.louise] }), connectionId: 'c-000007', authenticatedMailbox: A.drMartin, ingress: 'submission' as const };
  f.router.route(message);
  const copy = f.store.list(A.louise)[0]!;
  assert.equal(copy.folder, 'INBOX');
  assert.equal(copy.kind, 'message');
  assert.deepEqual(copy.raw, Buffer.concat([Buffer.from(`Return-Path: <${A.drMartin}>\r\n`), message.raw]));
  assert.deepEqual(copy.envelope, message.envelope);
  assert.deepEqual(copy.receivedAt, NOW);
  assert.equal(copy.ingress, 'submission');
  assert.equal(copy.connectionId, 'c-000007');
  const transmission = f.transmissions.get('t-000001')!;
  assert.deepEqual(transmission.raw, message.raw, 'the transmission keeps the bytes as received');
  assert.equal(transmission.raw.buffer, copy.raw.buffer, 'held once: a view into the delivered copy');
  assert.equal(transmission.raw.byteOffset, copy.raw.byteOffset + copy.raw.length - message.raw.length);
  assert.equal(transmission.authenticatedMailbox, A.drMartin);
  assert.equal(transmission.connectionId, 'c-000007');
  assert.equal(transmission.ingress, 'submission');
});

test('several recipients: one transmission, one outcome per recipient, stored + bounced = recipients', async () => {
  const f = await createRoutingFixture();
  const to = [A.louise, A.gerardOpposed, A.drMartin, A.invalidKey, A.unknownMailbox];
  const message = incoming({ from: A.pharmacieDuParc, to, messageId: 'multi-1@pharmacien.mssante.fr' });
  const result = f.router.route(message);

  assert.equal(f.transmissions.count(), 1);
  const transmission = f.transmissions.all()[0]!;
  assert.equal(transmission.id, 't-000001');
  assert.deepEqual(transmission.raw, message.raw);
  assert.deepEqual(transmission.envelope, message.envelope);
  assert.equal(transmission.index.messageId, 'multi-1@pharmacien.mssante.fr');
  assert.equal('connectionId' in transmission, false);
  assert.equal('authenticatedMailbox' in transmission, false);
  assert.deepEqual(result.recipients, transmission.outcomes);
  assert.deepEqual(transmission.outcomes, [
    { recipient: A.louise, outcome: 'delivered', mailbox: A.louise, storedId: 'm-000001' },
    { recipient: A.gerardOpposed, outcome: 'bounced', status: '5.1.1' },
    { recipient: A.drMartin, outcome: 'delivered', mailbox: A.drMartin, storedId: 'm-000002' },
    { recipient: A.invalidKey, outcome: 'bounced', status: '5.1.3' },
    { recipient: A.unknownMailbox, outcome: 'bounced', status: '5.1.1' },
  ]);
  const stored = transmission.outcomes.filter((o) => o.outcome === 'delivered').length;
  const bounced = transmission.outcomes.filter((o) => o.outcome === 'bounced').length;
  assert.equal(stored + bounced, to.length);
  assert.equal(f.store.count(), stored);

  assert.equal(f.store.list(A.pharmacieDuParc).length, 0, 'bounces are asynchronous (REG-ANR-01)');
  await f.queue.drain();
  const bounces = f.store.list(A.pharmacieDuParc, { kind: 'bounce' });
  const reported = await Promise.all(bounces.map(async (b) => (await parseMessage(b.raw)).deliveryStatus?.recipients.map((r) => r.finalRecipient)));
  assert.deepEqual(reported, [
    [`rfc822;${A.gerardOpposed}`, `rfc822;${A.invalidKey}`], // patient.mssante.fr reports its two
    [`rfc822;${A.unknownMailbox}`], // medecin.mssante.fr its one
  ]);
  assert.deepEqual(f.errors, []);
});

/** Header block, then `A` up to `total` bytes. */
function messageOfSize(total: number, to: readonly string[]): Buffer {
  const head = rawMail({ from: A.drMartin, to, subject: 'Imagerie', messageId: 'big-1@ch-valbrume.mssante.fr', body: '' });
  return Buffer.concat([head, Buffer.alloc(total - head.length, 'A')]);
}

test('over 25 Mo a patient bounces 5.3.4 with the headers only, even with RET=FULL; others still get it (REG-ANR-04)', async () => {
  const f = await createRoutingFixture();
  const to = [A.louise, A.secretariat];
  const raw = messageOfSize(PATIENT_MAX_MESSAGE_BYTES + 1, to);
  const result = f.router.route(incoming({ from: A.drMartin, to, envelope: { ret: 'FULL' } }, raw));
  assert.deepEqual(result.recipients, [
    { recipient: A.louise, outcome: 'bounced', status: BOUNCE_REASONS['patient-too-large'].status },
    { recipient: A.secretariat, outcome: 'delivered', mailbox: A.secretariat, storedId: 'm-000001' },
  ]);
  assert.equal(f.store.list(A.louise).length, 0);
  await f.queue.drain();
  const bounce = f.store.list(A.drMartin, { kind: 'bounce' })[0]!;
  assert.ok(bounce.raw.length < 10_000, `bounce of ${bounce.raw.length} bytes: the body must not be returned`);
  const parsed = await parseMessage(bounce.raw);
  assert.equal(parsed.subject, 'Undelivered Mail Returned to Sender');
  assert.equal(parsed.deliveryStatus?.recipients[0]?.status, '5.3.4');
  assert.equal(parsed.deliveryStatus?.recipients[0]?.diagnosticCode, 'smtp; 552 5.3.4 Mon espace sante: message exceeds 25 Mo');
  assert.deepEqual(parsed.attachments.map((a) => a.contentType), ['message/delivery-status', 'text/rfc822-headers']);
  assert.equal(parsed.inReplyTo, 'big-1@ch-valbrume.mssante.fr');
});

test('exactly 25 Mo still reaches the patient', async () => {
  const f = await createRoutingFixture();
  const raw = messageOfSize(PATIENT_MAX_MESSAGE_BYTES, [A.louise]);
  const result = f.router.route(incoming({ from: A.drMartin, to: [A.louise] }, raw));
  assert.deepEqual(result.recipients, [{ recipient: A.louise, outcome: 'delivered', mailbox: A.louise, storedId: 'm-000001' }]);
});

function dsnInput(): FailureDsnInput {
  const original = rawMail({ from: A.drMartin, to: [A.gerardOpposed], messageId: 'orig@ch-valbrume.mssante.fr' });
  return {
    reportingMta: 'smtp.operateur-b.test',
    from: 'MAILER-DAEMON@operateur-b.test',
    to: A.drMartin,
    subject: 'Message non distribué',
    messageId: 'dsn@operateur-b.test',
    date: NOW,
    arrivalDate: NOW,
    originalRaw: original,
    originalHeaderBytes: indexMessage(original).headerBytes,
    recipients: [{ finalRecipient: 'x@operateur-b.test', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 unknown', sentence: 'Inconnu.' }],
  };
}

const MDN = [
  'From: <pharmacie.duparc@pharmacien.mssante.fr>',
  'To: <paul.martin@ch-valbrume.mssante.fr>',
  'Subject: Lu : Compte rendu',
  'Message-ID: <mdn-1@pharmacien.mssante.fr>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"',
  '',
  '--b',
  'Content-Type: message/disposition-notification',
  '',
  'Final-Recipient: rfc822;pharmacie.duparc@pharmacien.mssante.fr',
  'Disposition: manual-action/MDN-sent-manually; displayed',
  '--b--',
  '',
].join('\r\n');

test('a delivered DSN or MDN is stored with its kind (bounce, receipt), RFC 3464 / RFC 8098', async () => {
  const f = await createRoutingFixture();
  const reports = { bounce: buildFailureDsn(dsnInput()), receipt: buildSuccessDsn({ ...dsnInput(), recipients: [{ finalRecipient: 'x@operateur-b.test' }] }), mdn: Buffer.from(MDN) };
  for (const raw of Object.values(reports)) f.router.route(incoming({ from: '', to: [A.drMartin], envelope: { mailFrom: '' } }, raw));
  assert.deepEqual(f.store.list(A.drMartin).map((m) => m.kind), ['bounce', 'receipt', 'receipt']);
  await f.queue.drain();
  assert.equal(f.store.count(), 3, 'a report is never answered by another');
});

test('a postmaster is delivered to, never bounced, and the patient-domain one is nobody\'s Mon espace santé (REG-SMTP-05)', async () => {
  const f = await createRoutingFixture();
  const result = f.router.route(incoming({ from: A.pharmacieDuParc, to: ['Postmaster@patient.mssante.fr', 'postmaster'] }));
  assert.deepEqual(
    result.recipients.map((r) => [r.outcome, r.outcome === 'delivered' ? r.mailbox : '']),
    [
      ['delivered', 'postmaster@patient.mssante.fr'],
      ['delivered', 'postmaster@mssante.simulateur.test'],
    ],
  );
  assert.equal(f.store.list('postmaster@patient.mssante.fr').length, 1);
  assert.equal(f.patientDeliveries.length, 0);
  assert.equal(f.autoReplies.length, 0);
});

test('the patient-domain listener gets the copy routing stored and the transmission', async () => {
  const f = await createRoutingFixture();
  f.router.route(incoming({ from: A.pharmacieDuParc, to: [A.drMartin, A.louise, A.autoReply, A.gerardOpposed] }));
  const transmission = f.transmissions.get('t-000001')!;
  assert.equal(f.patientDeliveries.length, 1);
  assert.equal(f.patientDeliveries[0]!.copy, f.store.get(storedId(f, A.louise)));
  assert.equal(f.patientDeliveries[0]!.transmission, transmission);
  assert.equal(f.autoReplies.length, 1);
  assert.equal(f.autoReplies[0]!.copy, f.store.get(storedId(f, A.autoReply)));
  assert.equal(f.autoReplies[0]!.transmission, transmission);
});

test("a message received over SMTP gets, under its Return-Path, one Received line for the transmission, shared by its copies (RFC 5321 §4.4)", async () => {
  const f = await createRoutingFixture();
  const trace = { helo: 'poste.pharmacie.test', remoteAddress: '127.0.0.1', serverName: 'mssante.simulateur.test', extended: true, tls: { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' }, authenticated: true, smtpUtf8: false };
  const message = { ...incoming({ from: A.pharmacieDuParc, to: [A.louise, A.drMartin] }), connectionId: 'c-000008', ingress: 'submission' as const, trace };
  f.router.route(message);
  const received = 'Received: from poste.pharmacie.test ([127.0.0.1])\r\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384)\r\n\tby mssante.simulateur.test (Simulateur MSSante) with ESMTPSA id t-000001\r\n\t; ' + formatRfc5322Date(NOW) + '\r\n';
  const [toLouise, toMartin] = [f.store.list(A.louise)[0]!, f.store.list(A.drMartin)[0]!];
  assert.equal(toLouise.raw.toString('latin1'), `Return-Path: <${A.pharmacieDuParc}>\r\n${received}${message.raw.toString('latin1')}`);
  assert.equal(toMartin.raw.buffer, toLouise.raw.buffer, 'the two copies share their bytes');
  assert.equal(toMartin.raw.byteOffset, toLouise.raw.byteOffset);
  assert.deepEqual(f.transmissions.get('t-000001')!.raw, message.raw, 'the transmission keeps the bytes as received');
  assert.equal(toLouise.index.headerBytes, indexMessage(message.raw).headerBytes + Buffer.byteLength(`Return-Path: <${A.pharmacieDuParc}>\r\n${received}`));
  f.router.route({ ...incoming({ from: A.pharmacieDuParc, to: [A.louise] }), connectionId: 'c-000009', ingress: 'submission' as const, trace });
  assert.match(f.store.list(A.louise)[1]!.raw.toString('latin1'), new RegExp(`with ESMTPSA id t-000002\r\n\tfor <${A.louise}>; `), 'one recipient: named');
});

test('an index handed over by the endpoint is used as is, not computed again (only shifted by the Return-Path line)', async () => {
  const f = await createRoutingFixture();
  const message = incoming({ from: A.drMartin, to: [A.louise], subject: 'Sujet du message' });
  const index = { ...indexMessage(message.raw), subject: 'Sujet de l’index', contentType: 'multipart/report; report-type=disposition-notification' };
  f.router.route({ ...message, index });
  // Equal, not identical: a delivered transmission reads its index from the copy's (delivered-transmission.ts).
  assert.deepEqual(f.transmissions.get('t-000001')!.index, index);
  const copy = f.store.list(A.louise)[0]!;
  assert.deepEqual(copy.index, { ...index, headerBytes: index.headerBytes + `Return-Path: <${A.drMartin}>\r\n`.length });
  assert.equal(copy.kind, 'receipt', 'the kind comes from the given index');
});

test('successive messages get successive transmission ids', async () => {
  const f = await createRoutingFixture();
  f.router.route(incoming({ from: A.drMartin, to: [A.louise] }));
  f.router.route(incoming({ from: A.drMartin, to: [A.gerardOpposed] }));
  assert.deepEqual(f.transmissions.all().map((t) => t.id), ['t-000001', 't-000002']);
});

test('the outcome names the mailbox as the store holds it (lower-case), also for a Corsican INS', async () => {
  const f = await createRoutingFixture();
  const result = f.router.route(incoming({ from: A.drMartin, to: [A.paulAntoine] }));
  const copy = f.store.list(A.paulAntoine)[0]!;
  assert.equal(copy.mailbox, '178042a00411701@patient.mssante.fr');
  assert.deepEqual(result.recipients, [{ recipient: A.paulAntoine, outcome: 'delivered', mailbox: copy.mailbox, storedId: copy.id }]);
});
