import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calculateJwkThumbprint, createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { defaultView, FIXTURE, ISSUER, testClock, testSigningKey } from '../testing/default-view.ts';
import { createPsc, type PscOptions } from './create-psc.ts';
import { PSC_TEST_PASSWORD } from './psc-constants.ts';
import { PscGrantError } from './psc-grant-error.ts';
import { generateSigningKey } from './signing-key.ts';

async function setup(overrides: Partial<PscOptions> = {}) {
  const view = await defaultView();
  const clock = testClock();
  const psc = createPsc({ view: () => view, issuer: ISSUER, now: clock.now, signingKey: testSigningKey(), ...overrides });
  const revoked: string[] = [];
  psc.onSessionRevoked((sid) => revoked.push(sid));
  return { psc, clock, revoked };
}

function grantError(code: string) {
  return (error: unknown) => {
    assert.ok(error instanceof PscGrantError, String(error));
    assert.equal(error.code, code);
    return true;
  };
}

test('password grant with an idNat: an RS256 JWT that jose verifies against the JWKS, with the PSC-like claims', async () => {
  const { psc } = await setup();
  const issued = psc.passwordGrant(FIXTURE.martin.idNat, PSC_TEST_PASSWORD, 'logiciel-test');
  const { payload, protectedHeader } = await jwtVerify(issued.accessToken, createLocalJWKSet(psc.jwks() as never), {
    issuer: ISSUER,
    audience: 'mssante-api-lps',
    currentDate: new Date('2026-03-02T09:00:00Z'),
  });
  assert.deepEqual(protectedHeader, { alg: 'RS256', typ: 'JWT', kid: testSigningKey().kid });
  assert.deepEqual({ ...payload, jti: '', sid: '' }, {
    sub: FIXTURE.martin.idNat,
    preferred_username: FIXTURE.martin.idNat,
    name: 'Paul Martin',
    given_name: 'Paul',
    family_name: 'Martin',
    SubjectNameID: FIXTURE.martin.idNat,
    mss_organisations: ['ch-valbrume'],
    iss: ISSUER,
    aud: 'mssante-api-lps',
    azp: 'logiciel-test',
    iat: Date.parse('2026-03-02T09:00:00Z') / 1000,
    exp: Date.parse('2026-03-02T09:05:00Z') / 1000,
    jti: '',
    sid: '',
    typ: 'Bearer',
    scope: 'openid',
  });
  assert.equal(payload.sid, issued.sessionId);
  assert.deepEqual([issued.expiresIn, issued.refreshExpiresIn, issued.expiresAt.toISOString()], [300, 1800, '2026-03-02T09:05:00.000Z']);
  assert.match(issued.refreshToken, /^[A-Za-z0-9_-]{43}$/);
  assert.deepEqual(psc.verifyAccessToken(issued.accessToken), { ok: true, claims: payload });
  const [jwk] = psc.jwks().keys;
  assert.deepEqual([jwk?.kty, jwk?.alg, jwk?.use, jwk?.kid], ['RSA', 'RS256', 'sig', await calculateJwkThumbprint({ kty: 'RSA', n: jwk?.n ?? '', e: jwk?.e ?? '' })]);
});

test('password grant by persona id: with idNat a person token, without a mailbox-bound one, APP refused', async () => {
  const { psc } = await setup();
  assert.equal(psc.passwordGrant('camille', PSC_TEST_PASSWORD).claims.SubjectNameID, FIXTURE.camille.idNat);
  const sophie = psc.passwordGrant('sophie', PSC_TEST_PASSWORD).claims;
  assert.deepEqual([sophie.sub, sophie.preferred_username, sophie.name, sophie.mss_mailbox, sophie.SubjectNameID], [`bal:${FIXTURE.secretariat}`, 'sophie', 'Sophie Bernard', FIXTURE.secretariat, undefined]);
  assert.throws(() => psc.passwordGrant('dpi-ch-valbrume', PSC_TEST_PASSWORD), grantError('MSS_SIM_PSC_APP_MAILBOX'));
  assert.throws(() => psc.passwordGrant(FIXTURE.martin.idNat, 'faux'), grantError('MSS_SIM_PSC_BAD_CREDENTIALS'));
  assert.throws(() => psc.passwordGrant('personne', PSC_TEST_PASSWORD), grantError('MSS_SIM_PSC_BAD_CREDENTIALS'));
  assert.throws(() => psc.passwordGrant('louise', PSC_TEST_PASSWORD), grantError('MSS_SIM_PSC_BAD_CREDENTIALS'));
});

test('refresh rotates the refresh token; reusing a retired one revokes the session and tells the listeners once', async () => {
  const { psc, clock, revoked } = await setup();
  const first = psc.passwordGrant(FIXTURE.rousseau.idNat, PSC_TEST_PASSWORD);
  clock.advance(60_000);
  const second = psc.refreshGrant(first.refreshToken);
  assert.notEqual(second.refreshToken, first.refreshToken);
  assert.equal(second.sessionId, first.sessionId);
  assert.equal(second.claims.iat, first.claims.iat + 60);
  assert.throws(() => psc.refreshGrant(second.refreshToken, 'autre-client'), grantError('MSS_SIM_PSC_OTHER_CLIENT'));
  assert.throws(() => psc.refreshGrant(first.refreshToken), grantError('MSS_SIM_PSC_REFRESH_TOKEN_REUSED'));
  assert.deepEqual(revoked, [first.sessionId]);
  assert.throws(() => psc.refreshGrant(second.refreshToken), grantError('MSS_SIM_PSC_SESSION_REVOKED'));
  assert.deepEqual(psc.verifyAccessToken(second.accessToken), { ok: false, reason: 'token-revoked', detail: 'session Pro Santé Connect terminée' });
  assert.throws(() => psc.refreshGrant('inconnu'), grantError('MSS_SIM_PSC_UNKNOWN_REFRESH_TOKEN'));
});

test('expiry of access and refresh tokens follows the injected clock', async () => {
  const { psc, clock } = await setup({ accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 120 });
  const issued = psc.passwordGrant(FIXTURE.julien.idNat, PSC_TEST_PASSWORD);
  clock.advance(59_999);
  assert.equal(psc.verifyAccessToken(issued.accessToken).ok, true);
  clock.advance(1);
  assert.deepEqual(psc.verifyAccessToken(issued.accessToken), { ok: false, reason: 'token-expired', detail: 'expiré depuis 2026-03-02T09:01:00.000Z' });
  clock.advance(60_000);
  assert.throws(() => psc.refreshGrant(issued.refreshToken), grantError('MSS_SIM_PSC_REFRESH_TOKEN_EXPIRED'));
});

test('logout, the revocation endpoint (refresh or access token) and the control API revoke the session', async () => {
  const { psc, revoked } = await setup();
  const a = psc.passwordGrant('nadia', PSC_TEST_PASSWORD);
  const b = psc.passwordGrant('nadia', PSC_TEST_PASSWORD);
  const c = psc.mailboxGrant(FIXTURE.cpts);
  const d = psc.mailboxGrant(FIXTURE.cpts);
  psc.logout(a.refreshToken);
  assert.throws(() => psc.logout(a.refreshToken), grantError('MSS_SIM_PSC_SESSION_REVOKED'));
  psc.revokeToken(b.accessToken);
  psc.revokeToken(c.refreshToken);
  psc.revokeToken('inconnu');
  assert.equal(psc.revokeSession(d.sessionId), true);
  assert.equal(psc.revokeSession(d.sessionId), false);
  assert.deepEqual(revoked, [a.sessionId, b.sessionId, c.sessionId, d.sessionId]);
  assert.deepEqual(psc.sessions().map((s) => s.revocationCause), ['logout', 'revocation-endpoint', 'revocation-endpoint', 'control-api']);
  assert.deepEqual(psc.sessions()[2], {
    sessionId: c.sessionId,
    login: FIXTURE.cpts,
    name: 'CPTS du Pays de Valbrume – Coordination',
    idNat: null,
    mailbox: FIXTURE.cpts,
    clientId: 'client-mssante',
    createdAt: '2026-03-02T09:00:00.000Z',
    refreshExpiresAt: '2026-03-02T09:30:00.000Z',
    revokedAt: '2026-03-02T09:00:00.000Z',
    revocationCause: 'revocation-endpoint',
  });
});

test('verification refuses forged, foreign, malformed and other-issuer tokens as token-invalid', async () => {
  let issuer = ISSUER;
  const { psc } = await setup({ issuer: () => issuer });
  const { accessToken } = psc.passwordGrant(FIXTURE.camille.idNat, PSC_TEST_PASSWORD);
  const [header, payload] = accessToken.split('.');
  const invalid = (token: string) => {
    const check = psc.verifyAccessToken(token);
    return check.ok ? 'ok' : `${check.reason}: ${check.detail}`;
  };
  assert.equal(invalid(`${header}.${payload}.${'A'.repeat(342)}`), 'token-invalid: signature invalide');
  const view = await defaultView();
  const foreign = createPsc({ view: () => view, issuer: ISSUER, signingKey: generateSigningKey() }).passwordGrant(FIXTURE.camille.idNat, PSC_TEST_PASSWORD).accessToken;
  assert.notEqual(decodeProtectedHeader(foreign).kid, decodeProtectedHeader(accessToken).kid);
  assert.equal(invalid(foreign), 'token-invalid: clé de signature inconnue (kid)');
  const [, , foreignSignature] = foreign.split('.');
  assert.equal(invalid(`${header}.${payload}.${foreignSignature}`), 'token-invalid: signature invalide');
  const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
  assert.equal(invalid(none), "token-invalid: ce n'est pas un JWT (trois parties base64url)");
  assert.equal(invalid(`${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${payload}.AAAA`), 'token-invalid: algorithme de signature non accepté (RS256 attendu)');
  assert.equal(invalid('jeton-opaque'), "token-invalid: ce n'est pas un JWT (trois parties base64url)");
  issuer = 'http://ailleurs.test/psc/auth/realms/esante-wallet';
  assert.equal(invalid(accessToken), `token-invalid: émetteur inattendu (${ISSUER})`);
});

test('mailbox grant: bound token, lifetime bounds, unknown and APP mailboxes refused; clear() revokes everything', async () => {
  const { psc, revoked } = await setup();
  const issued = psc.mailboxGrant(FIXTURE.rousseau.cab.toUpperCase(), { ttlSeconds: 600 });
  assert.deepEqual([issued.claims.mss_mailbox, issued.claims.SubjectNameID, issued.claims.name, issued.expiresIn], [FIXTURE.rousseau.cab, FIXTURE.rousseau.idNat, 'Hélène Rousseau', 600]);
  assert.throws(() => psc.mailboxGrant(FIXTURE.dpi.address), grantError('MSS_SIM_PSC_APP_MAILBOX'));
  assert.throws(() => psc.mailboxGrant('personne@pharmacien.mssante.fr'), grantError('MSS_SIM_PSC_UNKNOWN_MAILBOX'));
  assert.throws(() => psc.mailboxGrant(FIXTURE.cpts, { ttlSeconds: 0 }), grantError('MSS_SIM_PSC_BAD_PARAMETER'));
  assert.throws(() => psc.mailboxGrant(FIXTURE.cpts, { ttlSeconds: 86_401 }), grantError('MSS_SIM_PSC_BAD_PARAMETER'));
  psc.clear();
  assert.deepEqual(revoked, [issued.sessionId]);
  assert.deepEqual(psc.sessions(), []);
  assert.equal(psc.verifyAccessToken(issued.accessToken).ok, false);
});
