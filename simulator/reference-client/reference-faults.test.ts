// Each faulty variant changes one observable behaviour: proof that each check can fail. The
// connection faults have their own proofs (reference-connection-faults.test.ts).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { TrustSpace } from '../trust-space/trust-space.ts';
import type { ClientDriver } from './client-driver.ts';
import { createReferenceDriver } from './reference-driver.ts';
import { CONNECTION_FAULTS, REFERENCE_FAULTS, UnknownReferenceFaultError, type ConnectionFault, type ReferenceFault } from './reference-fault.ts';
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

/** The document faults have their own proofs (reference-document-faults.test.ts). */
type DocumentFault = Extract<ReferenceFault, `xdm-${string}`>;
const isDocumentFault = (fault: ReferenceFault): fault is DocumentFault => fault.startsWith('xdm-');

const proofs: Record<Exclude<ReferenceFault, ConnectionFault | DocumentFault>, () => Promise<void>> = {
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
  'ins-key-unchecked': async () => {
    const result = await (await faulty('ins-key-unchecked')).writeToPatient({ patient: { ...LOUISE, ins: '28403491230458' }, subject: 'Test', body: 'Bonjour.' });
    assert.equal(result.status, 'sent');
    assert.deepEqual(space.transmissions.all()[0]?.envelope.rcptTo, ['28403491230458@patient.mssante.fr']);
  },
  'plain-auth-on-oauth-mailbox': async () => {
    const driver = createReferenceDriver({ faults: ['plain-auth-on-oauth-mailbox'] });
    await driver.configure(configurationFor(space, { ...oauth2Mailbox(space), password: 'test-pharmacie-du-parc' }));
    await driver.writeToPatient({ patient: LOUISE, subject: 'Test', body: 'Bonjour.' });
    assert.deepEqual(space.observations.list('auth').map((a) => [a.mechanism, a.outcome]), [['PLAIN', 'success']]);
  },
  'no-reconnect-after-cut': async () => {
    const driver = await faulty('no-reconnect-after-cut');
    assert.equal(await driver.synchronise(), undefined);
    await endConnections(space.observations.list('auth').at(-1)?.sessionId ?? '');
    const again = await driver.synchronise();
    assert.equal(again?.status, 'failed');
    assert.match(again?.shownToUser ?? '', /identifiez-vous à nouveau/);
  },
  'app-without-client-certificate': async () => {
    const driver = createReferenceDriver({ faults: ['app-without-client-certificate'] });
    await driver.configure(configurationFor(space, await appMailbox()));
    const result = await driver.send({ to: ['helene.rousseau@medecin.mssante.fr'], subject: 'Compte rendu', body: 'Bonjour.' });
    assert.equal(result.status, 'failed');
    assert.deepEqual(space.observations.list('auth').map((a) => [a.mechanism, a.outcome, a.reason]), [['PLAIN', 'failure', 'client-certificate-required']]);
  },
  'app-without-automatic-mention': async () => {
    const driver = createReferenceDriver({ faults: ['app-without-automatic-mention'] });
    await driver.configure(configurationFor(space, await appMailbox()));
    assert.equal((await driver.send({ to: ['helene.rousseau@medecin.mssante.fr'], subject: 'Compte rendu', body: 'Bonjour.' })).status, 'sent');
    const raw = space.transmissions.all()[0]?.raw.toString('utf8') ?? '';
    assert.match(raw, /^Reply-To: secretariat\.cardiologie@ch-valbrume\.mssante\.fr\r$/m);
    assert.doesNotMatch(raw, /automatiquement/);
  },
  'ignores-autoconfig': async () => {
    const driver = createReferenceDriver({ faults: ['ignores-autoconfig'] });
    const { smtp: _smtp, imap: _imap, ...rest } = configurationFor(space, oauth2Mailbox(space));
    await driver.configure({ ...rest, autoconfig: { url: `${space.endpoints.http.baseUrl}/.well-known/autoconfig/mail/config-v1.1.xml` } });
    const result = await driver.send({ to: ['helene.rousseau@medecin.mssante.fr'], subject: 'Test', body: 'Bonjour.' });
    assert.equal(result.status, 'failed');
    assert.equal(space.transmissions.all().length, 0);
  },

  ...laterFaultProofs({ space: () => space, faulty, bounceFrom, sendAsDrMartin }),
};

/** The operator ends the connections of a Pro Santé Connect session (control API, SC.MSS/CONF.11); resolves once the simulator closed them. */
async function endConnections(sessionId: string): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    const stop = space.observations.on('connection-closed', () => {
      stop();
      resolve();
    });
  });
  const response = await fetch(`${space.endpoints.http.baseUrl}/api/psc/sessions/${encodeURIComponent(sessionId)}/end-connections`, { method: 'POST' });
  assert.equal(response.status, 204);
  await closed;
}

/** The DPI's APP mailbox with its client certificate (control API) and the ORG mailbox that answers for it. */
async function appMailbox(): Promise<Parameters<typeof configurationFor>[1]> {
  const address = 'dpi@ch-valbrume.mssante.fr';
  const issued = (await (await fetch(`${space.endpoints.http.baseUrl}/api/pki/client-certificates/${address}`)).json()) as { certificatePem: string; privateKeyPem: string };
  return { address, authentication: 'password', password: 'test-dpi-ch-valbrume', clientCertificate: { certificatePem: issued.certificatePem, privateKeyPem: issued.privateKeyPem }, replyTo: 'secretariat.cardiologie@ch-valbrume.mssante.fr' };
}

const PHARMACY_ADDRESS = 'pharmacie.duparc@pharmacien.mssante.fr';

async function sendAsDrMartin(mail: { to: string; replyTo?: string; subject: string; text: string; headers?: Record<string, string> }): Promise<void> {
  const sent = await submitAs(space, { address: 'paul.martin@ch-valbrume.mssante.fr', password: 'test-paul-martin' }, { ...mail, to: [mail.to] });
  assert.ok(sent.accepted, `Dr Martin's message was refused: ${sent.response}`);
  await space.settled();
}

describe('faulty variants of the reference driver', () => {
  const isConnectionFault = (fault: ReferenceFault): fault is ConnectionFault => (CONNECTION_FAULTS as readonly string[]).includes(fault);
  for (const fault of REFERENCE_FAULTS) if (!isConnectionFault(fault) && !isDocumentFault(fault)) it(`${fault} changes its one behaviour`, proofs[fault]);

  it('refuses an unknown fault name', () => {
    assert.throws(() => createReferenceDriver({ faults: ['oubli-total' as ReferenceFault] }), UnknownReferenceFaultError);
  });
});
