// The configure instruction gives a person all a real mail client needs: hosts, ports, security,
// the test password or the Pro Santé Connect test login, and where the test CA is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DriverConfiguration } from '../../../simulator/public-api.ts';
import { configureInstruction, type PublishedFiles } from './configure-instruction.ts';

const FILES: PublishedFiles = {
  caCertPath: '/srv/banc/.data/pki/ca.crt',
  caCertUrl: 'http://banc.test:8080/ca.crt',
  autoconfigUrl: 'http://banc.test:8080/mail/config-v1.1.xml?emailaddress=pharmacie.duparc@pharmacien.mssante.fr',
  psc: { discoveryUrl: 'http://banc.test:8080/psc/auth/realms/esante-wallet/.well-known/openid-configuration', clientId: 'client-mssante', login: { idNat: '899900100019', name: 'Dr Camille Dupré' }, password: 'psc-test' },
};

function configuration(mailbox: DriverConfiguration['mailbox'], imapSecurity: 'starttls' | 'tls' = 'starttls'): DriverConfiguration {
  return {
    smtp: { host: 'banc.test', port: 2587, security: 'starttls' },
    imap: { host: 'banc.test', port: imapSecurity === 'tls' ? 2993 : 2143, security: imapSecurity },
    directory: { baseUrl: 'http://banc.test:8080/fhir/v2', apiKey: 'cle-test' },
    caCertificatePem: '-----BEGIN CERTIFICATE-----',
    mailbox,
  };
}

const text = (i: { text: string; details: readonly string[] }) => [i.text, ...i.details].join('\n');

test('a password mailbox: hosts, ports, STARTTLS, login and password, the CA file and its URL', () => {
  const shown = text(configureInstruction(configuration({ address: 'pharmacie.duparc@pharmacien.mssante.fr', authentication: 'password', password: 'test-pharmacie-du-parc' }), FILES));
  assert.match(shown, /Envoi \(SMTP\) : serveur banc\.test, port 2587, sécurité STARTTLS obligatoire/);
  assert.match(shown, /Réception \(IMAP\) : serveur banc\.test, port 2143, sécurité STARTTLS obligatoire/);
  assert.match(shown, /identifiant pharmacie\.duparc@pharmacien\.mssante\.fr, mot de passe test-pharmacie-du-parc/);
  assert.match(shown, /fichier \/srv\/banc\/\.data\/pki\/ca\.crt, aussi téléchargeable à http:\/\/banc\.test:8080\/ca\.crt/);
  assert.doesNotMatch(shown, /Pro Santé Connect/);
});

test('IMAP with implicit TLS says so, with its port', () => {
  const shown = text(configureInstruction(configuration({ address: 'a@pharmacien.mssante.fr', authentication: 'password', password: 'x' }, 'tls'), FILES));
  assert.match(shown, /port 2993, sécurité TLS implicite \(IMAPS, SSL\/TLS\)/);
});

test('an oauth2 mailbox: the password as a fallback and the Pro Santé Connect test login (idNat, password, client id, discovery)', () => {
  const shown = text(configureInstruction(configuration({ address: 'pharmacie.duparc@pharmacien.mssante.fr', authentication: 'oauth2', password: 'test-pharmacie-du-parc', tokenEndpoint: 'http://banc.test:8080/psc/token' }), FILES));
  assert.match(shown, /mot de passe test-pharmacie-du-parc/);
  assert.match(shown, /découverte http:\/\/banc\.test:8080\/psc\/auth\/realms\/esante-wallet\/\.well-known\/openid-configuration/);
  assert.match(shown, /identifiant client client-mssante/);
  assert.match(shown, /connexion de Dr Camille Dupré avec l'identifiant 899900100019 et le mot de passe de test psc-test/);
});

test('an oauth2 mailbox with explicit credentials names them', () => {
  const shown = text(configureInstruction(configuration({ address: 'a@pharmacien.mssante.fr', authentication: 'oauth2', tokenEndpoint: 'http://t/token', username: '899900100035', clientSecret: 'psc-test' }), FILES));
  assert.match(shown, /identifiant 899900100035, mot de passe psc-test/);
});
