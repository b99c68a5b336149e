// Each faulty variant changes one observable behaviour: proof that each check can fail.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { TrustSpace } from '../trust-space/trust-space.ts';
import type { ClientDriver } from './client-driver.ts';
import { createReferenceDriver } from './reference-driver.ts';
import { REFERENCE_FAULTS, UnknownReferenceFaultError, type ReferenceFault } from './reference-fault.ts';
import { MISREAD_REASON } from './synchronise-mailbox.ts';
import { laterFaultProofs } from './later-fault-proofs.ts';
import { submitAs } from '../trust-space/testing/submit-as.ts';
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

  ...laterFaultProofs({ space: () => space, faulty, bounceFrom, sendAsDrMartin }),
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
