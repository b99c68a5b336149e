import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatReply } from '../smtp-reply.ts';
import { CAMILLE, DR_MARTIN, NOT_WHITELISTED, OUTSIDE, PATIENTS, UNKNOWN_ON_SIMULATED, fakePlanRecipient, fakeView } from '../testing/fake-trust-space.ts';
import { acceptRecipient, type RecipientContext } from './accept-recipient.ts';

const context = (overrides: Partial<RecipientContext> = {}): RecipientContext => ({
  endpoint: 'submission',
  view: fakeView(),
  planRecipient: fakePlanRecipient,
  strict: false,
  acceptedSoFar: 0,
  repeated: false,
  maxRecipients: 100,
  ...overrides,
});
const line = (address: string, overrides: Partial<RecipientContext> = {}) => {
  const verdict = acceptRecipient(address, context(overrides));
  return verdict.accepted ? 'accepté' : [formatReply(verdict.reply), verdict.reply.detail].filter((part) => part !== undefined).join(' | ');
};

const WHITELIST = '550 5.7.1 Destinataire refusé : domaine hors liste blanche MSSanté';

test('submission: whitelisted domains accepted, others refused with 550 5.7.1, the domain named in the detail', () => {
  assert.equal(line(DR_MARTIN), 'accepté');
  assert.equal(line(PATIENTS.active), 'accepté');
  assert.equal(line(OUTSIDE), `${WHITELIST} | Destinataire <${OUTSIDE}> refusé : le domaine messagerie-ordinaire.example n'est pas dans la liste blanche de l'espace de confiance MSSanté`);
  assert.equal(line(NOT_WHITELISTED), `${WHITELIST} | Destinataire <${NOT_WHITELISTED}> refusé : le domaine hors-liste.operateur-c.test n'est pas dans la liste blanche de l'espace de confiance MSSanté`);
  assert.equal(line('sans-domaine'), `${WHITELIST} | Destinataire <sans-domaine> refusé : le domaine (aucun) n'est pas dans la liste blanche de l'espace de confiance MSSanté`);
});

test('default mode accepts what will bounce; strict mode refuses it with the bounce status', () => {
  for (const address of [PATIENTS.opposed, PATIENTS.closed, PATIENTS.noProfile, PATIENTS.invalid, UNKNOWN_ON_SIMULATED]) assert.equal(line(address), 'accepté');
  const strict = { strict: true };
  assert.equal(line(PATIENTS.opposed, strict), `550 5.1.1 Adresse refusée : cette adresse Mon espace santé n'existe pas | Adresse <${PATIENTS.opposed}> refusée : cette adresse Mon espace santé n'existe pas (le patient s'est opposé à Mon espace santé)`);
  assert.equal(line(PATIENTS.noProfile, strict), `550 5.1.1 Adresse refusée : cette adresse Mon espace santé n'existe pas | Adresse <${PATIENTS.noProfile}> refusée : cette adresse Mon espace santé n'existe pas (pas de profil Mon espace santé)`);
  assert.equal(line(PATIENTS.closed, strict), `550 5.2.1 Adresse refusée : messagerie Mon espace santé clôturée | Adresse <${PATIENTS.closed}> refusée : la messagerie Mon espace santé de ce destinataire est clôturée`);
  assert.equal(line(PATIENTS.invalid, strict), `553 5.1.3 Adresse refusée : adresse Mon espace santé invalide | Adresse <${PATIENTS.invalid}> refusée : cette adresse Mon espace santé est invalide (matricule INS de 15 caractères, clé comprise)`);
  assert.equal(line(UNKNOWN_ON_SIMULATED, strict), `550 5.1.1 Adresse refusée : cette boîte aux lettres MSSanté n'existe pas | Adresse <${UNKNOWN_ON_SIMULATED}> refusée : cette boîte aux lettres MSSanté n'existe pas dans l'annuaire du simulateur`);
  assert.equal(line(PATIENTS.active, strict), 'accepté');
});

test('too many recipients: 452 4.5.3, a repeated recipient is not counted', () => {
  assert.equal(line(DR_MARTIN, { acceptedSoFar: 99 }), 'accepté');
  assert.equal(line(DR_MARTIN, { acceptedSoFar: 100 }), '452 4.5.3 Trop de destinataires : 100 au plus par message');
  assert.equal(line(DR_MARTIN, { acceptedSoFar: 100, repeated: true }), 'accepté');
});

test('peer: only simulated domains (no relay), then the same whitelist and strict rules', () => {
  const peer = { endpoint: 'peer' as const };
  assert.equal(line(CAMILLE, peer), 'accepté');
  assert.equal(line(OUTSIDE, peer), `550 5.7.1 Destinataire refusé : domaine non hébergé ici (relais interdit) | Destinataire <${OUTSIDE}> refusé : le domaine messagerie-ordinaire.example n'est pas hébergé par ce simulateur (relais interdit)`);
  assert.equal(line(NOT_WHITELISTED, peer), `${WHITELIST} | Destinataire <${NOT_WHITELISTED}> refusé : le domaine hors-liste.operateur-c.test n'est pas dans la liste blanche de l'espace de confiance MSSanté`);
  assert.equal(line(PATIENTS.closed, { ...peer, strict: true }), `550 5.2.1 Adresse refusée : messagerie Mon espace santé clôturée | Adresse <${PATIENTS.closed}> refusée : la messagerie Mon espace santé de ce destinataire est clôturée`);
});

test('postmaster (REG-SMTP-05, RFC 5321 §4.5.1): alone on both endpoints, and of every simulated domain; never a relay', () => {
  const peer = { endpoint: 'peer' as const };
  for (const address of ['postmaster', 'Postmaster', 'POSTMASTER', 'postmaster@mssante.simulateur.test']) {
    assert.equal(line(address), 'accepté', address);
    assert.equal(line(address, peer), 'accepté', `${address} (peer)`);
  }
  assert.equal(line(`PostMaster@${CAMILLE.split('@')[1]}`, peer), 'accepté');
  assert.equal(line(`postmaster@${CAMILLE.split('@')[1]}`, { ...peer, strict: true }), 'accepté', 'nothing to refuse in strict mode');
  assert.match(line('postmaster@messagerie-ordinaire.example', peer), /^550 5\.7\.1 Destinataire refusé : domaine non hébergé ici \(relais interdit\)/);
  assert.match(line('postmaster@messagerie-ordinaire.example'), /^550 5\.7\.1 Destinataire refusé : domaine hors liste blanche/);
});

test('a non-ASCII local part needs SMTPUTF8 on the MAIL (553 5.6.7); with it, the ordinary rules apply (REG-SMTP-06)', () => {
  const utf8 = `jos\u00e9.${DR_MARTIN}`;
  assert.match(line(utf8), /^553 5\.6\.7 Adresse non ASCII refusée : MAIL FROM sans SMTPUTF8 \| /);
  assert.match(line(utf8, { endpoint: 'peer' }), /^553 5\.6\.7 /);
  assert.equal(line(utf8, { smtpUtf8: true }), 'accepté');
  assert.match(line(`jos\u00e9@messagerie-ordinaire.example`, { smtpUtf8: true }), /^550 5\.7\.1 /);
});
