// Wire tests of the peer endpoint (MTA to MTA): no AUTH, optional STARTTLS, null sender,
// simulated domains only, same trust-space and strict-mode rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIBRARY_REPLIES } from './library-replies.ts';
import { REPLIES } from './replies.ts';
import { formatReply } from './smtp-reply.ts';
import { HOSTNAME, startPeer } from './testing/endpoint-fixture.ts';
import { CAMILLE, DR_MARTIN, NOT_WHITELISTED, OUTSIDE, PATIENTS } from './testing/fake-trust-space.ts';
import { message, sendData } from './testing/dialogue.ts';
import { RawSmtpClient } from './testing/raw-smtp-client.ts';

const EHLO_WITHOUT_TLS = ['250-PIPELINING', '250-8BITMIME', '250-SMTPUTF8', '250-DSN', '250 SIZE 31457280'];

test('a bounce from another operator: no TLS needed, null sender accepted, routed with ingress peer', async () => {
  const endpoint = await startPeer();
  try {
    const { client, greeting } = await RawSmtpClient.connect(endpoint.port);
    assert.deepEqual(greeting, [LIBRARY_REPLIES.greeting(HOSTNAME)]);
    assert.deepEqual(await client.command('EHLO mta.operateur-b.test'), [
      LIBRARY_REPLIES.ehloFirstLine(HOSTNAME, '127.0.0.1'),
      '250-PIPELINING',
      '250-8BITMIME',
      '250-SMTPUTF8',
      '250-DSN',
      '250-STARTTLS',
      '250 SIZE 31457280',
    ]);
    assert.deepEqual(await client.command('AUTH PLAIN AGEAYg=='), [LIBRARY_REPLIES.commandNotRecognized]);
    assert.deepEqual(await client.command('MAIL FROM:<>'), [LIBRARY_REPLIES.accepted]);
    assert.deepEqual(await client.command(`RCPT TO:<${CAMILLE}>`), [LIBRARY_REPLIES.accepted]);
    const raw = message('MAILER-DAEMON@chu-exemple.operateur-b.test');
    assert.equal(await sendData(client, raw), formatReply(REPLIES.messageAccepted('envoi-1')));
    const [routed] = endpoint.router.messages;
    assert.deepEqual(routed?.envelope, { mailFrom: '', rcptTo: [CAMILLE] });
    assert.equal(routed?.ingress, 'peer');
    assert.equal(routed?.authenticatedMailbox, undefined);
    assert.equal(routed?.raw.toString('utf8'), raw);
    client.close();
  } finally {
    await endpoint.stop();
  }
});

test('recipients: never relayed outside the simulated domains; liste blanche and strict mode apply', async () => {
  const endpoint = await startPeer({ settings: { strictRecipients: true } });
  try {
    const { client } = await RawSmtpClient.connect(endpoint.port);
    await client.command('EHLO mta.operateur-b.test');
    await client.command(`MAIL FROM:<${DR_MARTIN}>`);
    assert.deepEqual(await client.command(`RCPT TO:<${OUTSIDE}>`), [formatReply(REPLIES.relayDenied(OUTSIDE, 'messagerie-ordinaire.example'))]);
    assert.deepEqual(await client.command(`RCPT TO:<${NOT_WHITELISTED}>`), [formatReply(REPLIES.recipientOutsideTrustSpace(NOT_WHITELISTED, 'hors-liste.operateur-c.test'))]);
    assert.deepEqual(await client.command(`RCPT TO:<${PATIENTS.closed}>`), [formatReply(REPLIES.recipientRefusedStrict(PATIENTS.closed, 'patient-closed'))]);
    assert.deepEqual(await client.command(`RCPT TO:<${PATIENTS.active}>`), [LIBRARY_REPLIES.accepted]);
    client.close();
  } finally {
    await endpoint.stop();
  }
});

test('STARTTLS is optional on the peer endpoint, and absent without TLS material', async () => {
  const endpoint = await startPeer();
  const plain = await startPeer({ withoutTls: true });
  try {
    const { client } = await RawSmtpClient.connect(endpoint.port);
    await client.command('EHLO mta.operateur-b.test');
    assert.equal(await client.startTls(endpoint.caPem, HOSTNAME), LIBRARY_REPLIES.startTlsReady);
    assert.deepEqual((await client.command('EHLO mta.operateur-b.test')).slice(1), EHLO_WITHOUT_TLS);
    assert.deepEqual(await client.command('MAIL FROM:<>'), [LIBRARY_REPLIES.accepted]);
    client.close();
    const other = await RawSmtpClient.connect(plain.port);
    assert.deepEqual((await other.client.command('EHLO mta.operateur-b.test')).slice(1), EHLO_WITHOUT_TLS);
    assert.deepEqual(await other.client.command('STARTTLS'), [LIBRARY_REPLIES.commandNotRecognized]);
    other.client.close();
  } finally {
    await endpoint.stop();
    await plain.stop();
  }
});

test('non-ASCII local parts in MAIL and RCPT: 553 5.6.7 without SMTPUTF8, accepted with it (REG-SMTP-06, RFC 6531)', async () => {
  const endpoint = await startPeer();
  try {
    const { client } = await RawSmtpClient.connect(endpoint.port);
    await client.command('EHLO mta.operateur-b.test');
    const utf8Sender = `h\u00e9l\u00e8ne@chu-exemple.operateur-b.test`;
    const utf8Recipient = `jos\u00e9.${CAMILLE}`;
    assert.deepEqual(await client.command(`MAIL FROM:<${utf8Sender}>`), [formatReply(REPLIES.nonAsciiAddressWithoutSmtpUtf8(utf8Sender))]);
    assert.deepEqual(await client.command(`MAIL FROM:<${DR_MARTIN}>`), [LIBRARY_REPLIES.accepted]);
    assert.deepEqual(await client.command(`RCPT TO:<${utf8Recipient}>`), [formatReply(REPLIES.nonAsciiAddressWithoutSmtpUtf8(utf8Recipient))]);
    assert.deepEqual(await client.command(`RCPT TO:<${CAMILLE}>`), [LIBRARY_REPLIES.accepted]);
    assert.deepEqual(await client.command('RSET'), [LIBRARY_REPLIES.flushed]);
    assert.deepEqual(await client.command(`MAIL FROM:<${utf8Sender}> SMTPUTF8`), [LIBRARY_REPLIES.accepted]);
    assert.deepEqual(await client.command(`RCPT TO:<${utf8Recipient}>`), [LIBRARY_REPLIES.accepted]);
    client.close();
  } finally {
    await endpoint.stop();
  }
});
