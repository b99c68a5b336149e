import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenIssuer } from './token-issuer.ts';

function clock(start = Date.parse('2026-03-01T10:00:00Z')) {
  let current = start;
  return { now: () => new Date(current), advance: (ms: number) => (current += ms) };
}

const CAMILLE = 'camille.durand@pharmacie-des-lilas.operateur-a.test';

test('issue returns a 32-byte base64url token and its expiry', () => {
  const time = clock();
  const tokens = new TokenIssuer({ now: time.now });
  const issued = tokens.issue(CAMILLE, 600);
  assert.match(issued.token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(Buffer.from(issued.token, 'base64url').length, 32);
  assert.equal(issued.expiresAt.toISOString(), '2026-03-01T10:10:00.000Z');
  assert.notEqual(tokens.issue(CAMILLE).token, issued.token);
});

test('verify: valid, wrong mailbox, unknown, expired, revoked', () => {
  const time = clock();
  const tokens = new TokenIssuer({ now: time.now, defaultTtlSeconds: 60 });
  const { token } = tokens.issue(CAMILLE);
  assert.deepEqual(tokens.verify(token, CAMILLE), { valid: true });
  assert.deepEqual(tokens.verify(token, CAMILLE.toUpperCase()), { valid: true });
  assert.deepEqual(tokens.verify(token, 'autre@operateur-a.test'), { valid: false, reason: 'wrong-mailbox' });
  assert.deepEqual(tokens.verify('inconnu', CAMILLE), { valid: false, reason: 'unknown' });
  time.advance(59_999);
  assert.deepEqual(tokens.verify(token, CAMILLE), { valid: true });
  time.advance(1);
  assert.deepEqual(tokens.verify(token, CAMILLE), { valid: false, reason: 'expired' });
  const second = tokens.issue(CAMILLE).token;
  tokens.revoke(second);
  tokens.revoke('inconnu');
  assert.deepEqual(tokens.verify(second, CAMILLE), { valid: false, reason: 'revoked' });
});

test('clear forgets every token; long-expired tokens are forgotten on the next issue', () => {
  const time = clock();
  const tokens = new TokenIssuer({ now: time.now });
  const old = tokens.issue(CAMILLE, 1).token;
  const fresh = tokens.issue(CAMILLE, 3 * 24 * 3600).token;
  time.advance(2 * 24 * 3600 * 1000);
  assert.deepEqual(tokens.verify(old, CAMILLE), { valid: false, reason: 'expired' });
  tokens.issue(CAMILLE);
  assert.deepEqual(tokens.verify(old, CAMILLE), { valid: false, reason: 'unknown' });
  assert.deepEqual(tokens.verify(fresh, CAMILLE), { valid: true });
  tokens.clear();
  assert.deepEqual(tokens.verify(fresh, CAMILLE), { valid: false, reason: 'unknown' });
});

test('a non-positive lifetime is refused', () => {
  const tokens = new TokenIssuer();
  assert.throws(() => tokens.issue(CAMILLE, 0), RangeError);
  assert.throws(() => tokens.issue(CAMILLE, Number.NaN), RangeError);
});
