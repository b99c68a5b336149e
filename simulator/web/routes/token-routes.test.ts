// POST /api/tokens once the trust space has a simulated Pro Santé Connect: a signed JWT bound to
// the mailbox, with the former contract's fields plus the refresh token and PSC session id.
// (Without `psc`, the opaque-token contract is pinned by control-api.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPsc } from '../../auth/psc/create-psc.ts';
import { defaultView, FIXTURE, testSigningKey } from '../../auth/testing/default-view.ts';
import { startApi } from '../testing/api-client.ts';
import { fakeTrustSpace, FIXED_NOW, PHARMACY_MAILBOX } from '../testing/fake-trust-space.ts';

test('POST /api/tokens issues a PSC JWT for the mailbox, usable for XOAUTH2, when the space has a PSC', async () => {
  const space = fakeTrustSpace();
  const psc = createPsc({ view: space.view, issuer: 'http://127.0.0.1:3/psc/auth/realms/esante-wallet', now: () => FIXED_NOW, signingKey: testSigningKey() });
  const api = await startApi(Object.assign(space, { psc }), { now: () => FIXED_NOW });
  try {
    const issued = await api.call('POST', '/api/tokens', { mailbox: PHARMACY_MAILBOX.toUpperCase(), ttlSeconds: 600 });
    assert.equal(issued.status, 201);
    const token: string = issued.body.access_token;
    assert.match(token, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.deepEqual(
      { ...issued.body, access_token: '', xoauth2: '', refresh_token: '', session_id: '' },
      { access_token: '', token_type: 'Bearer', expires_in: 600, expires_at: '2025-03-13T14:10:00.000Z', mailbox: PHARMACY_MAILBOX, xoauth2: '', refresh_token: '', refresh_expires_in: 1800, session_id: '' },
    );
    assert.equal(Buffer.from(issued.body.xoauth2, 'base64').toString('utf8'), `user=${PHARMACY_MAILBOX}\x01auth=Bearer ${token}\x01\x01`);
    const check = psc.verifyAccessToken(token);
    assert.deepEqual(check.ok && [check.claims.mss_mailbox, check.claims.azp, check.claims.sid], [PHARMACY_MAILBOX, 'api-de-pilotage', issued.body.session_id]);
  } finally {
    await api.close();
  }
});

test('POST /api/tokens refuses APP mailboxes with the PSC (409): they use a client certificate', async () => {
  const view = await defaultView();
  const space = Object.assign(fakeTrustSpace(), { view: () => view });
  const psc = createPsc({ view: () => view, issuer: 'http://127.0.0.1:3/psc/auth/realms/esante-wallet', now: () => FIXED_NOW, signingKey: testSigningKey() });
  const api = await startApi(Object.assign(space, { psc }), { now: () => FIXED_NOW });
  try {
    const refused = await api.call('POST', '/api/tokens', { mailbox: FIXTURE.dpi.address });
    assert.equal(refused.status, 409);
    assert.deepEqual(refused.body.error, {
      code: 'MSS_SIM_API_APP_MAILBOX_TOKEN',
      message: `« ${FIXTURE.dpi.address} » est une boîte applicative : pas de jeton Pro Santé Connect, utilisez son certificat client (GET /api/pki/client-certificates/${FIXTURE.dpi.address}) puis AUTH PLAIN (SC.MSS/CONF.12).`,
    });
  } finally {
    await api.close();
  }
});
