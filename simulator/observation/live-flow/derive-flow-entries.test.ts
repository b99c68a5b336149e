import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFailureDsn } from '../../protocols/mime/dsn-builder.ts';
import { indexMessage } from '../../protocols/mime/message-index.ts';
import type { StoredMessage } from '../../services/store/stored-message.ts';
import type { Transmission } from '../../services/routing/transmission-log.ts';
import { patientRefusalEntry, reportEntries, transmissionEntries } from './derive-flow-entries.ts';
import { readReportFacts } from './report-facts.ts';

const AT = new Date('2025-03-13T14:00:00Z');
const LOUISE = '284034912304586@patient.mssante.fr';
const PHARMACY = 'pharmacie.duparc@pharmacien.mssante.fr';

function raw(from: string, to: string, subject: string, extra: string[] = []): Buffer {
  return Buffer.from([`From: <${from}>`, `To: <${to}>`, `Subject: ${subject}`, 'Message-ID: <m1@test>', ...extra, '', 'Bonjour.', ''].join('\r\n'));
}

function transmission(message: Buffer, outcomes: Transmission['outcomes'], ingress: Transmission['ingress'] = 'submission', mailFrom = PHARMACY): Transmission {
  return { id: 't-000001', envelope: { mailFrom, rcptTo: outcomes.map((o) => o.recipient) }, raw: message, index: indexMessage(message), ingress, receivedAt: AT, connectionId: 'submission-1', outcomes };
}

const delivered = (recipient: string, storedId = 'm-000001') => ({ recipient, outcome: 'delivered' as const, mailbox: recipient.toLowerCase(), storedId });

test('a delivered message: one entry for the recipients reached, with its ids', () => {
  const entries = transmissionEntries(transmission(raw(PHARMACY, LOUISE, 'Votre traitement'), [delivered(LOUISE), { recipient: '152114908701235@patient.mssante.fr', outcome: 'bounced', status: '5.1.1' }]));
  assert.deepEqual(entries, [{ at: AT.toISOString(), from: PHARMACY, subject: 'Votre traitement', transmissionId: 't-000001', connectionId: 'submission-1', kind: 'delivered', to: [LOUISE], storedId: 'm-000001' }]);
});

test('only the exact « [FIN] » subject to a patient closes the conversation; X-MSS-MES: FIN marks no reply (REG-FIN-01, REG-FIN-02)', () => {
  const closing = transmissionEntries(transmission(raw(PHARMACY, LOUISE, '[FIN]'), [delivered(LOUISE)]))[0];
  assert.equal(closing?.closesConversation, true);
  assert.equal(closing?.noReply, undefined);
  assert.equal(transmissionEntries(transmission(raw(PHARMACY, LOUISE, 'RE: [FIN]'), [delivered(LOUISE)]))[0]?.closesConversation, undefined);
  assert.equal(transmissionEntries(transmission(raw(PHARMACY, 'x@pharmacien.mssante.fr', '[FIN]'), [delivered('x@pharmacien.mssante.fr')]))[0]?.closesConversation, undefined);
  // The postmaster of the patient domain is no patient (REG-SMTP-05): nothing to close.
  assert.equal(transmissionEntries(transmission(raw(PHARMACY, 'postmaster@patient.mssante.fr', '[FIN]'), [delivered('postmaster@patient.mssante.fr')]))[0]?.closesConversation, undefined);
  assert.equal(transmissionEntries(transmission(raw(PHARMACY, LOUISE, 'Info', ['X-MSS-MES: FIN']), [delivered(LOUISE)]))[0]?.noReply, true);
});

test('a patient message is marked fromPatient; the auto-reply mailbox answers as auto-reply', () => {
  const patient = transmissionEntries(transmission(raw(LOUISE, PHARMACY, 'Mon ordonnance'), [delivered(PHARMACY)], 'simulator', LOUISE))[0];
  assert.equal(patient?.fromPatient, true);
  assert.equal(patient?.kind, 'delivered');
  const auto = transmissionEntries(transmission(raw('reponse.automatique-test@patient.mssante.fr', PHARMACY, 'RE: test', ['Auto-Submitted: auto-replied']), [delivered(PHARMACY)], 'simulator', ''))[0];
  assert.equal(auto?.kind, 'auto-reply');
  assert.equal(auto?.fromPatient, undefined);
});

test('nothing delivered: no delivered entry (the bounce report carries the failure)', () => {
  assert.deepEqual(transmissionEntries(transmission(raw(PHARMACY, LOUISE, 'x'), [{ recipient: LOUISE, outcome: 'bounced', status: '5.2.1' }])), []);
});

const SENTENCE = (a: string) => `Le message que vous avez envoyé à l'adresse « ${a} » n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.`;

function bounce(recipients: string[], sentence = SENTENCE): Buffer {
  const original = raw(PHARMACY, recipients[0]!, 'Rappel');
  return buildFailureDsn({
    reportingMta: 'smtps1.ens.simulateur.test', from: 'MAILER-DAEMON@patient.mssante.fr', to: PHARMACY, subject: 'Message non distribué', messageId: 'dsn@test', date: AT, arrivalDate: AT,
    originalRaw: original, originalHeaderBytes: indexMessage(original).headerBytes, originalMessageId: 'm1@test',
    recipients: recipients.map((r, i) => ({ finalRecipient: r, status: i === 0 ? '5.1.1' : '5.2.1', diagnosticCode: 'smtp; 550 5.1.1 x', sentence: sentence(r) })),
  });
}

test('a bounce the simulator stored: one entry per recipient, with the French sentence and the status (SC.MSS/UX.30)', () => {
  const dsn = bounce(['152114908701235@patient.mssante.fr', '238067218103339@patient.mssante.fr']);
  const copy: StoredMessage = { id: 'm-000009', mailbox: PHARMACY, folder: 'INBOX', kind: 'bounce', envelope: { mailFrom: '', rcptTo: [PHARMACY] }, raw: dsn, index: indexMessage(dsn), receivedAt: AT, ingress: 'simulator', reportsOn: 't-000001' };
  const recipients = ['152114908701235@patient.mssante.fr', '238067218103339@patient.mssante.fr'].map((recipient, i) => ({ recipient, status: i === 0 ? '5.1.1' : '5.2.1', reason: i === 0 ? ('patient-opposed' as const) : ('patient-closed' as const), sentence: SENTENCE(recipient) }));
  const entries = reportEntries({ type: 'report-issued', kind: 'bounce', message: copy, transmissionId: 't-000001', recipients });
  assert.equal(entries.length, 2);
  assert.deepEqual(entries[0], {
    at: AT.toISOString(), from: 'mailer-daemon@patient.mssante.fr', subject: 'Message non distribué', transmissionId: 't-000001', to: [PHARMACY], storedId: 'm-000009',
    kind: 'bounced', originalRecipient: '152114908701235@patient.mssante.fr', status: '5.1.1', reason: SENTENCE('152114908701235@patient.mssante.fr'),
  });
  assert.equal(entries[1]?.status, '5.2.1');
  const receipt = reportEntries({ type: 'report-issued', kind: 'receipt', message: { ...copy, kind: 'receipt' }, transmissionId: 't-000001', recipients: [{ recipient: LOUISE, status: '2.0.0' }] });
  assert.deepEqual(receipt.map((e) => [e.kind, e.originalRecipient, e.status, e.reason]), [['receipt', LOUISE, '2.0.0', undefined]]);
});

test('report facts: no report, no facts; an unnamed recipient falls back on the Diagnostic-Code', () => {
  assert.deepEqual(readReportFacts(raw(PHARMACY, LOUISE, 'x')), []);
  assert.deepEqual(readReportFacts(bounce([LOUISE], () => 'Une phrase sans adresse.')), [{ recipient: LOUISE, status: '5.1.1', reason: '550 5.1.1 x' }]);
});

test('a refused patient action: from the patient to the counterpart, with the French refusal', () => {
  const record = { type: 'patient-action' as const, seq: 1, at: AT, actionId: 'pa-000001', outcome: 'refused' as const, ins: '284034912304586', action: 'write' as const, target: 'Paul.Martin@ch-valbrume.mssante.fr', subject: 'Question', refusal: { code: 'nominative-mailbox-not-in-contact', message: 'Refusé : ce professionnel ne vous a pas écrit.' } };
  assert.deepEqual(patientRefusalEntry(record), {
    at: AT.toISOString(), kind: 'patient-refused', from: LOUISE, to: ['paul.martin@ch-valbrume.mssante.fr'], subject: 'Question', reason: 'Refusé : ce professionnel ne vous a pas écrit.', fromPatient: true,
  });
  const original = raw(PHARMACY, LOUISE, '[FIN]', ['Reply-To: <accueil@pharmacien.mssante.fr>']);
  const copy: StoredMessage = { id: 'm-000002', mailbox: LOUISE, folder: 'INBOX', kind: 'message', envelope: { mailFrom: PHARMACY, rcptTo: [LOUISE] }, raw: original, index: indexMessage(original), receivedAt: AT, ingress: 'submission' };
  const reply = patientRefusalEntry({ ...record, action: 'reply', target: 'm-000002', subject: 'RE: [FIN]', original: copy });
  assert.equal(patientRefusalEntry({ ...record, outcome: 'accepted' }), undefined, 'an accepted action is no refusal');
  assert.deepEqual(reply?.to, ['accueil@pharmacien.mssante.fr'], 'a reply goes to Reply-To (REG-MES-05)');
});
