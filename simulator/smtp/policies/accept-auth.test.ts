import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenIssuer } from '../../auth/token-issuer.ts';
import { CAMILLE, CAMILLE_PASSWORD, DR_MARTIN, fakeView } from '../testing/fake-trust-space.ts';
import { acceptAuth, type AuthContext } from './accept-auth.ts';

function setup(passwordAuth = true) {
  let now = Date.parse('2026-03-01T10:00:00Z');
  const tokens = new TokenIssuer({ now: () => new Date(now) });
  const context: AuthContext = { view: fakeView(), tokens, passwordAuth };
  return { tokens, context, advance: (ms: number) => (now += ms) };
}

const INVALID = { kind: 'reply', reply: { code: 535, enhanced: '5.7.8', text: 'Identifiants refusés : adresse de boîte aux lettres ou mot de passe incorrect' } };

test('PLAIN and LOGIN with the fixture password give the canonical mailbox address', () => {
  const { context } = setup();
  assert.deepEqual(acceptAuth({ method: 'PLAIN', username: CAMILLE.toUpperCase(), password: CAMILLE_PASSWORD }, context), { accepted: true, mailbox: CAMILLE });
  assert.deepEqual(acceptAuth({ method: 'LOGIN', username: CAMILLE, password: CAMILLE_PASSWORD }, context), { accepted: true, mailbox: CAMILLE });
  assert.deepEqual(acceptAuth({ method: 'PLAIN', username: CAMILLE, password: CAMILLE_PASSWORD, authzid: CAMILLE }, context), { accepted: true, mailbox: CAMILLE });
});

test('password refusals: wrong password, unknown mailbox, proxy authorisation, password AUTH disabled', () => {
  const { context } = setup();
  assert.deepEqual(acceptAuth({ method: 'PLAIN', username: CAMILLE, password: 'faux' }, context), { accepted: false, reason: 'wrong-password', refusal: INVALID });
  assert.deepEqual(acceptAuth({ method: 'LOGIN', username: 'inconnu@operateur-a.test', password: 'x' }, context), { accepted: false, reason: 'unknown-mailbox', refusal: INVALID });
  assert.deepEqual(acceptAuth({ method: 'PLAIN', username: CAMILLE, password: CAMILLE_PASSWORD, authzid: DR_MARTIN }, context), { accepted: false, reason: 'authzid-mismatch', refusal: INVALID });
  assert.deepEqual(acceptAuth({ method: 'PLAIN', username: CAMILLE, password: CAMILLE_PASSWORD }, setup(false).context), { accepted: false, reason: 'password-auth-disabled', refusal: INVALID });
});

test('XOAUTH2: valid token, then each refusal as a Google-style challenge', () => {
  const { tokens, context, advance } = setup(false);
  const { token } = tokens.issue(CAMILLE, 60);
  assert.deepEqual(acceptAuth({ method: 'XOAUTH2', username: CAMILLE, accessToken: token }, context), { accepted: true, mailbox: CAMILLE });
  const challenge = (status: string) => ({ kind: 'xoauth2-challenge', challenge: { status, schemes: 'bearer', scope: 'openid' } });
  assert.deepEqual(acceptAuth({ method: 'XOAUTH2', username: DR_MARTIN, accessToken: token }, context), { accepted: false, reason: 'token-wrong-mailbox', refusal: challenge('400') });
  assert.deepEqual(acceptAuth({ method: 'XOAUTH2', username: 'inconnu@operateur-a.test', accessToken: token }, context), { accepted: false, reason: 'unknown-mailbox', refusal: challenge('401') });
  assert.deepEqual(acceptAuth({ method: 'XOAUTH2', username: CAMILLE, accessToken: 'jeton-inconnu' }, context), { accepted: false, reason: 'token-unknown', refusal: challenge('401') });
  advance(60_000);
  assert.deepEqual(acceptAuth({ method: 'XOAUTH2', username: CAMILLE, accessToken: token }, context), { accepted: false, reason: 'token-expired', refusal: challenge('401') });
  const second = tokens.issue(CAMILLE).token;
  tokens.revoke(second);
  assert.deepEqual(acceptAuth({ method: 'XOAUTH2', username: CAMILLE, accessToken: second }, context), { accepted: false, reason: 'token-revoked', refusal: challenge('401') });
});
