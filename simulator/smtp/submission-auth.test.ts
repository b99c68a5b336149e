// Wire tests of AUTH on the submission endpoint: PLAIN, LOGIN, XOAUTH2 (SC.MSS/CONF.07), password AUTH switched off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenIssuer } from '../auth/token-issuer.ts';
import { LIBRARY_REPLIES, xoauth2Challenge, xoauth2ChallengeLine } from './library-replies.ts';
import { REPLIES } from './replies.ts';
import { formatReply } from './smtp-reply.ts';
import { startSubmission } from './testing/endpoint-fixture.ts';
import { CAMILLE, CAMILLE_PASSWORD, DR_MARTIN } from './testing/fake-trust-space.ts';
import { plainPayload, secureClient, xoauth2Payload } from './testing/dialogue.ts';

test('AUTH PLAIN and LOGIN: good and bad credentials; password AUTH off offers XOAUTH2 only', async () => {
  const endpoint = await startSubmission();
  try {
    const client = await secureClient(endpoint);
    assert.deepEqual(await client.command(`AUTH PLAIN ${plainPayload(CAMILLE, 'mauvais')}`), [formatReply(REPLIES.invalidCredentials)]);
    assert.deepEqual(await client.command('AUTH LOGIN'), ['334 VXNlcm5hbWU6']);
    assert.deepEqual(await client.command(Buffer.from(CAMILLE).toString('base64')), ['334 UGFzc3dvcmQ6']);
    assert.deepEqual(await client.command(Buffer.from('mauvais').toString('base64')), [formatReply(REPLIES.invalidCredentials)]);
    assert.deepEqual(await client.command(`AUTH LOGIN ${Buffer.from(CAMILLE).toString('base64')}`), ['334 UGFzc3dvcmQ6']);
    assert.deepEqual(await client.command(Buffer.from(CAMILLE_PASSWORD).toString('base64')), [LIBRARY_REPLIES.authSucceeded]);
    client.close();
    endpoint.settings.passwordAuth = false; // read at each new connection
    const strict = await secureClient(endpoint);
    assert.deepEqual(await strict.command('EHLO client.example').then((lines) => lines.filter((line) => line.includes('AUTH'))), ['250-AUTH XOAUTH2']);
    assert.deepEqual(await strict.command(`AUTH PLAIN ${plainPayload(CAMILLE, CAMILLE_PASSWORD)}`), [LIBRARY_REPLIES.authMechanismNotOffered]);
    strict.close();
  } finally {
    await endpoint.stop();
  }
});

test('AUTH XOAUTH2: good token; expired token and wrong mailbox get the JSON challenge then 535', async () => {
  let now = Date.parse('2026-03-01T10:00:00Z');
  const tokens = new TokenIssuer({ now: () => new Date(now) });
  const endpoint = await startSubmission({ tokens });
  try {
    const good = tokens.issue(CAMILLE, 60).token;
    const client = await secureClient(endpoint);
    assert.deepEqual(await client.command(`AUTH XOAUTH2 ${xoauth2Payload(DR_MARTIN, good)}`), [xoauth2ChallengeLine(xoauth2Challenge('400'))]);
    assert.deepEqual(await client.command(''), [LIBRARY_REPLIES.xoauth2Rejected]);
    assert.deepEqual(await client.command(`AUTH XOAUTH2 ${xoauth2Payload(CAMILLE, good)}`), [LIBRARY_REPLIES.authSucceeded]);
    client.close();
    now += 60_000;
    const late = await secureClient(endpoint);
    assert.deepEqual(await late.command(`AUTH XOAUTH2 ${xoauth2Payload(CAMILLE, good)}`), [xoauth2ChallengeLine(xoauth2Challenge('401'))]);
    assert.equal(xoauth2ChallengeLine(xoauth2Challenge('401')), `334 ${Buffer.from('{"status":"401","schemes":"bearer","scope":"openid"}').toString('base64')}`);
    assert.deepEqual(await late.command(''), [LIBRARY_REPLIES.xoauth2Rejected]);
    late.close();
    const facts = endpoint.journal.connections().flatMap(({ id }) => endpoint.journal.transcript(id)?.lines ?? []).filter((line) => line.direction === '*');
    assert.deepEqual(
      facts.map((line) => line.text).filter((text) => text.startsWith('AUTH')),
      [
        `AUTH XOAUTH2 refusée pour ${DR_MARTIN} : jeton délivré pour une autre boîte aux lettres (token-wrong-mailbox)`,
        `AUTH XOAUTH2 réussie : ${CAMILLE}`,
        `AUTH XOAUTH2 refusée pour ${CAMILLE} : jeton expiré (token-expired)`,
      ],
    );
  } finally {
    await endpoint.stop();
  }
});
