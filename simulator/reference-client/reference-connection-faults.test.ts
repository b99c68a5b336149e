// The reference client's connection to its operator, correct and faulty: against each negative
// TLS setting of the simulated operator (REG-TLS-03, REG-TLS-06) the correct client transmits
// nothing and tells its user, on sending and on the relève; each connection fault changes that
// one behaviour (proof that the conformance checks can fail). Real trust space on port 0.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { TrustSpace } from '../trust-space/trust-space.ts';
import type { ServerTlsSetting } from '../trust-space/server-tls-switch.ts';
import type { ClientDriver } from './client-driver.ts';
import { createReferenceDriver } from './reference-driver.ts';
import type { ConnectionFault } from './reference-fault.ts';
import { configurationFor, LOUISE, oauth2Mailbox, startTestSpace } from './reference-test-space.ts';

let space: TrustSpace;
before(async () => {
  space = await startTestSpace();
});
after(() => space.stop());
afterEach(() => space.reset());

async function client(faults: readonly ConnectionFault[] = [], imap: 'tls' | 'starttls' = 'starttls'): Promise<ClientDriver> {
  const driver = createReferenceDriver({ faults });
  await driver.configure(configurationFor(space, oauth2Mailbox(space), imap));
  return driver;
}

const write = (driver: ClientDriver) => driver.writeToPatient({ patient: LOUISE, subject: 'Bilan', body: 'Bonjour.' });
const NEGATIVE: readonly Partial<ServerTlsSetting>[] = [{ protocols: 'legacy-versions' }, { protocols: 'suites-outside-list' }, { certificate: 'expired' }, { certificate: 'wrong-name' }, { certificate: 'untrusted' }];

function negotiated(): string[] {
  return space.observations.list('tls-established').map((s) => `${s.protocol} ${s.cipherSuite}`);
}

describe('the correct reference client facing an operator it must refuse', () => {
  for (const setting of NEGATIVE) {
    it(`${JSON.stringify(setting)}: nothing sent, no credentials, the user is told on sending and on the relève`, async () => {
      const driver = await client();
      await space.setServerTls(setting);
      const sent = await write(driver);
      assert.equal(sent.status, 'failed');
      assert.match(sent.status === 'failed' ? sent.shownToUser : '', /^Message non envoyé : connexion sécurisée à l'opérateur impossible/);
      const relève = await driver.synchronise();
      assert.match(relève?.shownToUser ?? '', /^Relève de la boîte impossible : connexion sécurisée/);
      assert.deepEqual([space.transmissions.all().length, space.observations.list('auth').length], [0, 0]);
    });
  }
});

const proofs: Record<ConnectionFault, () => Promise<void>> = {
  'no-certificate-verification': async () => {
    await space.setServerTls({ certificate: 'wrong-name' });
    assert.equal((await write(await client(['no-certificate-verification']))).status, 'sent');
  },
  'accepts-legacy-tls': async () => {
    await space.setServerTls({ protocols: 'legacy-versions' });
    assert.equal((await write(await client(['accepts-legacy-tls']))).status, 'sent');
    assert.deepEqual(negotiated(), ['TLSv1.1 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA']);
  },
  'weak-cipher-suites': async () => {
    await space.setServerTls({ protocols: 'suites-outside-list' });
    assert.equal((await write(await client(['weak-cipher-suites']))).status, 'sent');
    assert.deepEqual(negotiated(), ['TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA']);
  },
  'imap-login-before-starttls': async () => {
    assert.equal(await (await client(['imap-login-before-starttls'])).synchronise(), undefined);
    const commands = space.observations.list('imap-command').filter((c) => c.verb === 'AUTHENTICATE');
    assert.deepEqual(commands.map((c) => [c.status, c.code]), [['NO', 'PRIVACYREQUIRED'], ['OK', 'CAPABILITY']]);
  },
  'smtp-auth-before-starttls': async () => {
    assert.equal((await write(await client(['smtp-auth-before-starttls']))).status, 'sent');
    const auth = space.observations.list('smtp-exchange').filter((e) => e.verb === 'AUTH');
    assert.deepEqual(auth.map((e) => (e.code >= 500 ? 'refusé' : e.code)), ['refusé', 235]);
  },
  'tls-failure-hidden': async () => {
    const driver = await client(['tls-failure-hidden']);
    await space.setServerTls({ certificate: 'untrusted' });
    assert.equal((await write(driver)).status, 'sent');
    assert.equal(await driver.synchronise(), undefined);
    assert.equal(space.transmissions.all().length, 0);
  },
};

describe('connection faults of the reference client', () => {
  for (const [fault, proof] of Object.entries(proofs)) it(`${fault} changes its one behaviour`, proof);

  it('the correct client offers only TLS 1.2/1.3 and the allowed suites, and negotiates TLS 1.3', async () => {
    await write(await client());
    await (await client([], 'tls')).synchronise();
    const offers = space.observations.list('tls-client-hello').map((h) => (h.offer.kind === 'client-hello' ? h.offer.facts : undefined));
    assert.equal(offers.length, 2);
    for (const facts of offers) {
      assert.deepEqual(facts?.supportedVersions, ['TLS 1.3', 'TLS 1.2']);
      assert.deepEqual(facts?.cipherSuites.map((s) => s.code), [0x1302, 0x1303, 0x1301, 0xc030, 0xc02f, 0xc028, 0xc027, 0x009f, 0x009e, 0x00ff]);
    }
    assert.deepEqual(negotiated(), ['TLSv1.3 TLS_AES_256_GCM_SHA384', 'TLSv1.3 TLS_AES_256_GCM_SHA384']);
  });
});
