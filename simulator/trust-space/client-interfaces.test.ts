// End to end through the composition root, as a vendor's client sees the simulated operator:
// XOAUTH2 with a Pro Santé Connect token on SMTP and IMAP (SC.MSS/CONF.07), the bounce read
// over IMAP (SC.MSS/CONF.06), drafts never sent, session revocation (CONF.10), and the Annuaire Santé, liste
// blanche and autoconfig served on the same port and following control-API changes (REG-ANN-06).
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { DEFAULT_DIRECTORY_API_KEY } from '../services/directory/create-directory-service.ts';
import { startTrustSpace } from './start-trust-space.ts';
import type { RunningTrustSpace } from './trust-space.ts';
import { processTempDir } from '../cli/process-temp-dir.ts';

const DR_MARTIN = 'paul.martin@ch-valbrume.mssante.fr';
const GERARD_OPPOSED = '152114908701235@patient.mssante.fr';

let space: RunningTrustSpace;
let base: string;

before(async () => {
  space = await startTrustSpace({ dataDir: processTempDir('mss-sim-lps-') });
  base = space.endpoints.http.baseUrl;
});
beforeEach(() => space.reset());
after(() => space.stop());

async function token(mailbox: string): Promise<{ access_token: string; session_id: string }> {
  const response = await fetch(`${base}/api/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mailbox }) });
  assert.equal(response.status, 201);
  return (await response.json()) as { access_token: string; session_id: string };
}

function imapClient(accessToken: string): ImapFlow {
  const { host, port } = space.endpoints.imaps;
  return new ImapFlow({ host, port, secure: true, tls: { ca: [space.caCertPem] }, auth: { user: DR_MARTIN, accessToken }, logger: false });
}

test('a PSC token sends over SMTP, then the bounce is read over IMAP with its delivery-status part and Return-Path <>', async () => {
  const { access_token: accessToken } = await token(DR_MARTIN);
  const { host, port } = space.endpoints.submission;
  const smtp = nodemailer.createTransport({ host, port, requireTLS: true, tls: { ca: space.caCertPem }, auth: { type: 'OAuth2', user: DR_MARTIN, accessToken } });
  await smtp.sendMail({ from: DR_MARTIN, to: DR_MARTIN, subject: 'Note pour moi', text: 'Bonjour' });
  await smtp.sendMail({ from: DR_MARTIN, to: GERARD_OPPOSED, subject: 'Compte rendu', text: 'Bonjour' });
  await space.settled();
  const imap = imapClient(accessToken);
  await imap.connect();
  try {
    const lock = await imap.getMailboxLock('INBOX');
    try {
      const message = await imap.fetchOne('*', { envelope: true, bodyStructure: true });
      assert.ok(message);
      assert.equal(message.envelope?.subject, 'Message non distribué');
      const parts = message.bodyStructure?.childNodes?.map((node) => node.type);
      assert.deepEqual(parts, ['text/plain', 'message/delivery-status', 'text/rfc822-headers']);
      const status = await imap.download('*', '2');
      const text = await new Response(status.content as unknown as ReadableStream).text();
      assert.match(text, /^Status: 5\.1\.1$/m);
      // RFC 5321 §4.4: the trace line of final delivery, served as the first header line.
      const bounceHead = await imap.fetchOne('*', { headers: true });
      assert.match(bounceHead && bounceHead.headers ? bounceHead.headers.toString('latin1') : '', /^Return-Path: <>\r\n/);
      const ownHead = await imap.fetchOne('1', { headers: true });
      // Then the Received line of the server that accepted it, over TLS, authenticated (RFC 3848).
      assert.match(
        ownHead && ownHead.headers ? ownHead.headers.toString('latin1') : '',
        new RegExp(`^Return-Path: <${DR_MARTIN}>\r\nReceived: from \\S+ \\(\\[127\\.0\\.0\\.1\\]\\)\r\n\t\\(using TLSv1\\.3 with cipher TLS_\\w+\\)\r\n\tby mssante\\.simulateur\\.test \\(Simulateur MSSante\\) with ESMTPSA id t-\\d{6}\r\n\tfor <${DR_MARTIN}>; \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000\r\n`),
      );
    } finally {
      lock.release();
    }
  } finally {
    await imap.logout();
  }
});

test('a draft or a filed copy APPENDed over IMAP is never routed; a reset removes the user folders', async () => {
  const { access_token: accessToken } = await token(DR_MARTIN);
  const imap = imapClient(accessToken);
  await imap.connect();
  try {
    const raw = Buffer.from(`From: ${DR_MARTIN}\r\nTo: ${GERARD_OPPOSED}\r\nSubject: Brouillon\r\nMessage-ID: <brouillon-1@ch-valbrume.mssante.fr>\r\n\r\nA relire\r\n`);
    await imap.mailboxCreate('Patients');
    assert.ok(await imap.append('Drafts', raw, ['\\Draft']));
    assert.ok(await imap.append('Sent', raw, ['\\Seen']));
    assert.ok(await imap.append('Patients', raw));
    await space.settled();
    assert.deepEqual(space.store.all().map((m) => [m.mailbox, m.folder]), [[DR_MARTIN, 'Drafts'], [DR_MARTIN, 'Sent'], [DR_MARTIN, 'Patients']]);
    assert.deepEqual(space.transmissions.all(), []);
  } finally {
    await imap.logout();
  }
  space.reset();
  const again = imapClient((await token(DR_MARTIN)).access_token);
  await again.connect();
  try {
    assert.deepEqual((await again.list()).map((f) => f.path).sort(), ['Drafts', 'INBOX', 'Junk', 'Sent', 'Trash']);
  } finally {
    await again.logout();
  }
});

test('revoking the PSC session through the control API closes the IMAP session (SC.MSS/CONF.10)', async () => {
  const issued = await token(DR_MARTIN);
  const imap = imapClient(issued.access_token);
  await imap.connect();
  const closed = new Promise<void>((resolve) => imap.once('close', () => resolve()));
  const revoked = await fetch(`${base}/api/psc/sessions/${issued.session_id}`, { method: 'DELETE' });
  assert.equal(revoked.status, 204);
  await closed;
  const again = imapClient(issued.access_token);
  await assert.rejects(again.connect(), /Authentication failed|AUTHENTICATIONFAILED|EXPIRED|Command failed/i);
  again.close();
});

test('the Annuaire Santé, the liste blanche and the routing follow a domain leaving the liste blanche', async () => {
  const search = () =>
    fetch(`${base}/fhir/v2/Organization?mailbox-mss:contains=cpts-pays-valbrume`, { headers: { 'ESANTE-API-KEY': DEFAULT_DIRECTORY_API_KEY } }).then((r) => r.json() as Promise<{ total: number }>);
  assert.equal((await search()).total, 1);
  assert.match(await (await fetch(`${base}/listeblanchemssante.xml`)).text(), /<Nom>cpts-pays-valbrume\.mssante\.fr<\/Nom>/);
  const put = await fetch(`${base}/api/trust-space/domains/cpts-pays-valbrume.mssante.fr/whitelisted`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ whitelisted: false }) });
  assert.equal(put.status, 200);
  assert.equal((await search()).total, 0);
  assert.doesNotMatch(await (await fetch(`${base}/listeblanchemssante.xml`)).text(), /cpts-pays-valbrume/);
  assert.equal(space.view().isWhitelisted('cpts-pays-valbrume.mssante.fr'), false);
});

test('autoconfig points a client at the simulated IMAP and SMTP endpoints (SC.MSS/CONF.04)', async () => {
  const xml = await (await fetch(`${base}/mail/config-v1.1.xml?emailaddress=${DR_MARTIN}`)).text();
  assert.match(xml, new RegExp(`<incomingServer type="imap">[\\s\\S]*<port>${space.endpoints.imap.port}</port>[\\s\\S]*<socketType>STARTTLS</socketType>`));
  assert.match(xml, new RegExp(`<outgoingServer type="smtp">[\\s\\S]*<port>${space.endpoints.submission.port}</port>`));
});
