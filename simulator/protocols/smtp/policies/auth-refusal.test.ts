import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuthFailureReason } from '../../../services/auth/mailbox-authenticator.ts';
import { REPLIES } from '../replies.ts';
import { authRefusal } from './auth-refusal.ts';


test('XOAUTH2 refusals are challenges: 401 when the token is refused, 400 when it is not for this mailbox', () => {
  const status = (reason: AuthFailureReason) => {
    const refusal = authRefusal('XOAUTH2', reason);
    return refusal.kind === 'xoauth2-challenge' ? refusal.challenge.status : 'reply';
  };
  assert.deepEqual(
    (['token-invalid', 'token-expired', 'token-revoked', 'bad-credentials', 'token-wrong-mailbox', 'not-entitled', 'client-certificate-required'] as const).map(status),
    ['401', '401', '401', '401', '400', '400', '400'],
  );
});

test('PLAIN and LOGIN refusals are catalogue replies', () => {
  const reply = (reason: AuthFailureReason) => {
    const refusal = authRefusal('PLAIN', reason);
    return refusal.kind === 'reply' ? refusal.reply : undefined;
  };
  assert.deepEqual(reply('bad-credentials'), REPLIES.invalidCredentials);
  assert.deepEqual(reply('password-auth-disabled'), REPLIES.passwordAuthDisabled);
  assert.deepEqual(reply('client-certificate-required'), REPLIES.clientCertificateRequired);
  assert.deepEqual(reply('client-certificate-mismatch'), REPLIES.clientCertificateMismatch);
  assert.deepEqual(reply('tls-required'), REPLIES.startTlsRequired);
  assert.deepEqual(authRefusal('LOGIN', 'token-expired'), { kind: 'reply', reply: REPLIES.invalidCredentials });
});
