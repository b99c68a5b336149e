import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withInsKey } from '../../domain/ins-number.ts';
import { withApi } from '../testing/api-test-kit.ts';
import { LOUISE_INS, PHARMACY_MAILBOX } from '../testing/fake-trust-space.ts';

const UNKNOWN_INS = withInsKey('1900175123456');

test('GET /api/conversations, for everyone or for one patient; an invalid INS is a 400', async () => {
  await withApi(async ({ api, check }) => {
    const all = await api.call('GET', '/api/conversations');
    check('GET', '/api/conversations', all);
    assert.deepEqual(all.body.map((c: { id: string; state: string }) => [c.id, c.state]), [['c-1', 'open']]);
    const one = await api.call('GET', `/api/conversations?patient=${LOUISE_INS}`);
    assert.equal(one.body[0].patientIns, LOUISE_INS);
    const bad = await api.call('GET', '/api/conversations?patient=123');
    check('GET', '/api/conversations', bad);
    assert.equal(bad.body.error.code, 'MSS_SIM_API_INVALID_INS');
  });
});

test('GET /api/patients/{ins}/contactable: addresses; unknown patient 404; invalid INS 400', async () => {
  await withApi(async ({ api, check }) => {
    const ok = await api.call('GET', `/api/patients/${LOUISE_INS}/contactable`);
    check('GET', '/api/patients/{ins}/contactable', ok);
    assert.deepEqual(ok.body, [PHARMACY_MAILBOX]);
    const unknown = await api.call('GET', `/api/patients/${UNKNOWN_INS}/contactable`);
    check('GET', '/api/patients/{ins}/contactable', unknown);
    assert.equal(unknown.body.error.code, 'MSS_SIM_API_UNKNOWN_PATIENT');
    const wrongKey = await api.call('GET', `/api/patients/${LOUISE_INS.slice(0, 13)}00/contactable`);
    check('GET', '/api/patients/{ins}/contactable', wrongKey);
    assert.equal(wrongKey.body.error.code, 'MSS_SIM_API_INVALID_INS');
  });
});

test('GET /api/refusals lists what Mon espace santé refused', async () => {
  await withApi(async ({ api, check }) => {
    const answer = await api.call('GET', '/api/refusals');
    check('GET', '/api/refusals', answer);
    assert.deepEqual(answer.body, [{ at: '2025-03-13T14:00:00.000Z', ins: LOUISE_INS, action: 'write', target: 'dr.martin@medecin.mssante.fr', refusal: { code: 'nominative-mailbox-not-in-contact', message: 'Refusé.' } }]);
  });
});

test('PUT /api/patients/{ins}/profile changes the state of the profile', async () => {
  await withApi(async ({ api, space, check }) => {
    const changed = await api.call('PUT', `/api/patients/${LOUISE_INS}/profile`, { state: 'closed' });
    check('PUT', '/api/patients/{ins}/profile', changed);
    assert.deepEqual(changed.body, { ins: LOUISE_INS, profile: 'closed' });
    assert.equal(space.view().patient(LOUISE_INS)?.profile, 'closed');
    const unknown = await api.call('PUT', `/api/patients/${UNKNOWN_INS}/profile`, { state: 'active' });
    check('PUT', '/api/patients/{ins}/profile', unknown);
    assert.equal(unknown.status, 404);
    const invalid = await api.call('PUT', `/api/patients/${LOUISE_INS}/profile`, { state: 'fermé', reason: 'x' });
    check('PUT', '/api/patients/{ins}/profile', invalid);
    assert.deepEqual(invalid.body.error.problems.map((p: { path: string }) => p.path), ['/reason', '/state']);
  });
});

test('POST /api/patients/{ins}/replies: 201 with the delivery, the call passed on to Mon espace santé', async () => {
  await withApi(async ({ api, space, check }) => {
    const answer = await api.call('POST', `/api/patients/${LOUISE_INS.toLowerCase()}/replies`, { messageId: 'm-000001', text: 'Merci, à demain.' });
    check('POST', '/api/patients/{ins}/replies', answer);
    assert.equal(answer.status, 201);
    assert.deepEqual(answer.body, { storeId: 'm-000042', deliveredTo: PHARMACY_MAILBOX, conversationId: 'c-1' });
    await api.call('POST', `/api/patients/${LOUISE_INS}/replies`, { messageId: 'm-000001', text: 'Encore', subject: 'Question' });
    assert.deepEqual(space.mes.calls, [
      { action: 'reply', input: { ins: LOUISE_INS, messageId: 'm-000001', text: 'Merci, à demain.' } },
      { action: 'reply', input: { ins: LOUISE_INS, messageId: 'm-000001', text: 'Encore', subject: 'Question' } },
    ]);
  });
});

test('a refused patient action is a 403 carrying the refusal, with code MSS_SIM_MES_<CODE>', async () => {
  await withApi(async ({ api, space, check }) => {
    const message = 'La Pharmacie du Parc a mis fin à vos échanges : vous ne pouvez plus lui répondre.';
    space.mes.next = { accepted: false, refusal: { code: 'conversation-closed', message } };
    const answer = await api.call('POST', `/api/patients/${LOUISE_INS}/replies`, { messageId: 'm-000001', text: 'Bonjour ?' });
    check('POST', '/api/patients/{ins}/replies', answer);
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body, { error: { code: 'MSS_SIM_MES_CONVERSATION_CLOSED', message, refusal: { code: 'conversation-closed', message } } });
    space.mes.next = { accepted: false, refusal: { code: 'nominative-mailbox-not-in-contact', message: 'Non.' } };
    const write = await api.call('POST', `/api/patients/${LOUISE_INS}/messages`, { to: 'dr.martin@medecin.mssante.fr', subject: 'Bonjour', text: 'Docteur ?' });
    check('POST', '/api/patients/{ins}/messages', write);
    assert.equal(write.body.error.code, 'MSS_SIM_MES_NOMINATIVE_MAILBOX_NOT_IN_CONTACT');
    assert.deepEqual(space.mes.calls.at(-1), { action: 'write', input: { ins: LOUISE_INS, to: 'dr.martin@medecin.mssante.fr', subject: 'Bonjour', text: 'Docteur ?' } });
  });
});

test('POST /api/patients/{ins}/messages: 201, or 400 listing every problem before Mon espace santé is called', async () => {
  await withApi(async ({ api, space, check }) => {
    const sent = await api.call('POST', `/api/patients/${LOUISE_INS}/messages`, { to: PHARMACY_MAILBOX, subject: 'Ordonnance', text: 'Voici mon ordonnance.' });
    check('POST', '/api/patients/{ins}/messages', sent);
    assert.equal(sent.status, 201);
    const invalid = await api.call('POST', `/api/patients/${LOUISE_INS}/messages`, { to: 'Pharmacie <x@y.fr>', subject: '' });
    check('POST', '/api/patients/{ins}/messages', invalid);
    assert.equal(invalid.body.error.message, 'Corps de requête invalide : 3 problèmes');
    assert.deepEqual(invalid.body.error.problems.map((p: { path: string }) => p.path), ['/text', '/to', '/subject']);
    const malformed = await api.call('POST', `/api/patients/${LOUISE_INS}/messages`, '{"to": "x@y.fr",');
    check('POST', '/api/patients/{ins}/messages', malformed);
    assert.deepEqual([malformed.body.error.code, malformed.body.error.position, malformed.body.error.column], ['MSS_SIM_API_MALFORMED_JSON', 16, 17]);
    const nested = await api.call('POST', `/api/patients/${LOUISE_INS}/messages`, '{"to":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}');
    check('POST', '/api/patients/{ins}/messages', nested);
    assert.deepEqual([nested.status, nested.body.error.code, nested.body.error.pointer], [400, 'MSS_SIM_API_JSON_TOO_DEEP', '/to' + '/0'.repeat(63)]);
    assert.equal(space.mes.calls.length, 1);
  });
});
