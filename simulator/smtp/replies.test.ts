import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOUNCE_REASONS, type BounceReason } from '../domain/bounce-reasons.ts';
import { REPLIES, codeForStatus } from './replies.ts';
import { formatReply, smtpError } from './smtp-reply.ts';

test('smtpError carries the code and the enhanced code at the start of the text', () => {
  const error = smtpError(REPLIES.startTlsRequired);
  assert.equal(error.responseCode, 530);
  assert.equal(error.message, "5.7.0 Commande STARTTLS obligatoire avant l'authentification et l'envoi de messages");
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

test('every reply line stays within 512 octets even with the longest addresses (RFC 5321 §4.5.3.1.5)', () => {
  const long = `${'l'.repeat(64)}@${'d'.repeat(188)}`;
  const replies = [
    REPLIES.senderNotAuthenticatedMailbox(long, long),
    REPLIES.nullSenderRefused(long),
    REPLIES.fromHeaderNotAuthenticatedMailbox([long, long, long], long),
    REPLIES.recipientOutsideTrustSpace(long, 'd'.repeat(188)),
    REPLIES.relayDenied(long, 'd'.repeat(188)),
    REPLIES.recipientRefusedStrict(long, 'patient-invalid-address'),
    REPLIES.clientCertificateRequired(long),
    REPLIES.clientCertificateMismatch(long),
    REPLIES.sessionRevoked(long),
  ];
  for (const reply of replies) assert.ok(Buffer.byteLength(formatReply(reply)) + 2 <= 512, formatReply(reply));
});

test('codes and enhanced codes agree in class (RFC 3463 §2)', () => {
  const samples = [
    REPLIES.startTlsRequired,
    REPLIES.authenticationRequired,
    REPLIES.invalidCredentials,
    REPLIES.passwordAuthDisabled,
    REPLIES.clientCertificateRequired('a@b.test'),
    REPLIES.clientCertificateMismatch('a@b.test'),
    REPLIES.sessionRevoked('a@b.test'),
    REPLIES.senderNotAuthenticatedMailbox('a@b.test', 'c@d.test'),
    REPLIES.nullSenderRefused('c@d.test'),
    REPLIES.fromHeaderNotAuthenticatedMailbox([], 'c@d.test'),
    REPLIES.recipientOutsideTrustSpace('a@b.test', 'b.test'),
    REPLIES.relayDenied('a@b.test', 'b.test'),
    REPLIES.tooManyRecipients(100),
    REPLIES.messageTooLarge(1024),
    REPLIES.messageAccepted('x'),
    REPLIES.routingFailed,
    REPLIES.shuttingDown,
  ];
  assert.equal(samples.length, Object.keys(REPLIES).length - 1); // all but recipientRefusedStrict, checked above
  for (const reply of samples) assert.equal(String(reply.code)[0], reply.enhanced[0], JSON.stringify(reply));
});
