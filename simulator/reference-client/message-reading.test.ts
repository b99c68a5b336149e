import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFailureDsn, buildSuccessDsn } from '../protocols/mime/dsn-builder.ts';
import { BOUNCE_REASONS } from '../domain/bounce-reasons.ts';
import { patientOf, readMessage } from './message-reading.ts';

const ORIGINAL = Buffer.from('From: paul.martin@ch-valbrume.mssante.fr\r\nTo: 152114908701235@patient.mssante.fr\r\nMessage-ID: <envoi-7@client.test>\r\nSubject: Résultats\r\n\r\nBonjour\r\n');
const common = {
  reportingMta: 'smtps1.ens.simulateur.test',
  from: 'MAILER-DAEMON@patient.mssante.fr',
  to: 'paul.martin@ch-valbrume.mssante.fr',
  messageId: 'dsn-1@smtps1.ens.simulateur.test',
  date: new Date('2026-01-05T10:00:00Z'),
  arrivalDate: new Date('2026-01-05T09:59:59Z'),
  originalRaw: ORIGINAL,
  originalHeaderBytes: ORIGINAL.indexOf('\r\n\r\n') + 4,
};

test('a failure DSN is a bounce tied to the sent message, with the French sentence as reason (SC.MSS/UX.30, UX.35)', async () => {
  const address = '152114908701235@patient.mssante.fr';
  const sentence = BOUNCE_REASONS['patient-opposed'].sentence(address);
  const raw = buildFailureDsn({ ...common, subject: 'Message non distribué', recipients: [{ finalRecipient: address, status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 x', sentence }] });
  const { reading } = await readMessage(raw);
  assert.equal(reading.kind, 'bounce');
  if (reading.kind !== 'bounce') return;
  assert.equal(reading.status, 'undelivered');
  assert.ok(reading.aboutMessageIds.includes('envoi-7@client.test'));
  assert.equal(reading.reasonShown, sentence);
});

test('a success DSN is a receipt (MSS/va1.15)', async () => {
  const raw = buildSuccessDsn({ ...common, subject: 'Accusé de remise', recipients: [{ finalRecipient: '284034912304586@patient.mssante.fr' }] });
  const { reading } = await readMessage(raw);
  assert.equal(reading.kind, 'receipt');
});

test('a message from Mon espace santé is a patient message with the identity shown (SC.MSS/UX.25, UX.31)', async () => {
  const raw = Buffer.from('From: Louise MARCHAND <284034912304586@patient.mssante.fr>\r\nTo: pharmacie.duparc@pharmacien.mssante.fr\r\nSubject: Ordonnance\r\n\r\nBonjour\r\n');
  const { reading } = await readMessage(raw);
  assert.deepEqual(reading, { kind: 'patient-message', patient: { birthName: 'MARCHAND', firstName: 'Louise', ins: '284034912304586' } });
  assert.deepEqual(patientOf('Marie Claire DE LA FONTAINE', '178042a00411701@patient.mssante.fr'), { birthName: 'DE LA FONTAINE', firstName: 'Marie Claire', ins: '178042A00411701' });
});

test('an ordinary professional message is a message', async () => {
  const { reading } = await readMessage(Buffer.from('From: paul.martin@ch-valbrume.mssante.fr\r\nSubject: x\r\n\r\ny\r\n'));
  assert.deepEqual(reading, { kind: 'message' });
});
