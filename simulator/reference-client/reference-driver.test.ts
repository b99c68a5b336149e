import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { TrustSpace } from '../trust-space/trust-space.ts';
import type { ClientDriver } from './client-driver.ts';
import { createReferenceDriver } from './reference-driver.ts';
import { configurationFor, GERARD_OPPOSED, INES_UNQUALIFIED, LOUISE, oauth2Mailbox, PAUL_ANTOINE_CORSICA, PHARMACY, PHARMACY_PASSWORD, startTestSpace } from './reference-test-space.ts';

let space: TrustSpace;
const driver: ClientDriver = createReferenceDriver();

before(async () => {
  space = await startTestSpace();
});
after(async () => {
  await space.stop();
});
beforeEach(async () => {
  space.reset();
  await driver.reset();
  await driver.configure(configurationFor(space, oauth2Mailbox(space)));
});

describe('reference driver: sending', () => {
  it('writes to a patient from a qualified INS with Message-ID, X-MSS-NIL and UTF-8 text', async () => {
    const result = await driver.writeToPatient({ patient: LOUISE, subject: 'Rappel vaccin', body: 'Bonjour, rappel à prévoir.' });
    assert.equal(result.status, 'sent');
    const [sent] = space.transmissions.all();
    assert.ok(sent);
    assert.deepEqual(sent.envelope.rcptTo, ['284034912304586@patient.mssante.fr']);
    assert.equal(sent.envelope.mailFrom, PHARMACY);
    assert.equal(sent.index.xMss['x-mss-nil'], 'SIMULATEUR-REFERENCE-1');
    assert.equal(result.status === 'sent' && result.messageId, sent.index.messageId);
    assert.match(sent.index.contentType ?? '', /^text\/plain; charset=utf-8$/i);
    assert.equal(sent.index.xMss['x-mss-mes'], undefined);
  });
});

describe('reference driver: patient rules', () => {
  it('builds a Corsican address (2A) and refuses an unqualified identity without sending anything', async () => {
    const corsica = await driver.writeToPatient({ patient: PAUL_ANTOINE_CORSICA, subject: 'Résultats', body: 'Bonjour.' });
    assert.equal(corsica.status, 'sent');
    assert.deepEqual(space.transmissions.all()[0]?.envelope.rcptTo, ['178042A00411701@patient.mssante.fr']);
    const refused = await driver.writeToPatient({ patient: INES_UNQUALIFIED, subject: 'Test', body: 'Bonjour.' });
    assert.equal(refused.status, 'refused');
    assert.match(refused.status === 'refused' ? refused.reason : '', /n'est pas qualifiée/);
    assert.equal(space.transmissions.count(), 1);
  });

  it('sets X-MSS-MES: FIN for noReply and ends a conversation with the exact [FIN] subject', async () => {
    await driver.writeToPatient({ patient: LOUISE, subject: 'Information', body: 'Pas de réponse attendue.', noReply: true });
    await driver.endConversation({ patient: LOUISE, method: 'subject' });
    await driver.endConversation({ patient: LOUISE, method: 'header' });
    const [noReply, fin, header] = space.transmissions.all();
    assert.equal(noReply?.index.xMss['x-mss-mes'], 'FIN');
    assert.equal(fin?.index.subject, '[FIN]');
    assert.equal(fin?.index.xMss['x-mss-mes'], undefined);
    assert.equal(header?.index.xMss['x-mss-mes'], 'FIN');
  });

  it('lists a bounce tied to the sent message with the French reason, and the sent message as undelivered', async () => {
    const result = await driver.writeToPatient({ patient: GERARD_OPPOSED, subject: 'Bilan', body: 'Bonjour.' });
    await space.settled();
    await driver.synchronise();
    const listed = await driver.listMessages();
    const sent = listed.find((m) => m.folder === 'sent');
    const bounce = listed.find((m) => m.kind === 'bounce');
    assert.equal(sent?.deliveryState, 'undelivered');
    assert.equal(bounce?.report?.aboutClientMessageId, result.status === 'sent' ? result.clientMessageId : '');
    assert.equal(bounce?.report?.status, 'undelivered');
    assert.equal(bounce?.report?.reasonShown, "Le message que vous avez envoyé à l'adresse « 152114908701235@patient.mssante.fr » n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.");
    assert.equal(space.transmissions.count(), 1); // no answer to the bounce, no resend
  });

  it('shows a patient reply as a patient message with her identity, and replies with In-Reply-To and References', async () => {
    const first = await driver.writeToPatient({ patient: LOUISE, subject: 'Vaccin HPV', body: 'Première injection faite.' });
    await space.settled();
    const stored = space.store.list('284034912304586@patient.mssante.fr')[0];
    assert.ok(stored);
    const replied = await space.mes.reply({ ins: LOUISE.ins, messageId: stored.id, text: 'Merci, à bientôt.' });
    assert.equal(replied.accepted, true);
    await space.settled();
    await driver.synchronise();
    const patientMessage = (await driver.listMessages()).find((m) => m.kind === 'patient-message');
    assert.deepEqual(patientMessage?.patient, { birthName: 'MARCHAND', firstName: 'Louise', ins: '284034912304586' });
    await driver.send({ to: [patientMessage?.from ?? ''], subject: 'RE: Vaccin HPV', body: 'Parfait.', inReplyTo: patientMessage?.clientMessageId ?? '' });
    const reply = space.transmissions.all().at(-1);
    assert.equal(reply?.index.inReplyTo, patientMessage?.messageId);
    assert.ok(first.status === 'sent' && reply?.index.references.includes(patientMessage?.messageId ?? '-'));
  });

  it('reports a recipient outside the trust space as failed with the SMTP reply, once', async () => {
    const result = await driver.send({ to: ['quelqu.un@exemple.com'], subject: 'Hors espace', body: 'Bonjour.' });
    assert.equal(result.status, 'failed');
    assert.match(result.status === 'failed' ? (result.smtpReply ?? '') : '', /^550 5\.7\.1/);
    assert.equal(space.transmissions.count(), 0);
  });

  it('finds a pharmacy by postal code (its ORG mailbox) and a doctor by name, with password authentication', async () => {
    await driver.configure(configurationFor(space, { address: PHARMACY, authentication: 'password', password: PHARMACY_PASSWORD }, 'starttls'));
    const pharmacies = await driver.findRecipient({ query: '49990', kind: 'pharmacy' });
    assert.deepEqual(pharmacies.map((p) => [p.address, p.mailboxType]), [[PHARMACY, 'ORG']]);
    const doctors = await driver.findRecipient({ query: 'Martin', kind: 'practitioner' });
    assert.ok(doctors.some((d) => d.address === 'paul.martin@ch-valbrume.mssante.fr' && d.mailboxType === 'PER'));
    const result = await driver.send({ to: ['paul.martin@ch-valbrume.mssante.fr'], subject: 'Bilan', body: 'Bonjour.', requestDeliveryReceipt: true });
    assert.equal(result.status, 'sent');
    assert.equal(space.transmissions.all()[0]?.index.returnReceiptTo, PHARMACY);
    await driver.synchronise();
    assert.equal(space.store.list(PHARMACY).filter((m) => m.folder === 'Sent').length, 1);
  });
});
