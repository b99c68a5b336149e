// Each faulty variant changes one observable behaviour: proof that each check can fail.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { TrustSpace } from '../trust-space/trust-space.ts';
import type { ClientDriver } from './client-driver.ts';
import { createReferenceDriver } from './reference-driver.ts';
import { REFERENCE_FAULTS, UnknownReferenceFaultError, type ReferenceFault } from './reference-fault.ts';
import { DELAYED_RESEND_MS, MISREAD_REASON } from './synchronise-mailbox.ts';
import { submitAs } from '../trust-space/testing/submit-as.ts';
import { parseMessage } from '../protocols/mime/message-reader.ts';
import { configurationFor, GERARD_OPPOSED, INES_UNQUALIFIED, LOUISE, oauth2Mailbox, PAUL_ANTOINE_CORSICA, startTestSpace } from './reference-test-space.ts';

let space: TrustSpace;
before(async () => {
  space = await startTestSpace();
});
after(async () => {
  await space.stop();
});
beforeEach(() => space.reset());

async function faulty(fault: ReferenceFault): Promise<ClientDriver> {
  const driver = createReferenceDriver({ faults: [fault] });
  await driver.configure(configurationFor(space, oauth2Mailbox(space)));
  return driver;
}

async function bounceFrom(driver: ClientDriver) {
  await driver.writeToPatient({ patient: GERARD_OPPOSED, subject: 'Bilan', body: 'Bonjour.' });
  await space.settled();
  await driver.synchronise();
  await space.settled();
  return driver.listMessages();
}

const proofs: Record<ReferenceFault, () => Promise<void>> = {
  'address-from-unqualified-identity': async () => {
    const result = await (await faulty('address-from-unqualified-identity')).writeToPatient({ patient: INES_UNQUALIFIED, subject: 'Test', body: 'Bonjour.' });
    assert.equal(result.status, 'sent');
    assert.deepEqual(space.transmissions.all()[0]?.envelope.rcptTo, ['295019935002112@patient.mssante.fr']);
  },
  'malformed-patient-address': async () => {
    await (await faulty('malformed-patient-address')).writeToPatient({ patient: LOUISE, subject: 'Test', body: 'Bonjour.' });
    assert.deepEqual(space.transmissions.all()[0]?.envelope.rcptTo, ['2840349123045@patient.mssante.fr']);
  },
  'missing-x-mss-nil': async () => {
    await (await faulty('missing-x-mss-nil')).writeToPatient({ patient: LOUISE, subject: 'Test', body: 'Bonjour.' });
    assert.equal(space.transmissions.all()[0]?.index.xMss['x-mss-nil'], undefined);
  },
  're-fin-subject': async () => {
    await (await faulty('re-fin-subject')).endConversation({ patient: LOUISE, method: 'subject' });
    assert.equal(space.transmissions.all()[0]?.index.subject, 'RE: [FIN]');
  },
  'missing-in-reply-to': async () => {
    const driver = await faulty('missing-in-reply-to');
    const first = await driver.send({ to: ['paul.martin@ch-valbrume.mssante.fr'], subject: 'Bilan', body: 'Bonjour.' });
    await driver.send({ to: ['paul.martin@ch-valbrume.mssante.fr'], subject: 'RE: Bilan', body: 'Complément.', inReplyTo: first.status === 'sent' ? first.clientMessageId : '' });
    const reply = space.transmissions.all()[1];
    assert.equal(reply?.index.inReplyTo, undefined);
    assert.deepEqual(reply?.index.references, []);
  },
  'bounce-ignored': async () => {
    const listed = await bounceFrom(await faulty('bounce-ignored'));
    assert.deepEqual(listed.map((m) => m.kind), ['message', 'message']);
    assert.equal(listed.find((m) => m.folder === 'sent')?.deliveryState, 'sent');
  },
  'bounce-reason-misread': async () => {
    const listed = await bounceFrom(await faulty('bounce-reason-misread'));
    assert.equal(listed.find((m) => m.kind === 'bounce')?.report?.reasonShown, MISREAD_REASON);
  },
  'resend-after-permanent-failure': async () => {
    await bounceFrom(await faulty('resend-after-permanent-failure'));
    const ids = space.transmissions.all().filter((t) => t.ingress === 'submission').map((t) => t.index.messageId);
    assert.equal(ids.length, 2);
    assert.equal(ids[0], ids[1]);
  },
  'recipient-outside-whitelist-not-reported': async () => {
    const result = await (await faulty('recipient-outside-whitelist-not-reported')).send({ to: ['quelqu.un@exemple.com'], subject: 'Hors espace', body: 'Bonjour.' });
    assert.equal(result.status, 'sent');
    assert.equal(space.transmissions.count(), 0);
  },
  'missing-x-mss-mes': async () => {
    await (await faulty('missing-x-mss-mes')).writeToPatient({ patient: LOUISE, subject: 'Information', body: 'Bonjour.', noReply: true });
    assert.equal(space.transmissions.all()[0]?.index.xMss['x-mss-mes'], undefined);
  },
  'answers-bounces': async () => {
    await bounceFrom(await faulty('answers-bounces'));
    const answers = space.transmissions.all().filter((t) => t.envelope.rcptTo.some((r) => /^mailer-daemon@/i.test(r)));
    assert.equal(answers.length, 1);
  },
  'patient-message-unrecognised': async () => {
    const driver = await faulty('patient-message-unrecognised');
    await driver.writeToPatient({ patient: LOUISE, subject: 'Vaccin', body: 'Bonjour.' });
    await space.settled();
    const stored = space.store.list('284034912304586@patient.mssante.fr')[0];
    await space.mes.reply({ ins: LOUISE.ins, messageId: stored?.id ?? '', text: 'Merci.' });
    await space.settled();
    await driver.synchronise();
    const received = (await driver.listMessages()).filter((m) => m.folder === 'inbox');
    assert.deepEqual(received.map((m) => [m.kind, m.patient]), [['message', undefined]]);
  },
  'reply-to-ignored': async () => {
    const driver = await faulty('reply-to-ignored');
    await sendAsDrMartin({ to: PHARMACY_ADDRESS, replyTo: 'secretariat.cardiologie@ch-valbrume.mssante.fr', subject: 'Patient commun', text: 'Bonjour.' });
    await driver.synchronise();
    const received = (await driver.listMessages()).find((m) => m.folder === 'inbox');
    await driver.send({ inReplyTo: received?.clientMessageId ?? '', subject: 'RE: Patient commun', body: 'Bien reçu.' });
    assert.deepEqual(space.transmissions.all().at(-1)?.envelope.rcptTo, ['paul.martin@ch-valbrume.mssante.fr']);
  },
  'corsican-ins-rewritten': async () => {
    await (await faulty('corsican-ins-rewritten')).writeToPatient({ patient: PAUL_ANTOINE_CORSICA, subject: 'Test', body: 'Bonjour.' });
    assert.deepEqual(space.transmissions.all()[0]?.envelope.rcptTo, ['178041900411701@patient.mssante.fr']);
  },
  'html-only-body': async () => {
    await (await faulty('html-only-body')).writeToPatient({ patient: LOUISE, subject: 'Test', body: 'Bonjour.' });
    assert.match(space.transmissions.all()[0]?.index.contentType ?? '', /^text\/html/);
  },
  'directory-postal-code-ignored': async () => {
    const found = await (await faulty('directory-postal-code-ignored')).findRecipient({ query: '49990', kind: 'pharmacy' });
    assert.deepEqual(found, []);
  },
  'receipt-ignored': async () => {
    const driver = await faulty('receipt-ignored');
    await driver.send({ to: ['helene.rousseau@medecin.mssante.fr'], subject: 'Avec accusé', body: 'Bonjour.', requestDeliveryReceipt: true });
    await space.settled();
    await driver.synchronise();
    const listed = await driver.listMessages();
    assert.deepEqual(listed.map((m) => [m.folder, m.kind, m.deliveryState]), [['sent', 'message', 'sent'], ['inbox', 'message', undefined]]);
  },

  'delayed-resend-after-permanent-failure': async () => {
    await bounceFrom(await faulty('delayed-resend-after-permanent-failure'));
    const fromClient = () => space.transmissions.all().filter((t) => t.ingress === 'submission');
    assert.equal(fromClient().length, 1, 'nothing is resent at once');
    const deadline = Date.now() + DELAYED_RESEND_MS + 5_000;
    while (fromClient().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(fromClient().map((t) => t.index.messageId), [fromClient()[0]?.index.messageId, fromClient()[0]?.index.messageId]);
  },
  'bounce-tied-to-latest': async () => {
    const driver = await faulty('bounce-tied-to-latest');
    await driver.writeToPatient({ patient: GERARD_OPPOSED, subject: 'Bilan', body: 'Bonjour.' });
    const latest = await driver.writeToPatient({ patient: LOUISE, subject: 'Vaccin', body: 'Bonjour.' });
    await space.settled();
    await driver.synchronise();
    const bounce = (await driver.listMessages()).find((m) => m.kind === 'bounce');
    assert.equal(bounce?.report?.aboutClientMessageId, latest.status === 'sent' ? latest.clientMessageId : 'none');
  },
  'html-part-first': async () => {
    await (await faulty('html-part-first')).writeToPatient({ patient: LOUISE, subject: 'Test', body: 'Bonjour.' });
    const raw = space.transmissions.all()[0]?.raw.toString('utf8') ?? '';
    assert.match(space.transmissions.all()[0]?.index.contentType ?? '', /^multipart\/alternative/);
    assert.ok(raw.indexOf('Content-Type: text/html') < raw.indexOf('Content-Type: text/plain'), 'HTML first');
  },
  'truncated-attachment': async () => {
    const content = Buffer.from('%PDF-1.4\nbilan de médication synthétique\n%%EOF\n');
    await (await faulty('truncated-attachment')).send({ to: ['helene.rousseau@medecin.mssante.fr'], subject: 'Bilan', body: 'Ci-joint.', attachments: [{ filename: 'bilan.pdf', contentType: 'application/pdf', contentBase64: content.toString('base64') }] });
    const parsed = await parseMessage(space.transmissions.all()[0]?.raw ?? Buffer.alloc(0), { keepContent: true });
    assert.equal(parsed.attachments[0]?.content?.length, content.length - 16);
  },
  'header-end-conversation-ignored': async () => {
    await (await faulty('header-end-conversation-ignored')).endConversation({ patient: LOUISE, method: 'header' });
    assert.equal(space.transmissions.all()[0]?.index.xMss['x-mss-mes'], undefined);
  },
  'directory-ignores-practitioner-role': async () => {
    const found = await (await faulty('directory-ignores-practitioner-role')).findRecipient({ query: 'Martin', kind: 'practitioner' });
    assert.ok(!found.some((f) => f.address === 'paul.martin@ch-valbrume.mssante.fr'), JSON.stringify(found));
  },
  'patient-address-cached-by-name': async () => {
    const driver = await faulty('patient-address-cached-by-name');
    await driver.writeToPatient({ patient: LOUISE, subject: 'Premier', body: 'Bonjour.' });
    await driver.writeToPatient({ patient: { ...LOUISE, ins: '291074912345675', birthDate: '1991-07-23' }, subject: 'Homonyme', body: 'Bonjour.' });
    assert.deepEqual(space.transmissions.all().map((t) => t.envelope.rcptTo[0]), ['284034912304586@patient.mssante.fr', '284034912304586@patient.mssante.fr']);
  },
  'wrong-display-name': async () => {
    const driver = createReferenceDriver({ faults: ['wrong-display-name'] });
    await driver.configure({ ...configurationFor(space, oauth2Mailbox(space)), mailbox: { ...oauth2Mailbox(space), holder: { mailboxType: 'ORG', entity: 'Pharmacie du Parc' } } });
    await driver.writeToPatient({ patient: LOUISE, subject: 'Test', body: 'Bonjour.' });
    assert.deepEqual(space.transmissions.all()[0]?.index.from, ['pharmacie.duparc@pharmacien.mssante.fr']);
    assert.match(space.transmissions.all()[0]?.raw.toString('utf8') ?? '', /^From: "?Dr Antoine Girard"? <pharmacie\.duparc@pharmacien\.mssante\.fr>/m);
  },
  'no-read-receipt': async () => {
    const driver = await faulty('no-read-receipt');
    await sendAsDrMartin({ to: PHARMACY_ADDRESS, subject: 'Lu ?', text: 'Bonjour.', headers: { 'Disposition-Notification-To': 'paul.martin@ch-valbrume.mssante.fr' } });
    await driver.synchronise();
    await space.settled();
    assert.equal(space.transmissions.all().length, 1, 'only Dr Martin\'s message, no read receipt');
  },
  'read-receipt-request-ignored': async () => {
    await (await faulty('read-receipt-request-ignored')).send({ to: ['helene.rousseau@medecin.mssante.fr'], subject: 'Lu ?', body: 'Bonjour.', requestReadReceipt: true });
    assert.equal(space.transmissions.all()[0]?.index.dispositionNotificationTo, undefined);
  },
  'message-id-reused-across-scenarios': async () => {
    const driver = await faulty('message-id-reused-across-scenarios');
    await driver.writeToPatient({ patient: LOUISE, subject: 'Premier', body: 'Bonjour.' });
    await driver.reset();
    await driver.configure(configurationFor(space, oauth2Mailbox(space)));
    await driver.writeToPatient({ patient: LOUISE, subject: 'Second', body: 'Bonjour.' });
    const ids = space.transmissions.all().map((t) => t.index.messageId);
    assert.equal(ids.length, 2);
    assert.equal(ids[0], ids[1]);
  },
};

const PHARMACY_ADDRESS = 'pharmacie.duparc@pharmacien.mssante.fr';

async function sendAsDrMartin(mail: { to: string; replyTo?: string; subject: string; text: string; headers?: Record<string, string> }): Promise<void> {
  const sent = await submitAs(space, { address: 'paul.martin@ch-valbrume.mssante.fr', password: 'test-paul-martin' }, { ...mail, to: [mail.to] });
  assert.ok(sent.accepted, `Dr Martin's message was refused: ${sent.response}`);
  await space.settled();
}

describe('faulty variants of the reference driver', () => {
  for (const fault of REFERENCE_FAULTS) it(`${fault} changes its one behaviour`, proofs[fault]);

  it('refuses an unknown fault name', () => {
    assert.throws(() => createReferenceDriver({ faults: ['oubli-total' as ReferenceFault] }), UnknownReferenceFaultError);
  });
});
