// Wire tests of the submission endpoint: a real server on 127.0.0.1:0, raw sockets for exact
// lines. AUTH: submission-auth.test.ts; nodemailer end-to-end: submission-nodemailer.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIBRARY_REPLIES } from './library-replies.ts';
import { REPLIES } from './replies.ts';
import { formatReply } from './smtp-reply.ts';
import { HOSTNAME, startSubmission } from './testing/endpoint-fixture.ts';
import { CAMILLE, CAMILLE_PASSWORD, DR_MARTIN, OUTSIDE, PATIENTS, UNKNOWN_ON_SIMULATED } from './testing/fake-trust-space.ts';
import { camilleClient, message, plainPayload, sendData } from './testing/dialogue.ts';
import { RawSmtpClient } from './testing/raw-smtp-client.ts';

test('EHLO before STARTTLS offers STARTTLS, not AUTH; AUTH and MAIL are refused before TLS', async () => {
  const endpoint = await startSubmission();
  try {
    const { client, greeting } = await RawSmtpClient.connect(endpoint.port);
    assert.deepEqual(greeting, [LIBRARY_REPLIES.greeting(HOSTNAME)]);
    assert.deepEqual(await client.command('EHLO client.example'), [
      LIBRARY_REPLIES.ehloFirstLine(HOSTNAME, '127.0.0.1'),
      '250-PIPELINING',
      '250-8BITMIME',
      '250-SMTPUTF8',
      '250-DSN',
      '250-STARTTLS',
      '250 SIZE 31457280',
    ]);
    assert.deepEqual(await client.command(`AUTH PLAIN ${plainPayload(CAMILLE, CAMILLE_PASSWORD)}`), [LIBRARY_REPLIES.commandNotRecognized]);
    assert.deepEqual(await client.command(`MAIL FROM:<${CAMILLE}>`), [formatReply(REPLIES.startTlsRequired)]);
    assert.equal(await client.startTls(endpoint.caPem, HOSTNAME), LIBRARY_REPLIES.startTlsReady);
    assert.deepEqual(await client.command('EHLO client.example'), [
      LIBRARY_REPLIES.ehloFirstLine(HOSTNAME, '127.0.0.1'),
      '250-PIPELINING',
      '250-8BITMIME',
      '250-SMTPUTF8',
      '250-DSN',
      '250-AUTH PLAIN LOGIN XOAUTH2',
      '250 SIZE 31457280',
    ]);
    assert.deepEqual(await client.command(`MAIL FROM:<${CAMILLE}>`), [formatReply(REPLIES.authenticationRequired)]);
    assert.deepEqual(await client.command('NOOP'), [LIBRARY_REPLIES.noop]);
    assert.deepEqual(await client.command('QUIT'), [LIBRARY_REPLIES.bye]);
    await client.waitClosed();
  } finally {
    await endpoint.stop();
  }
});

test('MAIL FROM must be the authenticated mailbox; <> is refused on submission', async () => {
  const endpoint = await startSubmission();
  try {
    const client = await camilleClient(endpoint);
    assert.deepEqual(await client.command(`MAIL FROM:<${DR_MARTIN}>`), [formatReply(REPLIES.senderNotAuthenticatedMailbox(DR_MARTIN, CAMILLE))]);
    assert.deepEqual(await client.command('MAIL FROM:<>'), [formatReply(REPLIES.nullSenderRefused(CAMILLE))]);
    assert.deepEqual(await client.command(`MAIL FROM:<${CAMILLE.toUpperCase()}>`), [LIBRARY_REPLIES.accepted]);
    client.close();
  } finally {
    await endpoint.stop();
  }
});

test('a non-ASCII local part needs the SMTPUTF8 parameter of the MAIL that opened the transaction, not of a refused one (REG-SMTP-06)', async () => {
  const endpoint = await startSubmission();
  try {
    const client = await camilleClient(endpoint);
    const utf8Recipient = `jos\u00e9.${DR_MARTIN}`;
    // Refused for its sender: smtp-server keeps its SMTPUTF8 on the envelope, which must not count.
    assert.deepEqual(await client.command(`MAIL FROM:<${DR_MARTIN}> SMTPUTF8`), [formatReply(REPLIES.senderNotAuthenticatedMailbox(DR_MARTIN, CAMILLE))]);
    assert.deepEqual(await client.command(`MAIL FROM:<${CAMILLE}>`), [LIBRARY_REPLIES.accepted]);
    assert.deepEqual(await client.command(`RCPT TO:<${utf8Recipient}>`), [formatReply(REPLIES.nonAsciiAddressWithoutSmtpUtf8(utf8Recipient))]);
    assert.deepEqual(await client.command('RSET'), [LIBRARY_REPLIES.flushed]);
    assert.deepEqual(await client.command(`MAIL FROM:<${CAMILLE}> SMTPUTF8`), [LIBRARY_REPLIES.accepted]);
    assert.deepEqual(await client.command(`RCPT TO:<${utf8Recipient}>`), [LIBRARY_REPLIES.accepted]);
    client.close();
  } finally {
    await endpoint.stop();
  }
});

test('RCPT: outside the trust space refused; strict mode refuses each patient reason with its status', async () => {
  const endpoint = await startSubmission();
  try {
    const client = await camilleClient(endpoint);
    assert.deepEqual(await client.command(`MAIL FROM:<${CAMILLE}>`), [LIBRARY_REPLIES.accepted]);
    assert.deepEqual(await client.command(`RCPT TO:<${OUTSIDE}>`), [formatReply(REPLIES.recipientOutsideTrustSpace(OUTSIDE, 'messagerie-ordinaire.example'))]);
    for (const address of [PATIENTS.opposed, PATIENTS.closed, PATIENTS.invalid, UNKNOWN_ON_SIMULATED]) {
      assert.deepEqual(await client.command(`RCPT TO:<${address}>`), [LIBRARY_REPLIES.accepted], `default mode, ${address}`);
    }
    endpoint.settings.strictRecipients = true; // read at every RCPT
    const expected: Array<[string, string]> = [
      [PATIENTS.opposed, "550 5.1.1 Adresse refusée : cette adresse Mon espace santé n'existe pas"],
      [PATIENTS.noProfile, "550 5.1.1 Adresse refusée : cette adresse Mon espace santé n'existe pas"],
      [PATIENTS.closed, '550 5.2.1 Adresse refusée : messagerie Mon espace santé clôturée'],
      [PATIENTS.invalid, '553 5.1.3 Adresse refusée : adresse Mon espace santé invalide'],
      [UNKNOWN_ON_SIMULATED, "550 5.1.1 Adresse refusée : cette boîte aux lettres MSSanté n'existe pas"],
    ];
    for (const [address, line] of expected) {
      assert.deepEqual(await client.command(`RCPT TO:<${address}>`), [line]);
      assert.equal(line, formatReply(REPLIES.recipientRefusedStrict(address, bounceReasonOf(address))));
    }
    assert.deepEqual(await client.command(`RCPT TO:<${PATIENTS.active}>`), [LIBRARY_REPLIES.accepted]);
    client.close();
    // The wire line is short; the journal holds the address and the full reason next to it.
    const [connection] = endpoint.journal.connections();
    const texts = endpoint.journal.transcript(connection?.id ?? '')?.lines.map((line) => `${line.direction} ${line.text}`) ?? [];
    assert.ok(texts.includes(`* refus 550 5.7.1 : Destinataire <${OUTSIDE}> refusé : le domaine messagerie-ordinaire.example n'est pas dans la liste blanche de l'espace de confiance MSSanté`), texts.join('\n'));
  } finally {
    await endpoint.stop();
  }
});

function bounceReasonOf(address: string) {
  if (address === PATIENTS.opposed) return 'patient-opposed' as const;
  if (address === PATIENTS.noProfile) return 'patient-no-profile' as const;
  if (address === PATIENTS.closed) return 'patient-closed' as const;
  if (address === PATIENTS.invalid) return 'patient-invalid-address' as const;
  return 'unknown-mailbox' as const;
}

test('too many recipients: 452 4.5.3 beyond the limit, repeated recipients not counted', async () => {
  const endpoint = await startSubmission({ settings: { maxRecipients: 2 } });
  try {
    const client = await camilleClient(endpoint);
    await client.command(`MAIL FROM:<${CAMILLE}>`);
    assert.deepEqual(await client.command(`RCPT TO:<${DR_MARTIN}>`), [LIBRARY_REPLIES.accepted]);
    assert.deepEqual(await client.command(`RCPT TO:<${PATIENTS.active}>`), [LIBRARY_REPLIES.accepted]);
    assert.deepEqual(await client.command(`RCPT TO:<${DR_MARTIN}>`), [LIBRARY_REPLIES.accepted]);
    assert.deepEqual(await client.command(`RCPT TO:<${PATIENTS.closed}>`), [formatReply(REPLIES.tooManyRecipients(2))]);
    client.close();
  } finally {
    await endpoint.stop();
  }
});

test('SIZE advertised and enforced: SIZE= refused by smtp-server, oversized DATA refused with 552 5.3.4, nothing routed', async () => {
  const endpoint = await startSubmission({ settings: { maxMessageBytes: 1024 } });
  try {
    const client = await camilleClient(endpoint);
    assert.deepEqual((await client.command('EHLO client.example')).at(-1), '250 SIZE 1024');
    assert.deepEqual(await client.command(`MAIL FROM:<${CAMILLE}> SIZE=2000`), [LIBRARY_REPLIES.sizeParameterTooLarge(1024)]);
    assert.deepEqual(await client.command(`MAIL FROM:<${CAMILLE}> SIZE=500`), [LIBRARY_REPLIES.accepted]);
    await client.command(`RCPT TO:<${DR_MARTIN}>`);
    assert.equal(await sendData(client, message(CAMILLE, `${'x'.repeat(70)}\r\n`.repeat(80))), formatReply(REPLIES.messageTooLarge(1024)));
    assert.equal(endpoint.router.messages.length, 0);
    await client.command(`MAIL FROM:<${CAMILLE}>`);
    await client.command(`RCPT TO:<${DR_MARTIN}>`);
    assert.equal(await sendData(client, message(CAMILLE)), formatReply(REPLIES.messageAccepted('envoi-1')));
    assert.equal(endpoint.router.messages.length, 1);
    client.close();
  } finally {
    await endpoint.stop();
  }
});

test('From header must be the authenticated mailbox (checked at the end of DATA)', async () => {
  const endpoint = await startSubmission();
  try {
    const client = await camilleClient(endpoint);
    await client.command(`MAIL FROM:<${CAMILLE}>`);
    await client.command(`RCPT TO:<${DR_MARTIN}>`);
    assert.equal(await sendData(client, message(`"Dr Martin" <${DR_MARTIN}>`)), formatReply(REPLIES.fromHeaderNotAuthenticatedMailbox([DR_MARTIN], CAMILLE)));
    assert.equal(endpoint.router.messages.length, 0);
    client.close();
  } finally {
    await endpoint.stop();
  }
});

test('accepted message: envelope with DSN parameters, reply with the transmission id', async () => {
  const endpoint = await startSubmission();
  try {
    const client = await camilleClient(endpoint);
    await client.command(`MAIL FROM:<${CAMILLE}> RET=HDRS ENVID=envoi+2B42 BODY=8BITMIME`);
    assert.deepEqual(await client.command(`RCPT TO:<${DR_MARTIN}> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;${DR_MARTIN}`), [LIBRARY_REPLIES.accepted]);
    assert.deepEqual(await client.command(`RCPT TO:<${PATIENTS.active}>`), [LIBRARY_REPLIES.accepted]);
    const raw = message(`Camille Morel <${CAMILLE}>`);
    assert.equal(await sendData(client, raw), '250 2.0.0 Message accepté, identifiant envoi-1');
    const [routed] = endpoint.router.messages;
    assert.ok(routed);
    assert.deepEqual(routed.envelope, {
      mailFrom: CAMILLE,
      rcptTo: [DR_MARTIN, PATIENTS.active],
      ret: 'HDRS',
      envid: 'envoi+42',
      recipientDsn: { [DR_MARTIN]: { notify: ['SUCCESS', 'FAILURE'], orcpt: `rfc822;${DR_MARTIN}` } },
    });
    assert.equal(routed.raw.toString('utf8'), raw);
    assert.equal(routed.ingress, 'submission');
    assert.equal(routed.authenticatedMailbox, CAMILLE);
    assert.equal(routed.clientHelo, 'client.example');
    assert.match(routed.connectionId ?? '', /^submission-[0-9a-v]{16}$/);
    endpoint.router.transmissionId = 'envoi-2';
    await client.command(`MAIL FROM:<${CAMILLE}>`);
    await client.command(`RCPT TO:<${DR_MARTIN}>`);
    assert.equal(await sendData(client, raw), formatReply(REPLIES.messageAccepted('envoi-2')));
    assert.deepEqual(await client.command('RSET'), [LIBRARY_REPLIES.flushed]);
    client.close();
  } finally {
    await endpoint.stop();
  }
});

test('a routing exception answers 451 4.3.0, is journaled, and the next transaction works', async () => {
  const endpoint = await startSubmission();
  try {
    const client = await camilleClient(endpoint);
    endpoint.router.failWith = new Error('panne simulée');
    await client.command(`MAIL FROM:<${CAMILLE}>`);
    await client.command(`RCPT TO:<${DR_MARTIN}>`);
    assert.equal(await sendData(client, message(CAMILLE)), formatReply(REPLIES.routingFailed));
    endpoint.router.failWith = undefined;
    await client.command(`MAIL FROM:<${CAMILLE}>`);
    await client.command(`RCPT TO:<${DR_MARTIN}>`);
    assert.equal(await sendData(client, message(CAMILLE)), formatReply(REPLIES.messageAccepted('envoi-1')));
    const [connection] = endpoint.journal.connections();
    const texts = endpoint.journal.transcript(connection?.id ?? '')?.lines.map((line) => `${line.direction} ${line.text}`) ?? [];
    assert.ok(texts.includes("* erreur interne pendant l'acheminement, message refusé (451) : panne simulée"), texts.join('\n'));
    client.close();
  } finally {
    await endpoint.stop();
  }
});
