import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOUNCE_REASONS, type BounceReason } from '../../domain/bounce-reasons.ts';
import { REPLIES, codeForStatus } from './replies.ts';
import { MAX_REPLY_COLUMNS, formatReply, smtpError, type SmtpReply } from './smtp-reply.ts';
import { createObservations } from '../../observation/create-observations.ts';
import { createSmtpObserver } from './smtp-observer.ts';

test('smtpError carries the code and the enhanced code at the start of the text', () => {
  const error = smtpError(REPLIES.startTlsRequired);
  assert.equal(error.responseCode, 530);
  assert.equal(error.message, "5.7.0 STARTTLS obligatoire avant l'authentification et l'envoi");
  assert.equal(formatReply(REPLIES.messageAccepted('abc')), '250 2.0.0 Message accepté, identifiant abc');
});

test('strict refusals use the status of bounce-reasons.ts, with 553 for 5.1.3 and 552 for 5.3.4', () => {
  assert.deepEqual([codeForStatus('5.1.1'), codeForStatus('5.2.1'), codeForStatus('5.1.3'), codeForStatus('5.3.4')], [550, 550, 553, 552]);
  for (const reason of Object.keys(BOUNCE_REASONS) as BounceReason[]) {
    const reply = REPLIES.recipientRefusedStrict('x@patient.mssante.fr', reason);
    assert.equal(reply.enhanced, BOUNCE_REASONS[reason].status, reason);
    assert.equal(String(reply.code)[0], reply.enhanced[0], reason);
  }
});

const LONG = `${'l'.repeat(64)}@${'d'.repeat(188)}`;

/** Every entry of the catalogue, with the longest arguments (RFC 5321 §4.5.3.1: 64-octet local part, 254-octet path). */
function everyReply(): SmtpReply[] {
  const strict = (Object.keys(BOUNCE_REASONS) as BounceReason[]).map((reason) => REPLIES.recipientRefusedStrict(LONG, reason));
  const others = [
    REPLIES.startTlsRequired,
    REPLIES.authenticationRequired,
    REPLIES.invalidCredentials,
    REPLIES.passwordAuthDisabled,
    REPLIES.clientCertificateRequired,
    REPLIES.clientCertificateMismatch,
    REPLIES.sessionRevoked(LONG),
    REPLIES.senderNotAuthenticatedMailbox(LONG, LONG),
    REPLIES.nullSenderRefused(LONG),
    REPLIES.nonAsciiAddressWithoutSmtpUtf8(`é${LONG}`),
    REPLIES.tooManyAuthFailures(Number.MAX_SAFE_INTEGER),
    REPLIES.fromHeaderNotAuthenticatedMailbox([LONG, LONG, LONG], LONG),
    REPLIES.recipientOutsideTrustSpace(LONG, 'd'.repeat(188)),
    REPLIES.relayDenied(LONG, 'd'.repeat(188)),
    REPLIES.tooManyRecipients(Number.MAX_SAFE_INTEGER),
    REPLIES.messageTooLarge(Number.MAX_SAFE_INTEGER),
    REPLIES.messageAccepted('t-999999999'),
    REPLIES.routingFailed,
    REPLIES.shuttingDown,
  ];
  assert.equal(others.length, Object.keys(REPLIES).length - 1); // all but recipientRefusedStrict, one per bounce reason
  return [...others, ...strict];
}

test('every catalogue line, code and enhanced code included, fits in 80 columns whatever the addresses', () => {
  const tooLong = everyReply().map(formatReply).filter((line) => [...line].length > MAX_REPLY_COLUMNS);
  assert.deepEqual(tooLong, []);
});

test('the addresses and the full reason go to the journal detail, not on the wire', () => {
  const reply = REPLIES.recipientOutsideTrustSpace('x@exemple.com', 'exemple.com');
  assert.equal(formatReply(reply), '550 5.7.1 Destinataire refusé : domaine hors liste blanche MSSanté');
  assert.equal(reply.detail, "Destinataire <x@exemple.com> refusé : le domaine exemple.com n'est pas dans la liste blanche de l'espace de confiance MSSanté");
  const { bus, journal } = createObservations();
  bus.publish({ type: 'connection-opened', connectionId: 'c1', protocol: 'smtp', endpoint: 'submission', remoteAddress: '127.0.0.1' });
  createSmtpObserver(bus, 'submission').refused('c1', reply);
  assert.deepEqual(journal.transcript('c1')?.lines.map((l) => l.text), ["refus 550 5.7.1 : Destinataire <x@exemple.com> refusé : le domaine exemple.com n'est pas dans la liste blanche de l'espace de confiance MSSanté"]);
});

test('codes and enhanced codes agree in class (RFC 3463 §2)', () => {
  for (const reply of everyReply()) assert.equal(String(reply.code)[0], reply.enhanced[0], JSON.stringify(reply));
});
