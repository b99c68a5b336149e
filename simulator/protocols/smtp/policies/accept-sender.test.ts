import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatReply } from '../smtp-reply.ts';
import { acceptSender } from './accept-sender.ts';
import type { Verdict } from './verdict.ts';

const CAMILLE = 'camille.morel@pharmacie-des-tilleuls.operateur-a.test';
const line = (verdict: Verdict) => (verdict.accepted ? 'accepté' : [formatReply(verdict.reply), verdict.reply.detail].filter((part) => part !== undefined).join(' | '));

test('submission: TLS first, then AUTH, then the authenticated mailbox only', () => {
  assert.equal(line(acceptSender(CAMILLE, { endpoint: 'submission', secure: false })), "530 5.7.0 STARTTLS obligatoire avant l'authentification et l'envoi");
  assert.equal(line(acceptSender(CAMILLE, { endpoint: 'submission', secure: true })), "530 5.7.0 Authentification obligatoire avant l'envoi d'un message");
  assert.equal(line(acceptSender(CAMILLE, { endpoint: 'submission', secure: true, authenticatedMailbox: CAMILLE })), 'accepté');
  assert.equal(line(acceptSender('Camille.Morel@PHARMACIE-des-tilleuls.operateur-a.test', { endpoint: 'submission', secure: true, authenticatedMailbox: CAMILLE })), 'accepté');
  assert.equal(
    line(acceptSender('autre@pharmacie-des-tilleuls.operateur-a.test', { endpoint: 'submission', secure: true, authenticatedMailbox: CAMILLE })),
    `550 5.7.1 Expéditeur refusé : ce n'est pas la boîte authentifiée | L'expéditeur de l'enveloppe <autre@pharmacie-des-tilleuls.operateur-a.test> n'est pas la boîte authentifiée <${CAMILLE}>`,
  );
  assert.equal(line(acceptSender('', { endpoint: 'submission', secure: true, authenticatedMailbox: CAMILLE })), `550 5.7.1 Expéditeur vide <> refusé : utilisez la boîte authentifiée | L'expéditeur vide <> est refusé en soumission : utilisez la boîte authentifiée <${CAMILLE}>`);
  assert.equal(
    line(acceptSender(CAMILLE, { endpoint: 'submission', secure: true, authenticatedMailbox: CAMILLE, sessionRevoked: true })),
    `530 5.7.0 Session PSC révoquée : reconnectez-vous (SC.MSS/CONF.10) | Session Pro Santé Connect révoquée pour <${CAMILLE}> : fermez cette connexion et authentifiez-vous de nouveau (SC.MSS/CONF.10)`,
  );
});

test('peer: any sender, including the null reverse path', () => {
  assert.deepEqual(acceptSender('', { endpoint: 'peer' }), { accepted: true });
  assert.deepEqual(acceptSender('n.importe@qui.example', { endpoint: 'peer' }), { accepted: true });
});

test('a non-ASCII sender needs SMTPUTF8, judged after TLS and AUTH on submission, first on the peer endpoint (REG-SMTP-06)', () => {
  const utf8 = 'hélène@chu-exemple.operateur-b.test';
  const refusal = "553 5.6.7 Adresse non ASCII refusée : MAIL FROM sans SMTPUTF8 | L'adresse <hélène@chu-exemple.operateur-b.test> contient des caractères hors ASCII : elle n'est admise que dans une transaction ouverte par MAIL FROM:<…> SMTPUTF8 (RFC 6531)";
  assert.equal(line(acceptSender(utf8, { endpoint: 'submission', secure: false })), "530 5.7.0 STARTTLS obligatoire avant l'authentification et l'envoi");
  assert.equal(line(acceptSender(utf8, { endpoint: 'submission', secure: true })), "530 5.7.0 Authentification obligatoire avant l'envoi d'un message");
  assert.equal(line(acceptSender(utf8, { endpoint: 'submission', secure: true, authenticatedMailbox: CAMILLE })), refusal);
  assert.match(line(acceptSender(utf8, { endpoint: 'submission', secure: true, authenticatedMailbox: CAMILLE }, true)), /^550 5\.7\.1 Expéditeur refusé/);
  assert.equal(line(acceptSender(utf8, { endpoint: 'peer' })), refusal);
  assert.equal(line(acceptSender(utf8, { endpoint: 'peer' }, true)), 'accepté');
});
