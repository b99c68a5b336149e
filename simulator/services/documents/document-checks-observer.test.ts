// Wire test: a document message sent to the peer endpoint of a real trust space is checked
// after the SMTP reply; the observation and the control API carry the same findings.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import nodemailer from 'nodemailer';
import { startTrustSpace } from '../../trust-space/start-trust-space.ts';
import type { RunningTrustSpace } from '../../trust-space/trust-space.ts';
import { documentMessageParts } from './document-message.ts';
import { AT, CAMILLE, sampleDocument } from './testing/sample-documents.ts';
import { processTempDir } from '../../cli/process-temp-dir.ts';

const SENDER = 'dpi@ch-valbrume.mssante.fr';
const TO = 'pharmacie.duparc@pharmacien.mssante.fr';
let space: RunningTrustSpace;
before(async () => {
  space = await startTrustSpace({ dataDir: processTempDir('mss-sim-xdm-') });
});
after(() => space.stop());

async function sendDocument(withoutPdf: boolean): Promise<string> {
  const parts = documentMessageParts({ documents: [sampleDocument()], authorAddress: CAMILLE.address, submissionTime: AT, variations: { withoutPdf } });
  const { host, port } = space.endpoints.peer;
  const transport = nodemailer.createTransport({ host, port, secure: false, ignoreTLS: true });
  const before = space.transmissions.count();
  await transport.sendMail({ envelope: { from: SENDER, to: TO }, from: SENDER, to: TO, subject: parts.subject, text: 'Documents de Louise.', headers: parts.headers, attachments: parts.attachments.map((a) => ({ ...a })) });
  await space.settled();
  const transmission = space.transmissions.all()[before];
  assert.ok(transmission, 'the message was not accepted');
  return transmission.id;
}

test('a correct document message is observed with its patient and no finding', async () => {
  const id = await sendDocument(false);
  const observed = space.observations.list('document-archive-checked').find((o) => o.transmissionId === id);
  assert.ok(observed, 'no document-archive-checked observation');
  assert.deepEqual(observed.report.findings, []);
  assert.equal(observed.report.patient?.ins, '284034912304586');
  const response = await fetch(`${space.endpoints.http.baseUrl}/api/transmissions/${id}/documents`);
  const body = (await response.json()) as { documentMessage: boolean; findings: unknown[]; documents: unknown[] };
  assert.equal(body.documentMessage, true);
  assert.deepEqual(body.findings, []);
  assert.equal(body.documents.length, 1);
});

test('without the PDF copy, the observation and the API report the CONF.23 finding', async () => {
  const id = await sendDocument(true);
  const observed = space.observations.list('document-archive-checked').find((o) => o.transmissionId === id);
  assert.deepEqual(observed?.report.findings.map((f) => `${f.rule} ${f.code}`), ['SC.MSS/CONF.23 pdf-missing']);
  const stored = space.store.list(TO, { folder: 'INBOX' }).at(-1);
  assert.ok(stored);
  const response = await fetch(`${space.endpoints.http.baseUrl}/api/messages/${stored.id}/documents`);
  const body = (await response.json()) as { findings: { code: string }[] };
  assert.deepEqual(body.findings.map((f) => f.code), ['pdf-missing']);
});

test('an ordinary message gets no observation and documentMessage: false', async () => {
  const { host, port } = space.endpoints.peer;
  const transport = nodemailer.createTransport({ host, port, secure: false, ignoreTLS: true });
  const count = space.observations.list('document-archive-checked').length;
  await transport.sendMail({ envelope: { from: SENDER, to: TO }, from: SENDER, to: TO, subject: 'Bonjour', text: 'Rien de joint.' });
  await space.settled();
  assert.equal(space.observations.list('document-archive-checked').length, count);
  const id = space.transmissions.all().at(-1)?.id ?? '';
  const body = (await (await fetch(`${space.endpoints.http.baseUrl}/api/transmissions/${id}/documents`)).json()) as { documentMessage: boolean };
  assert.equal(body.documentMessage, false);
});
