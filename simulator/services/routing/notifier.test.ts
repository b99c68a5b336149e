// Delivery status notifications (RFC 3461, RFC 3464, REG-ANR-02): who gets one, from whom,
// and what it carries. Driven through the real router; DSNs read back with parseMessage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOUNCE_REASONS, type BounceReason } from '../../domain/bounce-reasons.ts';
import { createTrustSpaceView } from '../../domain/create-trust-space-view.ts';
import { DsnInputError } from '../../protocols/mime/dsn-input-error.ts';
import { indexMessage } from '../../protocols/mime/message-index.ts';
import { MessageStore } from '../store/message-store.ts';
import { parseMessage, type ParsedMessage } from '../../protocols/mime/parse-message.ts';
import type { StoredMessage } from '../store/stored-message.ts';
import { createNotifier, statusOf, type FailureReason } from './notifier.ts';
import { ADDRESSES as A, createRoutingFixture, defaultFixtures, incoming, NOW, rawMail, WorkQueue, type MailSpec, type RoutingFixture } from './testing/routing-fixture.ts';
import type { Transmission } from './transmission-log.ts';

const SENDER = A.pharmacieDuParc;
const ORIGINAL_ID = 'orig-42@pharmacien.mssante.fr';
const BODY = 'Bonjour,\r\nle traitement est prêt.';

/** Routes `spec` from Camille's pharmacy, runs the deferred work, returns what reached the sender. */
async function send(spec: Omit<MailSpec, 'from'>): Promise<{ f: RoutingFixture; reports: StoredMessage[]; parsed: ParsedMessage[] }> {
  const f = await createRoutingFixture();
  f.router.route(incoming({ from: SENDER, messageId: ORIGINAL_ID, body: BODY, ...spec }));
  await f.queue.drain();
  assert.deepEqual(f.errors, []);
  const reports = f.store.list(SENDER);
  return { f, reports, parsed: await Promise.all(reports.map((r) => parseMessage(r.raw))) };
}

const recipientsOf = (parsed: ParsedMessage) => parsed.deliveryStatus?.recipients.map((r) => [r.finalRecipient, r.action, r.status]);

test('a failure DSN: null envelope sender, From MAILER-DAEMON of the domain, tied to the original (REG-ANR-02, SC.MSS/UX.35)', async () => {
  const { f, reports, parsed } = await send({ to: [A.gerardOpposed] });
  assert.equal(reports.length, 1);
  const [report, dsn] = [reports[0]!, parsed[0]!];
  assert.deepEqual(report.envelope, { mailFrom: '', rcptTo: [SENDER] });
  assert.match(report.raw.toString('latin1'), /^Return-Path: <>\r\n(?!Return-Path)/, 'null sender on the delivered copy (RFC 5321 §4.4)');
  assert.equal(report.kind, 'bounce');
  assert.equal(report.ingress, 'simulator');
  assert.equal(report.receivedAt, NOW);
  assert.equal(report.reportsOn, 't-000001');
  assert.deepEqual(dsn.from, [{ name: '', address: 'MAILER-DAEMON@patient.mssante.fr' }]);
  assert.deepEqual(dsn.to, [{ name: '', address: SENDER }]);
  assert.equal(dsn.subject, 'Message non distribué');
  assert.equal(dsn.date?.toISOString(), NOW.toISOString());
  assert.equal(dsn.inReplyTo, ORIGINAL_ID);
  assert.deepEqual(dsn.references, [ORIGINAL_ID]);
  assert.equal(dsn.deliveryStatus?.perMessage.reportingMta, 'dns; smtps1.ens.simulateur.test');
  assert.equal(dsn.deliveryStatus?.perMessage.arrivalDate, 'Mon, 02 Mar 2026 09:30:00 +0000');
  assert.equal(dsn.deliveryStatus?.perMessage.originalEnvelopeId, undefined);
  assert.deepEqual(dsn.deliveryStatus?.recipients.map((r) => ({ ...r, fields: undefined })), [
    {
      originalRecipient: undefined,
      finalRecipient: `rfc822;${A.gerardOpposed}`,
      action: 'failed',
      status: '5.1.1',
      diagnosticCode: 'smtp; 550 5.1.1 Mon espace sante: mailbox does not exist',
      fields: undefined,
    },
  ]);
  assert.equal(f.store.count(), 1);
});

test('null reverse path: no bounce at all (RFC 5321 §4.5.5)', async () => {
  const { f, reports } = await send({ to: [A.gerardOpposed], envelope: { mailFrom: '' } });
  assert.deepEqual(reports, []);
  assert.equal(f.store.count(), 0);
});

test('NOTIFY=NEVER: no bounce; NOTIFY=DELAY alone: no failure DSN either (RFC 3461 §4.1)', async () => {
  for (const notify of [['NEVER'], ['DELAY']]) {
    const { f } = await send({ to: [A.gerardOpposed, A.louise], envelope: { recipientDsn: { [A.gerardOpposed]: { notify }, [A.louise]: { notify } } } });
    assert.equal(f.store.list(SENDER).length, 0, `NOTIFY=${notify.join(',')}`);
  }
});

test('NOTIFY=SUCCESS,FAILURE: a bounce for the failure and a positive DSN for the delivery', async () => {
  const notify = ['SUCCESS', 'FAILURE'];
  const { reports, parsed } = await send({ to: [A.gerardOpposed, A.louise], envelope: { recipientDsn: { [A.gerardOpposed]: { notify }, [A.louise]: { notify } } } });
  assert.deepEqual(reports.map((r) => r.kind), ['bounce', 'receipt']);
  assert.deepEqual(recipientsOf(parsed[0]!), [[`rfc822;${A.gerardOpposed}`, 'failed', '5.1.1']]);
  assert.deepEqual(recipientsOf(parsed[1]!), [[`rfc822;${A.louise}`, 'delivered', '2.0.0']]);
  const receipt = parsed[1]!;
  assert.equal(receipt.subject, 'Accusé de remise');
  assert.deepEqual(receipt.from, [{ name: '', address: 'MAILER-DAEMON@patient.mssante.fr' }]);
  assert.equal(receipt.inReplyTo, ORIGINAL_ID);
  assert.ok(receipt.text?.includes(`Votre message a bien été remis à « ${A.louise} ».`), receipt.text);
  assert.deepEqual(receipt.attachments.map((a) => a.contentType), ['message/delivery-status', 'text/rfc822-headers']);
});

test('no NOTIFY: a bounce for failures (the default), no positive DSN', async () => {
  const { reports } = await send({ to: [A.gerardOpposed, A.louise] });
  assert.deepEqual(reports.map((r) => r.kind), ['bounce']);
});

test('RET=FULL returns the whole message; RET=HDRS or no RET only its headers (RFC 3461 §4.3)', async () => {
  const full = await send({ to: [A.gerardOpposed], envelope: { ret: 'FULL' } });
  assert.deepEqual(full.parsed[0]!.attachments.map((a) => a.contentType), ['message/delivery-status', 'message/rfc822']);
  assert.ok(full.reports[0]!.raw.toString('utf8').includes(BODY), 'the body is returned');
  for (const envelope of [{ ret: 'HDRS' as const }, {}]) {
    const { reports, parsed } = await send({ to: [A.gerardOpposed], envelope });
    assert.deepEqual(parsed[0]!.attachments.map((a) => a.contentType), ['message/delivery-status', 'text/rfc822-headers']);
    const returned = reports[0]!.raw.toString('utf8');
    assert.ok(returned.includes(`Message-ID: <${ORIGINAL_ID}>`), 'the headers are returned');
    assert.equal(returned.includes('le traitement est prêt'), false, 'the body is not');
  }
});

test('ENVID becomes Original-Envelope-Id, ORCPT Original-Recipient (RFC 3464 §2.2.1, §2.3.1)', async () => {
  const orcpt = 'rfc822;152114908701235@Patient.MSSante.fr';
  const { parsed } = await send({ to: [A.gerardOpposed], envelope: { envid: 'ENV-2026-0042', recipientDsn: { [A.gerardOpposed]: { orcpt } } } });
  assert.equal(parsed[0]!.deliveryStatus?.perMessage.originalEnvelopeId, 'ENV-2026-0042');
  assert.equal(parsed[0]!.deliveryStatus?.recipients[0]?.originalRecipient, orcpt);
});

test('failures on two domains: two DSNs, each from MAILER-DAEMON of its domain, each with its recipients', async () => {
  const { reports, parsed } = await send({ to: [A.gerardOpposed, A.unknownMailbox, A.invalidKey] });
  assert.equal(reports.length, 2);
  assert.deepEqual(parsed.map((p) => p.from[0]?.address), ['MAILER-DAEMON@patient.mssante.fr', 'MAILER-DAEMON@medecin.mssante.fr']);
  assert.deepEqual(parsed.map((p) => p.deliveryStatus?.perMessage.reportingMta), ['dns; smtps1.ens.simulateur.test', 'dns; smtp1.mailiz.simulateur.test']);
  assert.deepEqual(recipientsOf(parsed[0]!), [
    [`rfc822;${A.gerardOpposed}`, 'failed', '5.1.1'],
    [`rfc822;${A.invalidKey}`, 'failed', '5.1.3'],
  ]);
  assert.deepEqual(recipientsOf(parsed[1]!), [[`rfc822;${A.unknownMailbox}`, 'failed', '5.1.1']]);
});

test('Return-Receipt-To: a positive DSN to that address, per reporting domain (MSS/va1.15)', async () => {
  const { f, reports } = await send({ to: [A.louise, A.drMartin], headers: { 'Return-Receipt-To': `Secrétariat <${A.secretariat}>` } });
  assert.deepEqual(reports, [], 'the envelope sender asked for nothing');
  const receipts = f.store.list(A.secretariat);
  assert.deepEqual(receipts.map((r) => [r.kind, r.envelope.mailFrom]), [['receipt', ''], ['receipt', '']]);
  const parsed = await Promise.all(receipts.map((r) => parseMessage(r.raw)));
  assert.deepEqual(parsed.map((p) => p.from[0]?.address), ['MAILER-DAEMON@patient.mssante.fr', 'MAILER-DAEMON@ch-valbrume.mssante.fr']);
  assert.deepEqual(parsed.map(recipientsOf), [[[`rfc822;${A.louise}`, 'delivered', '2.0.0']], [[`rfc822;${A.drMartin}`, 'delivered', '2.0.0']]]);
});

/** One address per reason, planned as such by recipient-plan.ts on the default fixtures. */
const BY_REASON: Readonly<Record<Exclude<BounceReason, 'patient-too-large'>, string>> = {
  'patient-opposed': A.gerardOpposed,
  'patient-closed': A.yvetteClosed,
  'patient-no-profile': A.thomasNoProfile,
  'patient-invalid-address': A.invalidKey,
  'unknown-mailbox': A.unknownMailbox,
};

test('the French sentence of each reason is in the text part (REG-ANR-03)', async () => {
  for (const [reason, address] of Object.entries(BY_REASON) as [BounceReason, string][]) {
    const { parsed } = await send({ to: [address] });
    assert.ok(parsed[0]!.text?.includes(BOUNCE_REASONS[reason].sentence(address)), `${reason}: ${parsed[0]!.text}`);
    assert.equal(parsed[0]!.deliveryStatus?.recipients[0]?.status, BOUNCE_REASONS[reason].status);
  }
  const { parsed } = await send({ to: [A.yvetteClosed] });
  const seed = `Le message que vous avez envoyé à l'adresse « ${A.yvetteClosed} » n'a pas pu être distribué, car la messagerie Mon espace santé de votre destinataire est clôturée.`;
  assert.ok(parsed[0]!.text?.includes(seed), parsed[0]!.text);
});

test('a message without Message-ID gives a bounce without In-Reply-To', async () => {
  const f = await createRoutingFixture();
  const raw = Buffer.from(`From: <${SENDER}>\r\nTo: ${A.gerardOpposed}\r\nSubject: Sans identifiant\r\n\r\nBonjour\r\n`);
  f.router.route(incoming({ from: SENDER, to: [A.gerardOpposed] }, raw));
  await f.queue.drain();
  const parsed = await parseMessage(f.store.list(SENDER)[0]!.raw);
  assert.equal(parsed.inReplyTo, undefined);
  assert.deepEqual(parsed.references, []);
  assert.equal(parsed.headers.some((h) => /^(in-reply-to|references)$/i.test(h.name)), false);
});

function transmissionOf(mailFrom: string, to: string): Transmission {
  const raw = rawMail({ from: A.drMartin, to: [to] });
  return { id: 't-000009', envelope: { mailFrom, rcptTo: [to] }, raw, index: indexMessage(raw), ingress: 'peer', receivedAt: NOW, outcomes: [] };
}

async function bareNotifier(store = new MessageStore()) {
  const view = createTrustSpaceView(await defaultFixtures());
  const queue = new WorkQueue();
  const errors: [unknown, Transmission][] = [];
  const notifier = createNotifier({ store, view: () => view, now: () => NOW, defer: queue.defer, onError: (error, t) => void errors.push([error, t]) });
  return { notifier, queue, errors, store };
}

test('outside-trust-space and patient-too-large: status, subject and sentence (REG-ANR-03, REG-ANR-04)', async () => {
  const cases: [FailureReason, string, string, string, string][] = [
    ['outside-trust-space', A.notWhitelisted, '5.7.1', 'Message non distribué', "car ce domaine n'appartient pas à l'espace de confiance MSSanté."],
    ['patient-too-large', A.louise, '5.3.4', 'Undelivered Mail Returned to Sender', 'car sa taille dépasse la limite de 25 Mo acceptée par Mon espace santé.'],
  ];
  for (const [reason, address, status, subject, ending] of cases) {
    const { notifier, queue, store } = await bareNotifier();
    notifier.bounce(transmissionOf(A.drMartin, address), [{ recipient: address, reason }]);
    assert.equal(store.count(), 0, 'deferred');
    await queue.drain();
    const parsed = await parseMessage(store.list(A.drMartin)[0]!.raw);
    assert.equal(statusOf(reason), status);
    assert.equal(parsed.subject, subject);
    assert.equal(parsed.deliveryStatus?.recipients[0]?.status, status);
    assert.ok(parsed.text?.includes(`Le message que vous avez envoyé à l'adresse « ${address} » n'a pas pu être distribué, ${ending}`), parsed.text);
  }
});

test('a DSN that cannot be built goes to onError with the transmission; nothing is thrown or stored', async () => {
  const { notifier, queue, errors, store } = await bareNotifier();
  const transmission = transmissionOf(' ', A.gerardOpposed); // blank, yet not the null reverse path
  notifier.bounce(transmission, [{ recipient: A.gerardOpposed, reason: 'patient-opposed' }]);
  await queue.drain();
  assert.equal(errors.length, 1);
  assert.ok(errors[0]![0] instanceof DsnInputError);
  assert.equal((errors[0]![0] as DsnInputError).code, 'MSS_SIM_DSN_INVALID_INPUT');
  assert.equal(errors[0]![1], transmission);
  assert.equal(store.count(), 0);
});

test('a store that fails while storing a DSN: onError, and the other DSNs are still stored', async () => {
  class FailingOnce extends MessageStore {
    #failed = false;
    override add(input: Parameters<MessageStore['add']>[0]): StoredMessage {
      if (!this.#failed) {
        this.#failed = true;
        throw new Error('disque plein');
      }
      return super.add(input);
    }
  }
  const { notifier, queue, errors, store } = await bareNotifier(new FailingOnce());
  const transmission = transmissionOf(A.drMartin, A.gerardOpposed);
  notifier.bounce(transmission, [
    { recipient: A.gerardOpposed, reason: 'patient-opposed' },
    { recipient: A.unknownMailbox, reason: 'unknown-mailbox' },
  ]);
  await queue.drain();
  assert.deepEqual(errors.map(([e, t]) => [(e as Error).message, t]), [['disque plein', transmission]]);
  assert.deepEqual(store.list(A.drMartin).map((m) => m.index.from[0]), ['mailer-daemon@medecin.mssante.fr']);
});

test('a bounce is stored with its header index, its bytes made on first read and kept', async () => {
  const f = await createRoutingFixture();
  f.router.route(incoming({ from: SENDER, messageId: ORIGINAL_ID, body: BODY, to: [A.gerardOpposed] }));
  await f.queue.drain();
  const [report] = f.store.list(SENDER);
  assert.equal(typeof Object.getOwnPropertyDescriptor(report!, 'raw')?.get, 'function', 'raw is a getter, not bytes made while storing');
  assert.equal(report!.raw, report!.raw);
  assert.deepEqual(report!.index, indexMessage(report!.raw));
  assert.equal((await parseMessage(report!.raw)).deliveryStatus?.recipients[0]?.status, '5.1.1');
});
