import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFailureDsn } from '../protocols/mime/dsn-builder.ts';
import { addTransmission, rawMessage, storeMessage, withApi } from './testing/api-test-kit.ts';
import { FAKE_CA_PEM, FIXED_NOW, LOUISE_INS, PHARMACY_MAILBOX } from './testing/fake-trust-space.ts';

const LOUISE = `${LOUISE_INS}@patient.mssante.fr`;

test('GET /api/health and GET /api/trust-space', async () => {
  await withApi(async ({ api, check }) => {
    const health = await api.call('GET', '/api/health');
    assert.deepEqual(health.body, { status: 'ok', live: true, ready: true });
    check('GET', '/api/health', health);
    const space = await api.call('GET', '/api/trust-space');
    check('GET', '/api/trust-space', space);
    assert.deepEqual(space.body.settings, { strictRecipients: false, passwordAuth: true, maxMessageBytes: 31457280 });
    assert.deepEqual(space.body.whitelist.map((e: { domain: string }) => e.domain), ['patient.mssante.fr', 'pharmacien.mssante.fr']);
    assert.deepEqual(space.body.operators[1].domains.map((d: { whitelisted: boolean }) => d.whitelisted), [true, false]);
    assert.deepEqual(space.body.mailboxes[0], { address: PHARMACY_MAILBOX, type: 'ORG', owner: { kind: 'organisation', organisationId: 'pharmacie-du-parc' }, displayName: 'Pharmacie du Parc', description: 'Officine', service: null, redListed: false, password: 'test-parc' });
    assert.equal(space.body.patients[0].address, LOUISE);
    assert.deepEqual(space.body.patients[0].frequentedPharmacies, [{ id: 'pharmacie-du-parc', name: 'Pharmacie du Parc', organisationalMailboxes: [PHARMACY_MAILBOX] }]);
    assert.equal(space.body.personas[0].id, 'louise');
  });
});

test('GET /api/mailboxes/{address}/messages lists summaries, filtered by folder and kind', async () => {
  await withApi(async ({ api, space, check }) => {
    const sent = storeMessage(space, rawMessage({ from: PHARMACY_MAILBOX, to: LOUISE, subject: 'Rappel : vaccin HPV', messageId: 'a1@sim.test' }), { mailbox: LOUISE, connectionId: 'submission-1' });
    storeMessage(space, rawMessage({ from: 'mailer-daemon@patient.mssante.fr', to: PHARMACY_MAILBOX, subject: 'Message non distribué', messageId: 'b1@sim.test' }), { mailbox: PHARMACY_MAILBOX, kind: 'bounce', reportsOn: sent.id, ingress: 'simulator' });
    const listed = await api.call('GET', `/api/mailboxes/${encodeURIComponent(LOUISE.toLowerCase())}/messages`);
    check('GET', '/api/mailboxes/{address}/messages', listed);
    assert.deepEqual(listed.body, [{ id: sent.id, messageId: 'a1@sim.test', from: PHARMACY_MAILBOX, to: [LOUISE.toLowerCase()], subject: 'Rappel : vaccin HPV', date: 'Thu, 13 Mar 2025 14:00:00 +0000', receivedAt: FIXED_NOW.toISOString(), kind: 'message', folder: 'INBOX', mailbox: LOUISE.toLowerCase(), size: sent.raw.length, reportsOn: null }]);
    const bounces = await api.call('GET', `/api/mailboxes/${PHARMACY_MAILBOX}/messages?folder=inbox&kind=bounce`);
    assert.deepEqual(bounces.body.map((m: { subject: string; reportsOn: string }) => [m.subject, m.reportsOn]), [['Message non distribué', sent.id]]);
    assert.deepEqual((await api.call('GET', `/api/mailboxes/${PHARMACY_MAILBOX}/messages?folder=Sent`)).body, []);
    assert.deepEqual((await api.call('GET', '/api/mailboxes/inconnu@ailleurs.test/messages')).body, []);
  });
});

test('GET /api/mailboxes/{address}/messages refuses a non-address and unknown filter values', async () => {
  await withApi(async ({ api, check }) => {
    const bad = await api.call('GET', '/api/mailboxes/pas-une-adresse/messages');
    check('GET', '/api/mailboxes/{address}/messages', bad);
    assert.equal(bad.body.error.code, 'MSS_SIM_API_INVALID_ADDRESS');
    const kind = await api.call('GET', `/api/mailboxes/${PHARMACY_MAILBOX}/messages?kind=spam`);
    assert.equal(kind.status, 400);
    assert.deepEqual(kind.body.error, { code: 'MSS_SIM_API_INVALID_QUERY', message: 'Valeur « spam » invalide pour le paramètre kind : valeurs possibles message, bounce, receipt.', parameter: 'kind', allowed: ['message', 'bounce', 'receipt'] });
  });
});

test('GET /api/messages/{id} gives the envelope and the MIME parse, delivery-status fields of a bounce included', async () => {
  await withApi(async ({ api, space, check }) => {
    const original = rawMessage({ from: PHARMACY_MAILBOX, to: LOUISE, subject: 'Ordonnance', messageId: 'o1@sim.test', body: 'Voici votre ordonnance, été 2025.' });
    const sent = storeMessage(space, original, { mailbox: PHARMACY_MAILBOX, folder: 'Sent', connectionId: 'submission-7' });
    const dsn = buildFailureDsn({
      reportingMta: 'mta.patient.mssante.fr', from: 'MAILER-DAEMON@patient.mssante.fr', to: PHARMACY_MAILBOX, subject: 'Message non distribué', messageId: 'dsn1@patient.mssante.fr',
      date: FIXED_NOW, arrivalDate: FIXED_NOW, originalMessageId: 'o1@sim.test', originalRaw: original, originalHeaderBytes: sent.index.headerBytes,
      recipients: [{ finalRecipient: LOUISE, status: '5.2.1', diagnosticCode: 'smtp; 550 5.2.1 clôturée', sentence: 'Messagerie clôturée.' }],
    });
    const bounce = storeMessage(space, dsn, { mailbox: PHARMACY_MAILBOX, kind: 'bounce', reportsOn: sent.id, ingress: 'simulator', envelope: { mailFrom: '', rcptTo: [PHARMACY_MAILBOX] } });
    const message = await api.call('GET', `/api/messages/${sent.id}`);
    check('GET', '/api/messages/{id}', message);
    assert.equal(message.body.parsed.text, 'Voici votre ordonnance, été 2025.\n');
    assert.deepEqual([message.body.connectionId, message.body.ingress, message.body.envelope.rcptTo], ['submission-7', 'submission', [PHARMACY_MAILBOX]]);
    const report = await api.call('GET', `/api/messages/${bounce.id}`);
    check('GET', '/api/messages/{id}', report);
    assert.deepEqual([report.body.kind, report.body.reportsOn, report.body.envelope.mailFrom], ['bounce', sent.id, '']);
    assert.deepEqual(report.body.parsed.deliveryStatus.recipients.map((r: Record<string, string>) => [r['finalRecipient'], r['action'], r['status']]), [[`rfc822;${LOUISE}`, 'failed', '5.2.1']]);
    const missing = await api.call('GET', '/api/messages/m-999999');
    check('GET', '/api/messages/{id}', missing);
    assert.equal(missing.body.error.code, 'MSS_SIM_API_UNKNOWN_MESSAGE');
  });
});

test('GET /api/messages/{id}/raw gives the bytes as an .eml attachment', async () => {
  await withApi(async ({ api, space, check }) => {
    const raw = rawMessage({ from: PHARMACY_MAILBOX, to: LOUISE, subject: 'Bonjour', messageId: 'r1@sim.test' });
    const stored = storeMessage(space, raw, { mailbox: LOUISE });
    const answer = await api.call('GET', `/api/messages/${stored.id}/raw`);
    check('GET', '/api/messages/{id}/raw', answer);
    assert.equal(answer.headers.get('content-type'), 'message/rfc822');
    assert.equal(answer.headers.get('content-disposition'), `attachment; filename="${stored.id}.eml"`);
    assert.equal(answer.text, raw.toString('utf8'));
    assert.equal((await api.call('GET', '/api/messages/nope/raw')).status, 404);
  });
});

test('GET /api/transmissions and /api/transmissions/{id}/raw', async () => {
  await withApi(async ({ api, space, check }) => {
    const raw = rawMessage({ from: PHARMACY_MAILBOX, to: LOUISE, subject: 'Deux destinataires', messageId: 't1@sim.test' });
    const sent = addTransmission(space, raw, [
      { recipient: LOUISE, outcome: 'delivered', mailbox: LOUISE, storedId: 'm-000001' },
      { recipient: '123@patient.mssante.fr', outcome: 'bounced', status: '5.1.3' },
    ]);
    const list = await api.call('GET', '/api/transmissions');
    check('GET', '/api/transmissions', list);
    assert.equal(list.body.length, 1);
    assert.deepEqual([list.body[0].id, list.body[0].messageId, list.body[0].authenticatedMailbox, list.body[0].size], [sent.id, 't1@sim.test', PHARMACY_MAILBOX, raw.length]);
    assert.deepEqual(list.body[0].outcomes[1], { recipient: '123@patient.mssante.fr', outcome: 'bounced', status: '5.1.3' });
    const rawAnswer = await api.call('GET', `/api/transmissions/${sent.id}/raw`);
    check('GET', '/api/transmissions/{id}/raw', rawAnswer);
    assert.equal(rawAnswer.text, raw.toString('utf8'));
    const missing = await api.call('GET', '/api/transmissions/t-999999/raw');
    check('GET', '/api/transmissions/{id}/raw', missing);
    assert.equal(missing.body.error.code, 'MSS_SIM_API_UNKNOWN_TRANSMISSION');
  });
});

test('GET /api/journal lists connections; a transcript comes as JSON, or as text with Accept: text/plain', async () => {
  await withApi(async ({ api, space, check }) => {
    space.journal.open({ id: 'submission-1', endpoint: 'submission', remoteAddress: '127.0.0.1' });
    space.journal.record('submission-1', 'S', '220 simulateur ESMTP');
    space.journal.record('submission-1', 'C', 'EHLO client.test');
    space.journal.close('submission-1');
    const list = await api.call('GET', '/api/journal');
    check('GET', '/api/journal', list);
    assert.deepEqual(list.body, [{ id: 'submission-1', endpoint: 'submission', remoteAddress: '127.0.0.1', openedAt: FIXED_NOW.toISOString() }]);
    const transcript = await api.call('GET', '/api/journal/submission-1');
    check('GET', '/api/journal/{connectionId}', transcript);
    assert.deepEqual(transcript.body.lines.map((l: { direction: string; text: string }) => `${l.direction} ${l.text}`), ['S 220 simulateur ESMTP', 'C EHLO client.test']);
    const plain = await api.call('GET', '/api/journal/submission-1', undefined, { accept: 'text/plain' });
    check('GET', '/api/journal/{connectionId}', plain);
    assert.equal(plain.text, '2025-03-13T14:00:00.000Z S: 220 simulateur ESMTP\n2025-03-13T14:00:00.000Z C: EHLO client.test');
    const missing = await api.call('GET', '/api/journal/peer-0');
    check('GET', '/api/journal/{connectionId}', missing);
    assert.equal(missing.body.error.code, 'MSS_SIM_API_UNKNOWN_CONNECTION');
  });
});

test('PATCH /api/settings changes only what is given; POST /api/reset answers 204', async () => {
  await withApi(async ({ api, space, check }) => {
    const patched = await api.call('PATCH', '/api/settings', { strictRecipients: true });
    check('PATCH', '/api/settings', patched);
    assert.deepEqual(patched.body, { strictRecipients: true, passwordAuth: true, maxMessageBytes: 31457280 });
    assert.equal(space.settings.strictRecipients, true);
    const invalid = await api.call('PATCH', '/api/settings', { strictRecipients: 'oui', maxMessageBytes: 5 });
    check('PATCH', '/api/settings', invalid);
    assert.deepEqual(invalid.body.error.problems.map((p: { path: string }) => p.path), ['/maxMessageBytes', '/strictRecipients']);
    assert.equal(space.settings.strictRecipients, true);
    const foreign = await api.call('POST', '/api/reset', undefined, { origin: 'https://ailleurs.example' });
    check('POST', '/api/reset', foreign);
    assert.deepEqual([foreign.status, space.resets], [403, 0]);
    const reset = await api.call('POST', '/api/reset');
    check('POST', '/api/reset', reset);
    assert.deepEqual([reset.status, reset.text, space.resets], [204, '', 1]);
  });
});

test('POST /api/tokens issues a bearer token and the XOAUTH2 initial response', async () => {
  await withApi(async ({ api, space, check }) => {
    const issued = await api.call('POST', '/api/tokens', { mailbox: PHARMACY_MAILBOX.toUpperCase(), ttlSeconds: 600 });
    check('POST', '/api/tokens', issued);
    assert.equal(issued.status, 201);
    const token: string = issued.body.access_token;
    assert.match(token, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.deepEqual(
      { ...issued.body, access_token: '', xoauth2: '', refresh_token: '', session_id: '' },
      { access_token: '', token_type: 'Bearer', expires_in: 600, expires_at: '2025-03-13T14:10:00.000Z', mailbox: PHARMACY_MAILBOX, xoauth2: '', refresh_token: '', refresh_expires_in: 1800, session_id: '' },
    );
    assert.equal(Buffer.from(issued.body.xoauth2, 'base64').toString('utf8'), `user=${PHARMACY_MAILBOX}\x01auth=Bearer ${token}\x01\x01`);
    const claims = space.psc.verifyAccessToken(token);
    assert.deepEqual(claims.ok && [claims.claims.mss_mailbox, claims.claims.azp, claims.claims.sid], [PHARMACY_MAILBOX, 'api-de-pilotage', issued.body.session_id]);
    const unknown = await api.call('POST', '/api/tokens', { mailbox: 'personne@pharmacien.mssante.fr' });
    check('POST', '/api/tokens', unknown);
    assert.equal(unknown.body.error.code, 'MSS_SIM_API_UNKNOWN_MAILBOX');
    const invalid = await api.call('POST', '/api/tokens', { ttlSeconds: 'long' });
    assert.deepEqual(invalid.body.error.problems.map((p: { path: string }) => p.path), ['/mailbox', '/ttlSeconds']);
  });
});

test('GET /ca.crt and GET /api/pki/ca.pem serve the CA certificate', async () => {
  await withApi(async ({ api, check }) => {
    for (const path of ['/ca.crt', '/api/pki/ca.pem']) {
      const answer = await api.call('GET', path);
      check('GET', path, answer);
      assert.equal(answer.headers.get('content-type'), 'application/x-pem-file');
      assert.equal(answer.text, FAKE_CA_PEM);
    }
  });
});

test('an unexpected failure is a documented 500: logged with its stack, never a crash', async () => {
  const parseMessage = () => Promise.reject(new Error('mailparser a échoué'));
  await withApi(async ({ api, space, check }) => {
    const stored = storeMessage(space, rawMessage({ from: PHARMACY_MAILBOX, to: LOUISE, subject: 'x', messageId: 'x@sim.test' }), { mailbox: LOUISE });
    const answer = await api.call('GET', `/api/messages/${stored.id}`);
    check('GET', '/api/messages/{id}', answer);
    assert.equal(answer.body.error.code, 'MSS_SIM_INTERNAL');
    assert.match(api.logged.join('\n'), /GET \/api\/messages\/m-000001: erreur interne\nError: mailparser a échoué/);
    assert.equal((await api.call('GET', '/api/health')).status, 200);
  }, { parseMessage });
});

test('GET /api/stats counts transmissions and stored copies; POST /api/settled answers 204', async () => {
  await withApi(async ({ api, check }) => {
    const stats = await api.call('GET', '/api/stats');
    check('GET', '/api/stats', stats);
    assert.equal(stats.status, 200);
    assert.deepEqual(Object.keys(stats.body).sort(), ['bounces', 'connections', 'evicted', 'maxMessages', 'messages', 'receipts', 'transmissions']);
    const settled = await api.call('POST', '/api/settled');
    check('POST', '/api/settled', settled);
    assert.equal(settled.status, 204);
  });
});

test('the list routes page with offset and limit, in the same order; X-Total-Count gives the whole count; a bad value is a French 400', async () => {
  await withApi(async ({ api, space, check }) => {
    for (let i = 1; i <= 5; i += 1) {
      const raw = rawMessage({ from: PHARMACY_MAILBOX, to: LOUISE, subject: `Message ${i}`, messageId: `p${i}@sim.test` });
      addTransmission(space, raw, [{ recipient: LOUISE, outcome: 'delivered', mailbox: LOUISE, storedId: `m-00000${i}` }]);
      storeMessage(space, raw, { mailbox: LOUISE, connectionId: `submission-${i}` });
    }
    const whole = await api.call('GET', '/api/transmissions');
    assert.equal(whole.body.length, 5);
    assert.equal(whole.headers.get('x-total-count'), '5');
    const window = await api.call('GET', '/api/transmissions?offset=1&limit=2');
    check('GET', '/api/transmissions', window);
    assert.deepEqual(window.body.map((t: { messageId: string }) => t.messageId), ['p2@sim.test', 'p3@sim.test']);
    assert.equal(window.headers.get('x-total-count'), '5');
    const messages = await api.call('GET', `/api/mailboxes/${LOUISE}/messages?offset=3`);
    check('GET', '/api/mailboxes/{address}/messages', messages);
    assert.deepEqual(messages.body.map((m: { subject: string }) => m.subject), ['Message 4', 'Message 5']);
    assert.equal(messages.headers.get('x-total-count'), '5');
    assert.deepEqual((await api.call('GET', `/api/mailboxes/${LOUISE}/messages?limit=0`)).body, [], 'limit=0: only the count');
    const bad = await api.call('GET', '/api/transmissions?limit=-1');
    check('GET', '/api/transmissions', bad);
    assert.deepEqual([bad.status, bad.body.error.code, bad.body.error.message], [400, 'MSS_SIM_API_INVALID_QUERY', 'Valeur « -1 » invalide pour le paramètre limit : un entier entre 0 et 100000 est attendu.']);
  });
});
