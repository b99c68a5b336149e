// The reference client's connections as a third-party client makes them: Pro Santé Connect
// tokens from the identity `configure` gives (discovery, password grant, XOAUTH2; SC.MSS/CONF.07),
// an IMAP session cut by the operator reopened without a word (SC.MSS/CONF.11), an APP mailbox's
// certificate then PLAIN with the automatic-sending mention (SC.MSS/CONF.12, MSS/va1.09), servers
// from the autoconfig document (SC.MSS/CONF.04), and a failed relève reported, not thrown.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { PSC_ENDPOINTS, PSC_REALM_PATH, PSC_TEST_PASSWORD } from '../services/auth/psc/psc-constants.ts';
import type { TrustSpace } from '../trust-space/trust-space.ts';
import type { DriverConfiguration } from './client-driver.ts';
import { createReferenceDriver } from './reference-driver.ts';
import { configurationFor, LOUISE, PHARMACY, PHARMACY_PASSWORD, startTestSpace } from './reference-test-space.ts';

let space: TrustSpace;
before(async () => {
  space = await startTestSpace();
});
after(async () => {
  await space.stop();
});
beforeEach(() => space.reset());

function pscMailbox(): DriverConfiguration['mailbox'] {
  const issuer = `${space.endpoints.http.baseUrl}${PSC_REALM_PATH}`;
  return { address: PHARMACY, authentication: 'oauth2', password: PHARMACY_PASSWORD, psc: { login: '899900100019', password: PSC_TEST_PASSWORD, clientId: 'logiciel-teste', discoveryUrl: `${issuer}${PSC_ENDPOINTS.discovery}`, tokenEndpoint: 'http://127.0.0.1:9/inutilise' } };
}

describe('reference client: connections', () => {
  it('gets its token for the professional through discovery and the password grant, then XOAUTH2 on SMTP and IMAP', async () => {
    const driver = createReferenceDriver();
    await driver.configure(configurationFor(space, pscMailbox(), 'starttls'));
    assert.equal((await driver.writeToPatient({ patient: LOUISE, subject: 'Test', body: 'Bonjour.' })).status, 'sent');
    assert.equal(await driver.synchronise(), undefined);
    assert.deepEqual(space.observations.list('token').filter((t) => t.event === 'issued').map((t) => t.subject), ['899900100019']);
    assert.deepEqual(space.observations.list('auth').map((a) => [a.protocol, a.mechanism, a.outcome]), [['smtp', 'XOAUTH2', 'success'], ['imap', 'XOAUTH2', 'success']]);
    await driver.reset();
  });

  it('keeps its IMAP session; cut by the operator, reopens it without asking', async () => {
    const driver = createReferenceDriver();
    await driver.configure(configurationFor(space, pscMailbox(), 'starttls'));
    assert.equal(await driver.synchronise(), undefined);
    assert.equal(await driver.synchronise(), undefined);
    assert.equal(space.observations.list('auth').length, 1, 'the second relève reuses the session');
    const sessionId = space.observations.list('auth')[0]?.sessionId ?? '';
    const closed = new Promise<void>((resolve) => {
      const stop = space.observations.on('connection-closed', () => (stop(), resolve()));
    });
    assert.equal((await fetch(`${space.endpoints.http.baseUrl}/api/psc/sessions/${sessionId}/end-connections`, { method: 'POST' })).status, 204);
    await closed;
    assert.equal(await driver.synchronise(), undefined);
    assert.deepEqual(space.observations.list('auth').map((a) => [a.protocol, a.outcome]), [['imap', 'success'], ['imap', 'success']]);
    await driver.reset();
  });

  it('an APP mailbox presents its certificate, then PLAIN; its text ends with the mention naming Reply-To', async () => {
    const address = 'dpi@ch-valbrume.mssante.fr';
    const issued = (await (await fetch(`${space.endpoints.http.baseUrl}/api/pki/client-certificates/${address}`)).json()) as { certificatePem: string; privateKeyPem: string };
    const driver = createReferenceDriver();
    const replyTo = 'secretariat.cardiologie@ch-valbrume.mssante.fr';
    await driver.configure(configurationFor(space, { address, authentication: 'password', password: 'test-dpi-ch-valbrume', clientCertificate: issued, replyTo }));
    assert.equal((await driver.send({ to: ['helene.rousseau@medecin.mssante.fr'], subject: 'Compte rendu', body: 'Bonjour.' })).status, 'sent');
    assert.deepEqual(space.observations.list('auth').map((a) => [a.mechanism, a.outcome]), [['PLAIN', 'success']]);
    assert.ok(space.observations.list('tls-established').some((t) => t.clientCertificateSubject !== undefined));
    const raw = space.transmissions.all()[0]?.raw.toString('utf8') ?? '';
    assert.match(raw, new RegExp(`^Reply-To: ${replyTo.replace(/\./g, '\\.')}\\r$`, 'm'));
    assert.match(raw, /envoy=C3=A9 automatiquement/);
  });

  it('finds its servers in the autoconfig document; an unreachable IMAP server is a relève failure shown to the user', async () => {
    const driver = createReferenceDriver();
    const { smtp: _smtp, imap: _imap, ...rest } = configurationFor(space, pscMailbox());
    await driver.configure({ ...rest, autoconfig: { url: `${space.endpoints.http.baseUrl}/.well-known/autoconfig/mail/config-v1.1.xml` } });
    assert.equal((await driver.writeToPatient({ patient: LOUISE, subject: 'Test', body: 'Bonjour.' })).status, 'sent');
    assert.equal(await driver.synchronise(), undefined);
    assert.ok(space.observations.list('directory-request').some((r) => r.route.endsWith('/mail/config-v1.1.xml')));
    await driver.configure({ ...configurationFor(space, pscMailbox()), imap: { host: '127.0.0.1', port: 9, security: 'tls' } });
    const failure = await driver.synchronise();
    assert.equal(failure?.status, 'failed');
    assert.match(failure?.shownToUser ?? '', /^Relève de la boîte impossible : .*ECONNREFUSED/);
    await driver.reset();
  });
});
