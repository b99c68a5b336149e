import assert from 'node:assert/strict';
import { test } from 'node:test';
import { banner, type EndpointsSummary } from './endpoints-summary.ts';

const address = (port: number) => ({ host: '127.0.0.1', port, tls: 'starttls' });
const SUMMARY: EndpointsSummary = {
  submission: { ...address(2587), auth: ['PLAIN'] },
  peer: address(2525),
  imap: address(2143),
  imaps: address(2993),
  controlApi: { baseUrl: 'http://127.0.0.1:8025/api', openapi: 'http://127.0.0.1:8025/api/openapi.json' },
  proSanteConnect: { discovery: 'http://127.0.0.1:8025/psc', testPassword: 'psc-test' },
  directory: { fhirBaseUrl: 'http://127.0.0.1:8025/fhir/v2', apiKey: 'cle', whitelist: 'http://127.0.0.1:8025/liste', extraction: '', autoconfig: '' },
  caCertificate: { path: '/tmp/ca.crt.pem', url: 'http://127.0.0.1:8025/ca.crt' },
  patientDomain: 'patient.mssante.fr',
  strictRecipients: false,
  demoMailboxes: [
    { persona: 'Dr Paul Martin', role: '', address: 'paul.martin@ch-valbrume.mssante.fr', type: 'PER', password: 'a' },
    { persona: 'Laboratoire des Landes de Brume', role: '', address: 'laboratoire@ouest-esante-sim.mssante.fr', type: 'ORG', password: 'b' },
  ],
  patients: [
    { persona: 'Louise Marchand', address: '284034912304586@patient.mssante.fr', profile: 'active', qualified: true },
    { persona: 'Louise Marchand, née en 1991', address: '291074912345675@patient.mssante.fr', profile: 'closed', qualified: false },
  ],
};

test('the banner lines up its mailbox and patient columns whatever the length of a name', () => {
  const lines = banner(SUMMARY).split('\n');
  const column = (pattern: RegExp) => lines.filter((line) => pattern.test(line)).map((line) => line.search(pattern));
  for (const pattern of [/\b(PER|ORG)\b/, /mot de passe :/, /\d{15}@patient/, /profil :/]) {
    const columns = column(pattern);
    assert.equal(columns.length, 2, String(pattern));
    assert.equal(new Set(columns).size, 1, `${pattern} at columns ${columns.join(', ')}`);
  }
  assert.ok(lines.some((line) => line.endsWith('profil : clôturée, identité non qualifiée')));
});

test('an IPv6 listening address is written in brackets before its port', () => {
  const lines = banner({ ...SUMMARY, submission: { host: '::1', port: 2587, tls: 'starttls', auth: ['PLAIN'] } }).split('\n');
  assert.ok(lines.some((line) => line.includes(' [::1]:2587 ')), lines.join('\n'));
  assert.ok(lines.some((line) => line.includes(' 127.0.0.1:2525 ')));
});
