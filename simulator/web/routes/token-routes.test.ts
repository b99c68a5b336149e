// POST /api/tokens and the applicative mailboxes: no Pro Santé Connect token for them (the
// success contract — a JWT bound to the mailbox — is pinned by control-api.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPsc } from '../../services/auth/psc/create-psc.ts';
import { defaultView, FIXTURE, testSigningKey } from '../../services/auth/testing/default-view.ts';
import { startApi } from '../testing/api-client.ts';
import { fakeTrustSpace, FIXED_NOW } from '../testing/fake-trust-space.ts';

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
