import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFailureDsn, buildSuccessDsn, prepareFailureDsn, prepareSuccessDsn } from './dsn-builder.ts';
import type { FailureDsnInput, SuccessDsnInput } from './dsn-builder.ts';
import { DsnInputError } from './dsn-input-error.ts';
import { indexMessage } from './message-index.ts';
import { parseMessage } from './parse-message.ts';
import { typedFieldValue } from './delivery-status.ts';

const ORIGINAL = Buffer.from(
  'From: Dr Jean Martin <jean.martin@medecin.test>\r\nTo: 279035121518989@patient.mssante.fr\r\nSubject: Rappel vaccin\r\n' +
    'Message-ID: <orig-1@medecin.test>\r\n\r\nBonjour,\r\nrappel de la seconde injection.\r\n',
);
const SENTENCE =
  "Le message que vous avez envoyé à l'adresse « 279035121518989@patient.mssante.fr » n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.";

function failureInput(overrides: Partial<FailureDsnInput> = {}): FailureDsnInput {
  return {
    reportingMta: 'mx.patient.mssante.fr',
    from: 'MAILER-DAEMON@patient.mssante.fr',
    to: 'jean.martin@medecin.test',
    subject: 'Message non distribué',
    messageId: 'dsn-1@patient.mssante.fr',
    date: new Date(Date.UTC(2025, 2, 20, 10, 0, 5)),
    arrivalDate: new Date(Date.UTC(2025, 2, 20, 10, 0, 0)),
    envid: 'ENV-0042',
    originalMessageId: 'orig-1@medecin.test',
    originalRaw: ORIGINAL,
    originalHeaderBytes: indexMessage(ORIGINAL).headerBytes,
    recipients: [
      {
        originalRecipient: 'rfc822;279035121518989@Patient.MSSante.fr',
        finalRecipient: '279035121518989@patient.mssante.fr',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 Adresse Mon espace sante inexistante',
        sentence: SENTENCE,
      },
      { finalRecipient: '184127645108946@patient.mssante.fr', status: '5.2.1', diagnosticCode: '550 5.2.1 Messagerie cloturee', sentence: 'Deuxième phrase.' },
    ],
    ...overrides,
  };
}

function assertWireSafe(raw: Buffer): void {
  const text = raw.toString('latin1');
  assert.equal(/(^|[^\r])\n/.test(text), false, 'bare LF');
  assert.equal(/\r(?!\n)/.test(text), false, 'bare CR');
  assert.ok(text.split('\r\n').every((line) => line.length <= 998), 'line over 998 octets');
}

test('failure DSN, RET=HDRS: headers, French text, delivery-status fields and original headers round-trip', async () => {
  const raw = buildFailureDsn(failureInput({ ret: 'HDRS' }));
  assertWireSafe(raw);
  const parsed = await parseMessage(raw, { keepContent: true });
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.from, [{ name: '', address: 'MAILER-DAEMON@patient.mssante.fr' }]);
  assert.deepEqual(parsed.to, [{ name: '', address: 'jean.martin@medecin.test' }]);
  assert.equal(parsed.subject, 'Message non distribué');
  assert.equal(parsed.messageId, 'dsn-1@patient.mssante.fr');
  assert.equal(parsed.inReplyTo, 'orig-1@medecin.test');
  assert.deepEqual(parsed.references, ['orig-1@medecin.test']);
  assert.equal(parsed.date?.toISOString(), '2025-03-20T10:00:05.000Z');
  assert.deepEqual(parsed.headers.find((h) => h.name === 'Auto-Submitted'), { name: 'Auto-Submitted', value: 'auto-replied' });
  assert.match(parsed.contentType ?? '', /^multipart\/report; report-type=delivery-status; boundary="=_mss-dsn-/);
  assert.ok(parsed.text?.includes(`${SENTENCE}\nDeuxième phrase.\n`), parsed.text);
  assert.deepEqual(parsed.deliveryStatus?.perMessage, {
    reportingMta: 'dns; mx.patient.mssante.fr',
    arrivalDate: 'Thu, 20 Mar 2025 10:00:00 +0000',
    originalEnvelopeId: 'ENV-0042',
    fields: { 'reporting-mta': 'dns; mx.patient.mssante.fr', 'original-envelope-id': 'ENV-0042', 'arrival-date': 'Thu, 20 Mar 2025 10:00:00 +0000' },
  });
  assert.deepEqual(
    parsed.deliveryStatus?.recipients.map(({ fields: _fields, ...r }) => r),
    [
      {
        originalRecipient: 'rfc822;279035121518989@Patient.MSSante.fr',
        finalRecipient: 'rfc822;279035121518989@patient.mssante.fr',
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 Adresse Mon espace sante inexistante',
      },
      {
        originalRecipient: undefined,
        finalRecipient: 'rfc822;184127645108946@patient.mssante.fr',
        action: 'failed',
        status: '5.2.1',
        diagnosticCode: 'smtp; 550 5.2.1 Messagerie cloturee',
      },
    ],
  );
  const returned = parsed.attachments.find((a) => a.contentType === 'text/rfc822-headers');
  assert.equal(returned?.content?.toString('utf8'), ORIGINAL.subarray(0, indexMessage(ORIGINAL).headerBytes).toString('utf8'));
});

test('failure DSN without RET returns the headers; with RET=FULL the whole original as message/rfc822', async () => {
  const headersOnly = await parseMessage(buildFailureDsn(failureInput({ envid: undefined })));
  assert.deepEqual(headersOnly.attachments.map((a) => a.contentType), ['message/delivery-status', 'text/rfc822-headers']);
  assert.equal(headersOnly.deliveryStatus?.perMessage.originalEnvelopeId, undefined);
  const raw = buildFailureDsn(failureInput({ ret: 'FULL' }));
  assertWireSafe(raw);
  const full = await parseMessage(raw, { keepContent: true });
  assert.deepEqual(full.problems, []);
  const returned = full.attachments.find((a) => a.contentType === 'message/rfc822');
  assert.equal(returned?.content?.toString('utf8'), ORIGINAL.toString('utf8'));
  assert.equal(full.deliveryStatus?.recipients.length, 2);
});

test('success DSN: Action delivered, Status 2.0.0, French receipt sentence, ORCPT and ENVID kept', async () => {
  const input: SuccessDsnInput = {
    ...failureInput(),
    subject: 'Accusé de remise',
    ret: 'HDRS',
    recipients: [{ originalRecipient: 'rfc822;279035121518989@patient.mssante.fr', finalRecipient: '279035121518989@patient.mssante.fr', sentence: '' }],
  };
  const raw = buildSuccessDsn(input);
  assertWireSafe(raw);
  const parsed = await parseMessage(raw);
  assert.equal(parsed.subject, 'Accusé de remise');
  assert.ok(parsed.text?.includes('Votre message a bien été remis à « 279035121518989@patient.mssante.fr ».'), parsed.text);
  assert.equal(parsed.deliveryStatus?.perMessage.originalEnvelopeId, 'ENV-0042');
  assert.deepEqual(
    parsed.deliveryStatus?.recipients.map(({ fields: _fields, ...r }) => r),
    [
      {
        originalRecipient: 'rfc822;279035121518989@patient.mssante.fr',
        finalRecipient: 'rfc822;279035121518989@patient.mssante.fr',
        action: 'delivered',
        status: '2.0.0',
        diagnosticCode: undefined,
      },
    ],
  );
  const full = await parseMessage(buildSuccessDsn({ ...input, ret: 'FULL', recipients: [{ finalRecipient: 'a@b.test', diagnosticCode: 'smtp; 250 2.0.0 remis' }] }));
  assert.equal(full.deliveryStatus?.recipients[0]?.diagnosticCode, 'smtp; 250 2.0.0 remis');
  assert.deepEqual(full.attachments.map((a) => a.contentType), ['message/delivery-status', 'message/rfc822']);
});

test('boundaries are unique; non-ASCII and long diagnostics stay ASCII and folded', async () => {
  const long = `smtp; 550 5.1.1 « Adresse » ${'très longue explication '.repeat(10)}`;
  const first = buildFailureDsn(failureInput({ recipients: [{ finalRecipient: 'a@b.test', status: '5.1.1', diagnosticCode: long, sentence: 'x' }] }));
  const second = buildFailureDsn(failureInput());
  const boundary = (raw: Buffer) => /boundary="([^"]+)"/.exec(raw.toString('latin1'))?.[1];
  assert.notEqual(boundary(first), boundary(second));
  const parsed = await parseMessage(first);
  assert.equal(parsed.deliveryStatus?.recipients[0]?.diagnosticCode, `smtp; 550 5.1.1 " Adresse " ${'tres longue explication '.repeat(10)}`.trim());
});

test('a recipient outside ASCII (accepted under SMTPUTF8) is named utf-8 in xtext form, never with its accents dropped, and reads back whole', async () => {
  const raw = buildFailureDsn(failureInput({ recipients: [{ finalRecipient: 'josé@ch-valbrume.mssante.fr', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 inconnue', sentence: 'x' }] }));
  assert.match(raw.toString('latin1'), /\r\nFinal-Recipient: utf-8;jos\\x\{E9\}@ch-valbrume\.mssante\.fr\r\n/);
  const field = (await parseMessage(raw)).deliveryStatus?.recipients[0]?.finalRecipient ?? '';
  assert.equal(typedFieldValue(field), 'josé@ch-valbrume.mssante.fr');
});

test('a hostile original (bare LF, 200 KB header line, 8-bit) is returned wire-safe', async () => {
  const hostile = Buffer.from(`Subject: é\nX-Long: ${'a'.repeat(200 * 1024)}\n\nbody\n${'b'.repeat(5000)}`);
  for (const ret of ['HDRS', 'FULL'] as const) {
    const raw = buildFailureDsn(failureInput({ ret, originalRaw: hostile, originalHeaderBytes: indexMessage(hostile).headerBytes }));
    assertWireSafe(raw);
    const parsed = await parseMessage(raw);
    assert.equal(parsed.deliveryStatus?.recipients.length, 2);
  }
});

test('invalid input is a typed error', () => {
  assert.throws(() => buildFailureDsn(failureInput({ recipients: [] })), DsnInputError);
  assert.throws(() => buildFailureDsn(failureInput({ to: '' })), { code: 'MSS_SIM_DSN_INVALID_INPUT' });
  const bad = { finalRecipient: 'a@b.test', status: '2.0.0', diagnosticCode: 'x', sentence: 'x' };
  assert.throws(() => buildFailureDsn(failureInput({ recipients: [bad] })), /status "2.0.0" of a@b.test does not fit Action: failed/);
  assert.throws(() => buildSuccessDsn({ ...failureInput(), recipients: [{ finalRecipient: 'a@b.test', status: '5.1.1' }] }), DsnInputError);
});

/** The boundary is a fresh random token per DSN: the only bytes two builds of one input may differ in. */
const sameBoundary = (raw: Buffer) => raw.toString('latin1').replaceAll(/=_mss-dsn-[\w.-]+/g, '=_mss-dsn-BOUNDARY');

test('a prepared DSN makes, on first read, the bytes build*Dsn makes (boundary aside); its header block indexes as the whole', () => {
  const cases = [
    { lazy: prepareFailureDsn(failureInput()), eager: buildFailureDsn(failureInput()) },
    { lazy: prepareFailureDsn(failureInput({ ret: 'FULL' })), eager: buildFailureDsn(failureInput({ ret: 'FULL' })) },
    {
      lazy: prepareSuccessDsn({ ...failureInput(), subject: 'Accusé de remise', recipients: [{ finalRecipient: 'a@b.test' }] }),
      eager: buildSuccessDsn({ ...failureInput(), subject: 'Accusé de remise', recipients: [{ finalRecipient: 'a@b.test' }] }),
    },
  ];
  for (const { lazy, eager } of cases) {
    const bytes = lazy.bytes();
    assert.equal(sameBoundary(bytes), sameBoundary(eager));
    assert.equal(lazy.bytes(), bytes, 'built once, then the same Buffer');
    assert.ok(bytes.subarray(0, lazy.headerBlock.length).equals(lazy.headerBlock));
    assert.deepEqual(indexMessage(lazy.headerBlock), indexMessage(bytes));
  }
  assert.notEqual(sameBoundary(buildFailureDsn(failureInput())), sameBoundary(buildFailureDsn(failureInput({ envid: 'AUTRE' }))), 'the comparison sees a change');
});

test('prepare*Dsn checks its input at once, before any byte is read', () => {
  assert.throws(() => prepareFailureDsn(failureInput({ recipients: [] })), DsnInputError);
  assert.throws(() => prepareSuccessDsn({ ...failureInput(), recipients: [{ finalRecipient: 'a@b.test', status: '5.1.1' }] }), DsnInputError);
});
