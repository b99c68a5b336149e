// Proofs of the faulty variants added for interacting faults, campaign-wide rules, directory
// shortcuts, message format and read receipts: each changes its one observable behaviour. Used
// by reference-faults.test.ts, which checks that every variant has its proof.
import assert from 'node:assert/strict';
import type { TrustSpace } from '../trust-space/trust-space.ts';
import type { ClientDriver, ListedMessage } from './client-driver.ts';
import { createReferenceDriver } from './reference-driver.ts';
import type { ReferenceFault } from './reference-fault.ts';
import { DELAYED_RESEND_MS } from './synchronise-mailbox.ts';
import { parseMessage } from '../protocols/mime/message-reader.ts';
import { configurationFor, GERARD_OPPOSED, LOUISE, oauth2Mailbox } from './reference-test-space.ts';

export interface ProofContext {
  readonly space: () => TrustSpace;
  readonly faulty: (fault: ReferenceFault) => Promise<ClientDriver>;
  readonly bounceFrom: (driver: ClientDriver) => Promise<readonly ListedMessage[]>;
  readonly sendAsDrMartin: (mail: { to: string; replyTo?: string; subject: string; text: string; headers?: Record<string, string> }) => Promise<void>;
}

const PHARMACY_ADDRESS = 'pharmacie.duparc@pharmacien.mssante.fr';

type LaterFault = 'directory-first-result-only' | 'delayed-resend-after-permanent-failure' | 'bounce-tied-to-latest' | 'html-part-first' | 'truncated-attachment' | 'header-end-conversation-ignored' | 'directory-ignores-practitioner-role' | 'patient-address-cached-by-name' | 'wrong-display-name' | 'no-read-receipt' | 'read-receipt-request-ignored' | 'message-id-reused-across-scenarios';

export function laterFaultProofs(ctx: ProofContext): Record<LaterFault, () => Promise<void>> {
  return {
    'delayed-resend-after-permanent-failure': async () => {
      await ctx.bounceFrom(await ctx.faulty('delayed-resend-after-permanent-failure'));
      const fromClient = () => ctx.space().transmissions.all().filter((t) => t.ingress === 'submission');
      assert.equal(fromClient().length, 1, 'nothing is resent at once');
      const deadline = Date.now() + DELAYED_RESEND_MS + 5_000;
      while (fromClient().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(fromClient().map((t) => t.index.messageId), [fromClient()[0]?.index.messageId, fromClient()[0]?.index.messageId]);
    },
    'bounce-tied-to-latest': async () => {
      const driver = await ctx.faulty('bounce-tied-to-latest');
      await driver.writeToPatient({ patient: GERARD_OPPOSED, subject: 'Bilan', body: 'Bonjour.' });
      const latest = await driver.writeToPatient({ patient: LOUISE, subject: 'Vaccin', body: 'Bonjour.' });
      await ctx.space().settled();
      await driver.synchronise();
      const bounce = (await driver.listMessages()).find((m) => m.kind === 'bounce');
      assert.equal(bounce?.report?.aboutClientMessageId, latest.status === 'sent' ? latest.clientMessageId : 'none');
    },
    'html-part-first': async () => {
      await (await ctx.faulty('html-part-first')).writeToPatient({ patient: LOUISE, subject: 'Test', body: 'Bonjour.' });
      const raw = ctx.space().transmissions.all()[0]?.raw.toString('utf8') ?? '';
      assert.match(ctx.space().transmissions.all()[0]?.index.contentType ?? '', /^multipart\/alternative/);
      assert.ok(raw.indexOf('Content-Type: text/html') < raw.indexOf('Content-Type: text/plain'), 'HTML first');
    },
    'truncated-attachment': async () => {
      const content = Buffer.from('%PDF-1.4\nbilan de médication synthétique\n%%EOF\n');
      await (await ctx.faulty('truncated-attachment')).send({ to: ['helene.rousseau@medecin.mssante.fr'], subject: 'Bilan', body: 'Ci-joint.', attachments: [{ filename: 'bilan.pdf', contentType: 'application/pdf', contentBase64: content.toString('base64') }] });
      const parsed = await parseMessage(ctx.space().transmissions.all()[0]?.raw ?? Buffer.alloc(0), { keepContent: true });
      assert.equal(parsed.attachments[0]?.content?.length, content.length - 16);
    },
    'header-end-conversation-ignored': async () => {
      await (await ctx.faulty('header-end-conversation-ignored')).endConversation({ patient: LOUISE, method: 'header' });
      assert.equal(ctx.space().transmissions.all()[0]?.index.xMss['x-mss-mes'], undefined);
    },
    'directory-first-result-only': async () => {
      const found = await (await ctx.faulty('directory-first-result-only')).findRecipient({ query: 'Pharmacie des Tilleuls', kind: 'pharmacy' });
      assert.equal(found.length, 1, 'one of the two homonym pharmacies only');
    },
    'directory-ignores-practitioner-role': async () => {
      const found = await (await ctx.faulty('directory-ignores-practitioner-role')).findRecipient({ query: 'Martin', kind: 'practitioner' });
      assert.ok(!found.some((f) => f.address === 'paul.martin@ch-valbrume.mssante.fr'), JSON.stringify(found));
    },
    'patient-address-cached-by-name': async () => {
      const driver = await ctx.faulty('patient-address-cached-by-name');
      await driver.writeToPatient({ patient: LOUISE, subject: 'Premier', body: 'Bonjour.' });
      await driver.writeToPatient({ patient: { ...LOUISE, ins: '291074912345675', birthDate: '1991-07-23' }, subject: 'Homonyme', body: 'Bonjour.' });
      assert.deepEqual(ctx.space().transmissions.all().map((t) => t.envelope.rcptTo[0]), ['284034912304586@patient.mssante.fr', '284034912304586@patient.mssante.fr']);
    },
    'wrong-display-name': async () => {
      const driver = createReferenceDriver({ faults: ['wrong-display-name'] });
      await driver.configure({ ...configurationFor(ctx.space(), oauth2Mailbox(ctx.space())), mailbox: { ...oauth2Mailbox(ctx.space()), holder: { mailboxType: 'ORG', entity: 'Pharmacie du Parc' } } });
      await driver.writeToPatient({ patient: LOUISE, subject: 'Test', body: 'Bonjour.' });
      assert.deepEqual(ctx.space().transmissions.all()[0]?.index.from, ['pharmacie.duparc@pharmacien.mssante.fr']);
      assert.match(ctx.space().transmissions.all()[0]?.raw.toString('utf8') ?? '', /^From: "?Dr Antoine Girard"? <pharmacie\.duparc@pharmacien\.mssante\.fr>/m);
    },
    'no-read-receipt': async () => {
      const driver = await ctx.faulty('no-read-receipt');
      await ctx.sendAsDrMartin({ to: PHARMACY_ADDRESS, subject: 'Lu ?', text: 'Bonjour.', headers: { 'Disposition-Notification-To': 'paul.martin@ch-valbrume.mssante.fr' } });
      await driver.synchronise();
      await ctx.space().settled();
      assert.equal(ctx.space().transmissions.all().length, 1, 'only Dr Martin\'s message, no read receipt');
    },
    'read-receipt-request-ignored': async () => {
      await (await ctx.faulty('read-receipt-request-ignored')).send({ to: ['helene.rousseau@medecin.mssante.fr'], subject: 'Lu ?', body: 'Bonjour.', requestReadReceipt: true });
      assert.equal(ctx.space().transmissions.all()[0]?.index.dispositionNotificationTo, undefined);
    },
    'message-id-reused-across-scenarios': async () => {
      const driver = await ctx.faulty('message-id-reused-across-scenarios');
      await driver.writeToPatient({ patient: LOUISE, subject: 'Premier', body: 'Bonjour.' });
      await driver.reset();
      await driver.configure(configurationFor(ctx.space(), oauth2Mailbox(ctx.space())));
      await driver.writeToPatient({ patient: LOUISE, subject: 'Second', body: 'Bonjour.' });
      const ids = ctx.space().transmissions.all().map((t) => t.index.messageId);
      assert.equal(ids.length, 2);
      assert.equal(ids[0], ids[1]);
    },
  };
}
