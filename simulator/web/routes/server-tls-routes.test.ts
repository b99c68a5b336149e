// GET and PATCH /api/server-tls (REG-TLS-06): the setting is read, changed property by property,
// validated against its schema, and POST /api/reset restores it. The TLS endpoints themselves
// are tested in simulator/trust-space/server-tls-switch.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApi } from '../testing/api-test-kit.ts';

test('GET and PATCH /api/server-tls; unknown values refused; POST /api/reset restores the start setting', async () => {
  await withApi(async ({ api, space, check }) => {
    const initial = await api.call('GET', '/api/server-tls');
    check('GET', '/api/server-tls', initial);
    assert.deepEqual(initial.body, { certificate: 'valid', protocols: 'referential' });
    const expired = await api.call('PATCH', '/api/server-tls', { certificate: 'expired' });
    check('PATCH', '/api/server-tls', expired);
    assert.deepEqual(expired.body, { certificate: 'expired', protocols: 'referential' });
    const legacy = await api.call('PATCH', '/api/server-tls', { protocols: 'legacy-versions' });
    assert.deepEqual(legacy.body, { certificate: 'expired', protocols: 'legacy-versions' });
    assert.deepEqual(space.serverTls, { certificate: 'expired', protocols: 'legacy-versions' });
    for (const body of [{}, { certificate: 'périmé' }, { protocols: 'TLSv1' }, { certificate: 'valid', extra: true }]) {
      const refused = await api.call('PATCH', '/api/server-tls', body);
      check('PATCH', '/api/server-tls', refused);
      assert.equal(refused.status, 400, JSON.stringify(body));
    }
    await api.call('POST', '/api/reset');
    assert.deepEqual((await api.call('GET', '/api/server-tls')).body, { certificate: 'valid', protocols: 'referential' });
  });
});
