import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApi } from '../testing/api-client.ts';
import { withApi } from '../testing/api-test-kit.ts';
import { fakeTrustSpace } from '../testing/fake-trust-space.ts';

const ORG_BOX = {
  address: 'preparatoire@pharmacien.mssante.fr',
  type: 'ORG',
  owner: { kind: 'organisation', organisationId: 'pharmacie-du-parc' },
  displayName: 'Pharmacie du Parc – Préparatoire',
  description: 'Boîte du préparatoire',
  redListed: false,
  password: 'test-preparatoire',
};

test('POST /api/trust-space/mailboxes adds a checked mailbox: 201, then 409 for the same address', async () => {
  await withApi(async ({ api, space, check }) => {
    const added = await api.call('POST', '/api/trust-space/mailboxes', ORG_BOX);
    check('POST', '/api/trust-space/mailboxes', added);
    assert.equal(added.status, 201);
    assert.deepEqual(added.body, { ...ORG_BOX, service: null });
    assert.equal(added.headers.get('location'), '/api/trust-space/mailboxes/preparatoire%40pharmacien.mssante.fr');
    assert.equal(space.view().mailbox(ORG_BOX.address)?.displayName, ORG_BOX.displayName);
    const again = await api.call('POST', '/api/trust-space/mailboxes', ORG_BOX);
    check('POST', '/api/trust-space/mailboxes', again);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'MSS_SIM_CHANGE_DUPLICATE_ADDRESS');
  });
});

test('a display name or a service on several lines (a line break, any control character) is refused: it would be published as is', async () => {
  await withApi(async ({ api, space, check }) => {
    const refused = await api.call('POST', '/api/trust-space/mailboxes', { ...ORG_BOX, displayName: 'Accueil\r\nBcc: paul.martin@ch-valbrume.mssante.fr', service: 'Officine\u0007' });
    check('POST', '/api/trust-space/mailboxes', refused);
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.error.problems.map((p: { path: string }) => p.path), ['/displayName', '/service']);
    assert.equal(space.view().mailbox(ORG_BOX.address), undefined);
  });
});

test('a mailbox the fixture rules refuse: 400 with every problem; a malformed body: the usual 400', async () => {
  await withApi(async ({ api, check }) => {
    const refused = await api.call('POST', '/api/trust-space/mailboxes', { ...ORG_BOX, address: 'x@inconnu.mssante.fr', type: 'PER' });
    check('POST', '/api/trust-space/mailboxes', refused);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'MSS_SIM_CHANGE_INVALID_MAILBOX');
    assert.deepEqual(refused.body.error.problems.map((p: { path: string }) => p.path), ['/address', '/owner']);
    const malformed = await api.call('POST', '/api/trust-space/mailboxes', { address: 'x@pharmacien.mssante.fr' });
    check('POST', '/api/trust-space/mailboxes', malformed);
    assert.equal(malformed.body.error.code, 'MSS_SIM_API_INVALID_BODY');
  });
});

test('DELETE /api/trust-space/mailboxes/{address}: 204, then 404', async () => {
  await withApi(async ({ api, space, check }) => {
    const removed = await api.call('DELETE', '/api/trust-space/mailboxes/PHARMACIE.DUPARC%40pharmacien.mssante.fr');
    check('DELETE', '/api/trust-space/mailboxes/{address}', removed);
    assert.equal(removed.status, 204);
    assert.equal(space.view().mailbox('pharmacie.duparc@pharmacien.mssante.fr'), undefined);
    const missing = await api.call('DELETE', '/api/trust-space/mailboxes/pharmacie.duparc%40pharmacien.mssante.fr');
    check('DELETE', '/api/trust-space/mailboxes/{address}', missing);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'MSS_SIM_CHANGE_UNKNOWN_MAILBOX');
  });
});

test('PUT /api/trust-space/domains/{domain}/whitelisted changes the liste blanche; unknown domain 404', async () => {
  await withApi(async ({ api, space, check }) => {
    const answer = await api.call('PUT', '/api/trust-space/domains/Sortant.mssante.fr/whitelisted', { whitelisted: true });
    check('PUT', '/api/trust-space/domains/{domain}/whitelisted', answer);
    assert.deepEqual(answer.body, { domain: 'sortant.mssante.fr', whitelisted: true });
    assert.equal(space.view().isWhitelisted('sortant.mssante.fr'), true);
    assert.deepEqual(space.view().whitelist.map((e) => e.domain), ['patient.mssante.fr', 'pharmacien.mssante.fr', 'sortant.mssante.fr']);
    const unknown = await api.call('PUT', '/api/trust-space/domains/gmail.com/whitelisted', { whitelisted: true });
    check('PUT', '/api/trust-space/domains/{domain}/whitelisted', unknown);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'MSS_SIM_CHANGE_UNKNOWN_DOMAIN');
    const bad = await api.call('PUT', '/api/trust-space/domains/sortant.mssante.fr/whitelisted', { whitelisted: 'oui' });
    check('PUT', '/api/trust-space/domains/{domain}/whitelisted', bad);
    assert.equal(bad.body.error.code, 'MSS_SIM_API_INVALID_BODY');
  });
});

test('GET and PUT /api/directory/faults; bounded delay; POST /api/reset clears the fault', async () => {
  await withApi(async ({ api, space, check }) => {
    const initial = await api.call('GET', '/api/directory/faults');
    check('GET', '/api/directory/faults', initial);
    assert.deepEqual(initial.body, { mode: 'none', delayMs: 2000 });
    const slow = await api.call('PUT', '/api/directory/faults', { mode: 'slow', delayMs: 150 });
    check('PUT', '/api/directory/faults', slow);
    assert.deepEqual(slow.body, { mode: 'slow', delayMs: 150 });
    assert.equal(space.directoryFaults.mode, 'slow');
    for (const body of [{ mode: 'panne' }, { mode: 'slow', delayMs: 60_001 }, { mode: 'slow', delayMs: 1.5 }]) {
      const refused = await api.call('PUT', '/api/directory/faults', body);
      check('PUT', '/api/directory/faults', refused);
      assert.equal(refused.status, 400, JSON.stringify(body));
    }
    await api.call('POST', '/api/reset');
    assert.deepEqual((await api.call('GET', '/api/directory/faults')).body, { mode: 'none', delayMs: 2000 });
  });
});
