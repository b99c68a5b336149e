// Each judgement on the client's connections, shown to fail on the fault it is for and to pass
// on a conforming client: versions and suites offered and negotiated, going on with an operator
// that had to be refused, credentials before TLS.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClientHelloFacts, ClientHelloReading } from '../../../simulator/public-api.ts';
import type { ClientConnection } from './client-connections.ts';
import { attemptedTls, clearCredentialProblems, offerProblem, protocolProblems, wentOnProblems } from './connection-security.ts';

const BASE: ClientHelloFacts = { legacyVersion: 'TLS 1.2', supportedVersions: ['TLS 1.3', 'TLS 1.2'], cipherSuites: [], groups: ['x25519'], alpn: [], extensionTypes: [], grease: false };
function hello(supportedVersions: string[], codes: number[]): ClientHelloReading {
  return { kind: 'client-hello', facts: { ...BASE, supportedVersions, cipherSuites: codes.map((code) => ({ code })) } };
}
const CONFORMING = hello(['TLS 1.3', 'TLS 1.2'], [0x1302, 0x1303, 0x1301, 0xc030, 0xc02f, 0xc028, 0xc027, 0x009f, 0x009e, 0x00ff]);
function connection(partial: Partial<ClientConnection>): ClientConnection {
  return { id: 'imap-1', endpoint: 'imap', offers: [], commands: [], ...partial };
}

test('a conforming offer: TLS 1.2 and 1.3, the six suites, TLS 1.3 suites and the renegotiation signal', () => {
  assert.equal(offerProblem(CONFORMING), undefined);
  assert.deepEqual(protocolProblems([connection({ offers: [CONFORMING], established: { protocol: 'TLSv1.2', cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' } })]), []);
});

test('legacy versions, suites outside the list and TLS 1.3 suites without TLS 1.3 are named', () => {
  assert.match(offerProblem(hello(['TLS 1.3', 'TLS 1.2', 'TLS 1.1', 'TLS 1.0'], [0xc030])) ?? '', /versions TLS 1\.1, TLS 1\.0 proposées/);
  assert.match(offerProblem(hello(['TLS 1.2'], [0xc030, 0xc013, 0x1301])) ?? '', /suites hors liste proposées : 0xC013, 0x1301 \(SC\.MSS\/CONF\.03\)$/);
  assert.match(offerProblem({ kind: 'not-client-hello', reason: 'not-a-tls-handshake-record', preview: 'a LOGIN' }) ?? '', /pas de négociation TLS lisible/);
  assert.equal(offerProblem({ kind: 'truncated', receivedBytes: 0 }), undefined);
  const many = offerProblem(hello(['TLS 1.2'], Array.from({ length: 11 }, (_, i) => 0xc050 + i))) ?? '';
  assert.match(many, /0xC057 et 3 autres \(SC\.MSS\/CONF\.03\)$/);
});

test('a negotiated session outside TLS 1.2/1.3 or the six suites is a problem', () => {
  const problems = protocolProblems([
    connection({ id: 'a', established: { protocol: 'TLSv1.1', cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA' } }),
    connection({ id: 'b', established: { protocol: 'TLSv1.2', cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA' } }),
    connection({ id: 'c', established: { protocol: 'TLSv1.3', cipherSuite: 'TLS_AES_256_GCM_SHA384' } }),
  ]);
  assert.deepEqual(problems, ['connexion a (imap) : session négociée en TLSv1.1 (SC.MSS/CONF.01)', 'connexion b (imap) : suite négociée TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA hors de SC.MSS/CONF.03']);
});

test('going on with an operator to refuse: any AUTH, LOGIN, AUTHENTICATE or MAIL once TLS is up (before TLS is another check)', () => {
  assert.deepEqual(wentOnProblems([connection({ failure: { reason: 'alert', alert: 'certificate expired' }, commands: [{ verb: 'AUTHENTICATE', underTls: false }] })]), []);
  assert.deepEqual(wentOnProblems([connection({ id: 's', endpoint: 'submission', commands: [{ verb: 'AUTH', underTls: true }, { verb: 'MAIL', underTls: true }] })]), ['connexion s (submission) : le logiciel a poursuivi après la négociation TLS (AUTH, MAIL)']);
});

test('credentials before TLS, on SMTP and IMAP; MAIL is not a credential', () => {
  const problems = clearCredentialProblems([
    connection({ commands: [{ verb: 'LOGIN', underTls: false }, { verb: 'AUTHENTICATE', underTls: true }] }),
    connection({ id: 's', endpoint: 'submission', commands: [{ verb: 'AUTH', underTls: false }, { verb: 'MAIL', underTls: false }] }),
  ]);
  assert.deepEqual(problems, [
    "connexion imap-1 (imap) : LOGIN envoyé avant l'établissement de TLS, les identifiants ont circulé en clair",
    "connexion s (submission) : AUTH envoyé avant l'établissement de TLS, les identifiants ont circulé en clair",
  ]);
});

test('a client that never started TLS has not attempted anything', () => {
  assert.equal(attemptedTls([connection({})]), false);
  assert.equal(attemptedTls([connection({ offers: [{ kind: 'truncated', receivedBytes: 0 }] })]), true);
});
