// End-to-end with a real client library: nodemailer's SMTP transport, STARTTLS required,
// trusting the simulator's test CA, with PLAIN and with XOAUTH2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import nodemailer from 'nodemailer';
import { REPLIES } from './replies.ts';
import { formatReply } from './smtp-reply.ts';
import { HOSTNAME, nextClosedConnection, startSubmission, type TestEndpoint } from './testing/endpoint-fixture.ts';
import { CAMILLE, CAMILLE_PASSWORD, DR_MARTIN, OUTSIDE } from './testing/fake-trust-space.ts';

function transport(endpoint: TestEndpoint, auth: Record<string, string>) {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port: endpoint.port,
    secure: false,
    requireTLS: true,
    tls: { ca: endpoint.caPem, servername: HOSTNAME },
    auth,
  });
}

const mail = { from: `Camille Morel <${CAMILLE}>`, to: DR_MARTIN, subject: 'Bilan de médication', text: 'Bonjour, voici le bilan.' };

test('nodemailer sends with AUTH PLAIN over STARTTLS; the journal has no secret', async () => {
  const endpoint = await startSubmission();
  try {
    const closed = nextClosedConnection(endpoint);
    const info = await transport(endpoint, { user: CAMILLE, pass: CAMILLE_PASSWORD }).sendMail(mail);
    assert.equal(info.response, formatReply(REPLIES.messageAccepted('envoi-1')));
    assert.deepEqual(info.accepted, [DR_MARTIN]);
    await closed;
    const [routed] = endpoint.router.messages;
    assert.deepEqual(routed?.envelope, { mailFrom: CAMILLE, rcptTo: [DR_MARTIN] });
    assert.match(routed?.raw.toString('utf8') ?? '', /^Subject: =\?UTF-8\?Q\?Bilan_de_m=C3=A9dication\?=\r$/m);
    const [connection] = endpoint.journal.connections();
    const transcript = endpoint.journal.format(connection?.id ?? '');
    assert.match(transcript, /C: AUTH PLAIN \/\* secured \*\//);
    assert.match(transcript, /\*: TLS établi : TLSv1\.3, TLS_AES_256_GCM_SHA384/);
    assert.ok(!transcript.includes(CAMILLE_PASSWORD) && !transcript.includes(Buffer.from(`\0${CAMILLE}\0${CAMILLE_PASSWORD}`).toString('base64')));
    assert.equal(endpoint.journal.transcript(connection?.id ?? '')?.closedAt instanceof Date, true);
  } finally {
    await endpoint.stop();
  }
});

test('nodemailer with XOAUTH2: a valid token sends, an unknown token fails with 535', async () => {
  const endpoint = await startSubmission({ settings: { passwordAuth: false } });
  try {
    const token = endpoint.psc.mailboxGrant(CAMILLE).accessToken;
    const info = await transport(endpoint, { type: 'OAuth2', user: CAMILLE, accessToken: token }).sendMail(mail);
    assert.equal(info.response, formatReply(REPLIES.messageAccepted('envoi-1')));
    const transcripts = endpoint.journal.connections().map(({ id }) => endpoint.journal.format(id)).join('\n');
    assert.ok(!transcripts.includes(token), 'the token never reaches the journal');
    await assert.rejects(transport(endpoint, { type: 'OAuth2', user: CAMILLE, accessToken: 'jeton-inconnu' }).sendMail(mail), (error: Error & { responseCode?: number }) => {
      assert.equal(error.responseCode, 535);
      return true;
    });
  } finally {
    await endpoint.stop();
  }
});

test('nodemailer: a recipient outside the trust space is rejected with the catalogue line', async () => {
  const endpoint = await startSubmission();
  try {
    await assert.rejects(transport(endpoint, { user: CAMILLE, pass: CAMILLE_PASSWORD }).sendMail({ ...mail, to: OUTSIDE }), (error: Error & { response?: string }) => {
      assert.equal(error.response, formatReply(REPLIES.recipientOutsideTrustSpace(OUTSIDE, 'messagerie-ordinaire.example')));
      return true;
    });
    assert.equal(endpoint.router.messages.length, 0);
  } finally {
    await endpoint.stop();
  }
});
