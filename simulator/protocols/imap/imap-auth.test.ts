// Authentication on the wire (SC.MSS/CONF.07, CONF.09, CONF.10, CONF.12; RFC 3501 §6.2, RFC 4959,
// RFC 5530): every method, Google's XOAUTH2 failure flow, refusal before TLS, STARTTLS
// injection, implicit TLS with a client certificate, revocation, secrets kept out of the journal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { issueClientCertificate } from '../../services/pki/generate-client-certificate.ts';
import { startImapTestServer, type ImapTestServer } from './testing/imap-test-server.ts';
import { RawImapClient } from './testing/raw-imap-client.ts';
import { securedClient } from './testing/raw-session.ts';
import { CAMILLE, PHARMACY } from './testing/sample-messages.ts';

let server: ImapTestServer;

before(async () => {
  server = await startImapTestServer();
});

after(async () => {
  await server.stop();
});

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const PLAIN = b64(`\u0000${PHARMACY}\u0000test-pharmacie-du-parc`);
const xoauth2 = (user: string, token: string) => b64(`user=${user}\u0001auth=Bearer ${token}\u0001\u0001`);
const challenge = (status: string) => `+ ${b64(JSON.stringify({ status, schemes: 'bearer', scope: 'openid' }))}`;

test('before STARTTLS, LOGIN and AUTHENTICATE are refused without looking at the credentials', async () => {
  const { client } = await RawImapClient.connect(server.port);
  const asked = server.authenticator.requests.length;
  const refusal = "NO [PRIVACYREQUIRED] Authentification refusee avant STARTTLS : lancez STARTTLS d'abord (SC.MSS/CONF.07)";
  assert.deepEqual(await client.command('a1', `LOGIN ${PHARMACY} test-pharmacie-du-parc`), [`a1 ${refusal}`]);
  assert.deepEqual(await client.command('a2', 'AUTHENTICATE PLAIN'), [`a2 ${refusal}`]);
  assert.equal(server.authenticator.requests.length, asked);
  client.close();
});

test('AUTHENTICATE PLAIN with an initial response (SASL-IR) and with a continuation', async () => {
  const first = await securedClient(server);
  assert.deepEqual(await first.command('a1', `AUTHENTICATE PLAIN ${PLAIN}`), [expect('a1')]);
  first.close();
  const second = await securedClient(server);
  second.write('a1 AUTHENTICATE PLAIN\r\n');
  assert.equal(await second.line(), '+ ');
  second.write(`${PLAIN}\r\n`);
  assert.equal(await second.line(), expect('a1'));
  second.close();
});

function expect(tag: string): string {
  return `${tag} OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR ID ENABLE IDLE NAMESPACE UIDPLUS MOVE UNSELECT SPECIAL-USE LIST-EXTENDED CHILDREN] Authentification reussie`;
}

test('PLAIN refusals: wrong password, proxy authorisation, cancel, bad base64, unknown mechanism', async () => {
  const client = await securedClient(server);
  assert.deepEqual(await client.command('a1', `AUTHENTICATE PLAIN ${b64(`\u0000${PHARMACY}\u0000faux`)}`), ['a1 NO [AUTHENTICATIONFAILED] Identifiant ou mot de passe incorrect.']);
  assert.deepEqual(await client.command('a2', `AUTHENTICATE PLAIN ${b64(`${CAMILLE}\u0000${PHARMACY}\u0000test-pharmacie-du-parc`)}`), [
    "a2 NO [AUTHORIZATIONFAILED] Identite d'autorisation differente de l'identifiant : acces par procuration non pris en charge",
  ]);
  client.write('a3 AUTHENTICATE PLAIN\r\n');
  assert.equal(await client.line(), '+ ');
  client.write('*\r\n');
  assert.equal(await client.line(), 'a3 BAD Authentification annulee par le client');
  assert.deepEqual(await client.command('a4', 'AUTHENTICATE PLAIN !!!'), ["a4 BAD Reponse d'authentification mal formee"]);
  assert.deepEqual(await client.command('a5', 'AUTHENTICATE CRAM-MD5'), ["a5 NO [CANNOT] Mecanisme d'authentification non pris en charge (PLAIN, XOAUTH2)"]);
  client.close();
});

test('XOAUTH2 failures: the JSON challenge, an empty answer, then NO with the RFC 5530 code', async () => {
  const client = await securedClient(server);
  const cases: [string, string, string, string][] = [
    ['a1', xoauth2(CAMILLE, 'jeton-inconnu'), '401', 'a1 NO [AUTHENTICATIONFAILED] Jeton invalide.'],
    ['a2', xoauth2(CAMILLE, server.authenticator.issueToken(CAMILLE, { expired: true })), '401', 'a2 NO [EXPIRED] Jeton expire : renouvelez-le aupres de Pro Sante Connect.'],
    ['a3', xoauth2(PHARMACY, server.authenticator.issueToken(CAMILLE)), '400', 'a3 NO [AUTHORIZATIONFAILED] Ce jeton ne donne pas acces a cette boite.'],
  ];
  for (const [tag, payload, status, refusal] of cases) {
    client.write(`${tag} AUTHENTICATE XOAUTH2 ${payload}\r\n`);
    assert.equal(await client.line(), challenge(status));
    client.write('\r\n');
    assert.equal(await client.line(), refusal);
  }
  client.close();
});

test('XOAUTH2 without SASL-IR, then revocation of the PSC session ends it with BYE (SC.MSS/CONF.10)', async () => {
  const token = server.authenticator.issueToken(CAMILLE);
  const client = await securedClient(server);
  client.write('a1 AUTHENTICATE XOAUTH2\r\n');
  assert.equal(await client.line(), '+ ');
  client.write(`${xoauth2(CAMILLE, token)}\r\n`);
  assert.equal(await client.line(), expect('a1'));
  await client.command('a2', 'SELECT INBOX');
  server.authenticator.revoke(server.authenticator.sessionIdOf(token));
  assert.equal(await client.line(), '* BYE Session revoquee : le jeton Pro Sante Connect n\'est plus valide, reconnectez-vous (SC.MSS/CONF.10)');
  await client.closed();
});

test('five failed attempts: BYE', async () => {
  const client = await securedClient(server);
  for (let i = 1; i <= 4; i += 1) assert.equal((await client.command(`a${i}`, `LOGIN ${PHARMACY} faux`)).length, 1);
  assert.deepEqual(await client.command('a5', `LOGIN ${PHARMACY} faux`), ['a5 NO [AUTHENTICATIONFAILED] Identifiant ou mot de passe incorrect.']);
  assert.equal(await client.line(), "* BYE Trop d'echecs d'authentification, connexion fermee");
  await client.closed();
});

test('the journal holds facts, never a password or a token', async () => {
  const token = server.authenticator.issueToken(CAMILLE);
  const client = await securedClient(server);
  await client.command('a1', `AUTHENTICATE XOAUTH2 ${xoauth2(CAMILLE, token)}`);
  await client.command('a2', 'LOGOUT');
  const other = await securedClient(server);
  await other.command('a1', `LOGIN "${PHARMACY}" "test-pharmacie-du-parc"`);
  other.write(`a2 LOGIN {${PHARMACY.length}+}\r\n${PHARMACY} {22+}\r\ntest-pharmacie-du-parc\r\n`);
  await other.until('a2');
  other.close();
  const ids = server.journal.connections().slice(-2).map((c) => c.id);
  const text = ids.map((id) => server.journal.format(id)).join('\n');
  assert.doesNotMatch(text, /test-pharmacie-du-parc|jeton-test/);
  assert.doesNotMatch(text, new RegExp(xoauth2(CAMILLE, token).slice(0, 20)));
  assert.match(text, /C: a1 AUTHENTICATE XOAUTH2 \*\*\*/);
  assert.match(text, /C: a1 LOGIN "pharmacie\.duparc@pharmacien\.mssante\.fr" \*\*\*/);
  assert.match(text, /\*: AUTH XOAUTH2 réussie : camille\.dupre@pharmacien\.mssante\.fr \(session psc-session-\d+\)/);
  assert.match(text, /\*: TLS établi : TLSv1\.3, TLS_/);
});

test('STARTTLS: plaintext sent after the command is dropped, not executed (RFC 3501 §6.2.1)', async () => {
  const { client } = await RawImapClient.connect(server.port);
  const before = server.authenticator.requests.length;
  const injected = `a2 LOGIN ${PHARMACY} test-pharmacie-du-parc\r\n`;
  assert.deepEqual(await client.startTls('a1', server.pki.ca.certPem, {}, injected), ['a1 OK Debut de la negociation TLS']);
  assert.deepEqual(await client.command('a3', 'NOOP'), ['a3 OK NOOP termine']);
  assert.equal(server.authenticator.requests.length, before);
  client.close();
  const transcript = server.journal.format(server.journal.connections().at(-1)?.id ?? '');
  assert.ok(transcript.includes(`*: ${injected.length} octets reçus entre STARTTLS et la négociation TLS ignorés (RFC 3501 §6.2.1)`), transcript);
  assert.doesNotMatch(transcript, /a2 LOGIN/);
});

test('implicit TLS with a client certificate: the authenticator gets it (APP mailbox, SC.MSS/CONF.12)', async () => {
  const app = 'dpi@ch-valbrume.mssante.fr';
  const implicit = await startImapTestServer({ tlsMode: 'implicit', tls: { requestCert: true } });
  implicit.authenticator.certificateMailboxes.add(app);
  try {
    const bare = await RawImapClient.connectTls(implicit.port, implicit.pki.ca.certPem);
    assert.match(bare.greeting, /^\* OK \[CAPABILITY IMAP4rev1 .* AUTH=PLAIN AUTH=XOAUTH2\] /);
    assert.deepEqual(await bare.client.command('a1', 'STARTTLS'), ['a1 BAD STARTTLS indisponible sur ce port (TLS implicite)']);
    assert.deepEqual(await bare.client.command('a2', `AUTHENTICATE PLAIN ${b64(`\u0000${app}\u0000test-dpi-ch-valbrume`)}`), [
      'a2 NO [AUTHENTICATIONFAILED] Certificat client requis pour une boite applicative.',
    ]);
    bare.client.close();
    const certificate = await issueClientCertificate({ mailbox: { address: app } }, implicit.pki.ca, new Date());
    const withCert = await RawImapClient.connectTls(implicit.port, implicit.pki.ca.certPem, { key: certificate.keyPem, cert: certificate.certPem });
    assert.deepEqual(await withCert.client.command('a1', `AUTHENTICATE PLAIN ${b64(`\u0000${app}\u0000test-dpi-ch-valbrume`)}`), [expect('a1')]);
    assert.equal(implicit.authenticator.requests.at(-1)?.clientCertificate?.subject?.CN, app);
    withCert.client.close();
  } finally {
    await implicit.stop();
  }
});
